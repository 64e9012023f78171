package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.Utf8Text;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/** What every JSONL file we write shares: raw UTF-8, minimal escaping, one object per line. */
final class JsonlWriting {
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          // Emoji and other supplementary characters as 4 raw bytes, never \\uD83D\\uDE00.
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          .build();

  // No separator between root values: each record ends with its own '\n' instead.
  private static final ObjectWriteContext NO_ROOT_SEPARATOR =
      new ObjectWriteContext.Base() {
        @Override
        public SerializableString getRootValueSeparator(SerializableString defaultSeparator) {
          return null;
        }
      };

  private JsonlWriting() {}

  /**
   * A generator over a new file; closing it flushes and closes the file. No fsync here: the commit
   * syncs every staged file once, before it writes its journal.
   */
  static JsonGenerator open(Path file) throws IOException {
    return open(newFile(file));
  }

  /** The file to write from its start, opened as formats open their files. */
  static OutputStream newFile(Path file) throws IOException {
    return Channels.newOutputStream(OutputFormat.openForWriting(file));
  }

  /** A generator over {@code out}, as every file is written. */
  static JsonGenerator open(OutputStream out) {
    return JSON.createGenerator(NO_ROOT_SEPARATOR, out, JsonEncoding.UTF8);
  }

  /** Flushes and closes; I/O failures as the ports speak them. */
  static void close(JsonGenerator generator) throws IOException {
    try {
      generator.close();
    } catch (JacksonException e) {
      throw unwrap(e);
    }
  }

  /**
   * One column's value of the record through Jackson, as the left-out logs write it; the output's
   * own writer ({@link JsonlRecordWriter}) writes the same bytes by hand.
   */
  static void writeValue(JsonGenerator generator, Column column, HfRecord record) {
    if (column instanceof Column.Text text) {
      Utf8Text value = text.utf8(record);
      if (value.jsonSafe()) {
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
