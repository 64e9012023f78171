package io.qaexport.example.chat;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One conversation per line. Every message has exactly {@code role} and {@code content}: mixed keys
 * would break {@code datasets}' schema inference.
 */
final class ChatRecordWriter implements RecordWriter {
  private final Writer out;
  private final Optional<String> systemPrompt;
  private final List<Column.Kept> kept;

  /**
   * @param kept the shape's kept columns ({@code --keep-columns}), written after the score
   */
  ChatRecordWriter(Path file, Optional<String> systemPrompt, List<Column.Kept> kept)
      throws IOException {
    this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    this.systemPrompt = systemPrompt;
    this.kept = List.copyOf(kept);
  }

  @Override
  public void write(HfRecord record) throws IOException {
    var line = new StringBuilder(256);
    line.append("{\"messages\":[");
    if (systemPrompt.isPresent()) {
      message(line, "system", systemPrompt.get()).append(',');
    }
    message(line, "user", record.question()).append(',');
    message(line, "assistant", record.answer()).append("],");
    line.append("\"source\":");
    Json.string(line, record.source());
    line.append(",\"persona\":");
    Json.string(line, record.persona());
    // Double.toString always has a fraction or exponent, so every reader sees a float column.
    line.append(",\"validation_score\":").append(Double.toString(record.validationScore()));
    for (Column.Kept column : kept) {
      line.append(',');
      Json.string(line, column.name());
      line.append(':');
      Json.keptValue(line, column.of(record));
    }
    line.append("}\n");
    out.write(line.toString());
  }

  private static StringBuilder message(StringBuilder line, String role, String content) {
    line.append("{\"role\":");
    Json.string(line, role);
    line.append(",\"content\":");
    Json.string(line, content);
    return line.append('}');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
