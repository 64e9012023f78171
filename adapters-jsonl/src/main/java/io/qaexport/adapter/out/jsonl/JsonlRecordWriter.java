package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes one record per line with the shape's columns in order. Scores go through Jackson's double
 * writer, which always prints a fraction or an exponent ({@code 1.0}, never {@code 1}).
 */
final class JsonlRecordWriter implements RecordWriter {
  private final JsonGenerator generator;
  private final RecordShape shape;
  private final SerializableString[] names;

  JsonlRecordWriter(Path file, RecordShape shape) throws IOException {
    this.generator = JsonlWriting.open(file);
    this.shape = shape;
    this.names =
        shape.columns().stream()
            .map(column -> new SerializedString(column.name()))
            .toArray(SerializableString[]::new);
  }

  @Override
  public void write(HfRecord record) throws IOException {
    if (!shape.fits(record)) {
      throw new IllegalArgumentException("a " + record.shape() + " record in a " + shape + " file");
    }
    try {
      generator.writeStartObject();
      List<Column> columns = shape.columns();
      for (int i = 0; i < names.length; i++) {
        generator.writeName(names[i]);
        writeValue(generator, columns.get(i), record);
      }
      generator.writeEndObject();
      generator.writeRaw('\n');
    } catch (JacksonException e) {
      throw unwrap(e);
    }
  }

  /** One column's value of the record, as the output and the left-out logs write it. */
  static void writeValue(JsonGenerator generator, Column column, HfRecord record) {
    if (column instanceof Column.Text text) {
      Utf8Text value = text.utf8(record);
      if (value.jsonSafe()) {
        // Bytes that were a JSON string without escapes need none: copied, not checked byte by
        // byte (Jackson's escape check was a fifth of a JSONL export's CPU).
        generator.writeRawUTF8String(value.array(), value.offset(), value.length());
      } else {
        // Jackson escapes what JSON requires and copies the rest: no decoding, no encoding.
        generator.writeUTF8String(value.array(), value.offset(), value.length());
      }
    } else if (column instanceof Column.Float64 number) {
      generator.writeNumber(number.of(record));
    } else if (column instanceof Column.Kept kept) {
      KeptJson.write(generator, kept.of(record));
    }
  }

  @Override
  public void close() throws IOException {
    JsonlWriting.close(generator);
  }

  /** Jackson 3 wraps I/O failures in unchecked exceptions; the port speaks IOException. */
  static IOException unwrap(JacksonException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof UncheckedIOException unchecked) {
      return unchecked.getCause();
    }
    return new IOException(e.getOriginalMessage(), e);
  }
}
