package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * A stage's log of the pairs it left out ({@code <output>.duplicates.jsonl}, {@code
 * <output>.decontaminated.jsonl}): per pair, the stage's facts in order ({@code line}, {@code
 * duplicate_of}, {@code similarity}, …), then the pair's columns as in the output, so a left-out
 * pair can be restored as it was.
 */
final class JsonlLeftOutLog implements LeftOutLog {
  private final JsonGenerator generator;
  private final RecordShape shape;

  JsonlLeftOutLog(Path file, RecordShape shape) throws IOException {
    this.generator = JsonlWriting.open(file);
    this.shape = shape;
  }

  @Override
  public void append(List<Fact> facts, HfRecord record) throws IOException {
    try {
      generator.writeStartObject();
      for (Fact fact : facts) {
        if (fact.value() instanceof Long number) {
          generator.writeNumberProperty(fact.name(), number);
        } else if (fact.value() instanceof Double number) {
          generator.writeNumberProperty(fact.name(), number);
        } else {
          generator.writeStringProperty(fact.name(), (String) fact.value());
        }
      }
      for (Column column : shape.columns()) {
        generator.writeName(column.name());
        JsonlWriting.writeValue(generator, column, record);
      }
      generator.writeEndObject();
      generator.writeRaw('\n');
    } catch (JacksonException e) {
      throw JsonlWriting.unwrap(e);
    }
  }

  @Override
  public void close() throws IOException {
    JsonlWriting.close(generator);
  }
}
