package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.DuplicateLog;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * The deduplication log ({@code <output>.duplicates.jsonl}): per dropped pair, {@code line},
 * {@code duplicate_of} (the kept pair's line), {@code similarity} (1.0 for exact duplicates),
 * then the pair's columns as in the output, so a dropped pair can be restored as it was.
 */
final class JsonlDuplicateLog implements DuplicateLog {
  private final JsonGenerator generator;

  JsonlDuplicateLog(Path file) throws IOException {
    this.generator = JsonlWriting.open(file);
  }

  @Override
  public void append(long lineNumber, long duplicateOf, double similarity, HfRecord record)
      throws IOException {
    try {
      generator.writeStartObject();
      generator.writeNumberProperty("line", lineNumber);
      generator.writeNumberProperty("duplicate_of", duplicateOf);
      generator.writeNumberProperty("similarity", similarity);
      for (Column column : RecordShape.PASSED.columns()) {
        generator.writeName(column.name());
        if (column instanceof Column.Text text) {
          generator.writeString(text.of(record));
        } else if (column instanceof Column.Float64 number) {
          generator.writeNumber(number.of(record));
        }
      }
      generator.writeEndObject();
      generator.writeRaw('\n');
    } catch (JacksonException e) {
      throw JsonlRecordWriter.unwrap(e);
    }
  }

  @Override
  public void close() throws IOException {
    JsonlWriting.close(generator);
  }
}
