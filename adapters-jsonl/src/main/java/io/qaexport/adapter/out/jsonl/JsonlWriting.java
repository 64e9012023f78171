package io.qaexport.adapter.out.jsonl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

  /** A generator over a new file; closing it flushes, forces to disk and closes the file. */
  static JsonGenerator open(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file,
            StandardOpenOption.WRITE,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING);
    OutputStream out = new DurableOutputStream(channel);
    return JSON.createGenerator(NO_ROOT_SEPARATOR, out, JsonEncoding.UTF8);
  }

  /** Flushes, forces to disk and closes; I/O failures as the ports speak them. */
  static void close(JsonGenerator generator) throws IOException {
    try {
      generator.close();
    } catch (JacksonException e) {
      throw JsonlRecordWriter.unwrap(e);
    }
  }

  /** Forces the bytes to disk on close, so a file moved into place after a crash is whole. */
  private static final class DurableOutputStream extends OutputStream {
    private final FileChannel channel;
    private final OutputStream out;

    DurableOutputStream(FileChannel channel) {
      this.channel = channel;
      this.out = Channels.newOutputStream(channel);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      try (channel) {
        channel.force(true);
      }
    }
  }
}
