package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes one record per line with the columns in schema order. Scores go through Jackson's
 * double writer, which always prints a fraction or an exponent ({@code 1.0}, never {@code 1}).
 */
final class JsonlRecordWriter implements RecordWriter {
  private static final SerializableString QUESTION = new SerializedString("question");
  private static final SerializableString ANSWER = new SerializedString("answer");
  private static final SerializableString SOURCE = new SerializedString("source");
  private static final SerializableString PERSONA = new SerializedString("persona");
  private static final SerializableString SCORE = new SerializedString("validation_score");
  private static final SerializableString FAILURE_REASON = new SerializedString("failure_reason");

  private final JsonGenerator generator;
  private final RecordShape shape;

  JsonlRecordWriter(Path file, RecordShape shape) throws IOException {
    this.generator = JsonlWriting.open(file);
    this.shape = shape;
  }

  @Override
  public void write(HfRecord record) throws IOException {
    if (record.shape() != shape) {
      throw new IllegalArgumentException("a " + record.shape() + " record in a " + shape + " file");
    }
    try {
      generator.writeStartObject();
      generator.writeName(QUESTION);
      text(record.question());
      generator.writeName(ANSWER);
      text(record.answer());
      generator.writeName(SOURCE);
      text(record.source());
      generator.writeName(PERSONA);
      text(record.persona());
      generator.writeName(SCORE);
      generator.writeNumber(record.validationScore());
      if (shape.hasFailureReason()) {
        generator.writeName(FAILURE_REASON);
        text(record.failureReason());
      }
      generator.writeEndObject();
      generator.writeRaw('\n');
    } catch (JacksonException e) {
      throw unwrap(e);
    }
  }

  /**
   * The JDK's UTF-8 encoder is much faster than Jackson's char-by-char one for non-ASCII text;
   * Jackson then only escapes what JSON requires in the bytes and copies the rest.
   */
  private void text(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    generator.writeUTF8String(utf8, 0, utf8.length);
  }

  @Override
  public void close() throws IOException {
    try {
      generator.close();
    } catch (JacksonException e) {
      throw unwrap(e);
    }
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
