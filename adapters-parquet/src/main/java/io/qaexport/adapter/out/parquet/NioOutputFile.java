package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.OutputFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over any NIO path (parquet's own local file needs {@code
 * Path.toFile()}). Closing forces the bytes to disk, so a file moved into place is whole.
 */
final class NioOutputFile implements OutputFile {
  private static final int BUFFER_BYTES = 1 << 16;

  private final Path path;

  NioOutputFile(Path path) {
    this.path = path;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) throws IOException {
    return new ChannelStream(
        FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW));
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
    return new ChannelStream(OutputFormat.openForWriting(path));
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  @Override
  public String getPath() {
    return path.toString();
  }

  /** Buffers writes and counts bytes itself: the footer's offsets come from {@link #getPos()}. */
  private static final class ChannelStream extends PositionOutputStream {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    private long position;

    ChannelStream(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      if (!buffer.hasRemaining()) {
        drain();
      }
      buffer.put((byte) b);
      position++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (length >= BUFFER_BYTES) {
        drain();
        writeFully(ByteBuffer.wrap(bytes, offset, length));
      } else {
        if (buffer.remaining() < length) {
          drain();
        }
        buffer.put(bytes, offset, length);
      }
      position += length;
    }

    @Override
    public void flush() throws IOException {
      drain();
    }

    @Override
    public void close() throws IOException {
      try (channel) {
        drain(); // no fsync: the commit syncs every staged file once, before its journal
      }
    }

    private void drain() throws IOException {
      buffer.flip();
      writeFully(buffer);
      buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    }
  }
}
