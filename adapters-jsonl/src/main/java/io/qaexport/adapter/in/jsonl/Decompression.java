package io.qaexport.adapter.in.jsonl;

import io.airlift.compress.zstd.ZstdInputStream;
import io.qaexport.application.port.out.CorruptInputException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.compress.compressors.CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Compressed input, told by its first bytes (never by the file name, which pipelines do not keep
 * honest): gzip, bzip2 and xz with Commons Compress, zstd with aircompressor (pure Java). A
 * decoder's failure while the file itself reads fine is {@link CorruptInputException}.
 */
enum Decompression {
  NONE(new byte[0]),
  GZIP(new byte[] {0x1f, (byte) 0x8b}),
  ZSTD(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
  BZIP2(new byte[] {'B', 'Z', 'h'}),
  XZ(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0});

  private static final int LONGEST_MAGIC = 6;
  private final byte[] magic;

  Decompression(byte[] magic) {
    this.magic = magic;
  }

  /** The format's usual name in messages, e.g. {@code gzip}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The compression of {@code in}, which must support mark/reset; nothing is consumed. */
  static Decompression detect(InputStream in) throws IOException {
    in.mark(LONGEST_MAGIC);
    byte[] head = in.readNBytes(LONGEST_MAGIC);
    in.reset();
    for (Decompression candidate : values()) {
      if (candidate != NONE
          && head.length >= candidate.magic.length
          && Arrays.equals(
              head, 0, candidate.magic.length, candidate.magic, 0, candidate.magic.length)) {
        return candidate;
      }
    }
    return NONE;
  }

  /** {@code raw} decoded, if compressed; its own read failures stay plain IOExceptions. */
  static Opened open(InputStream raw, int bufferBytes) throws IOException {
    var watched = new WatchedStream(raw);
    var buffered = new BufferedInputStream(watched, bufferBytes);
    Decompression kind = detect(buffered);
    if (kind == NONE) {
      return new Opened(kind, buffered);
    }
    InputStream decoded;
    try {
      decoded =
          switch (kind) {
            // Not the JDK's GZIPInputStream: it ends quietly at bytes after the last member that
            // are not gzip, dropping any lines they hold; Commons Compress fails on them.
            case GZIP ->
                GzipCompressorInputStream.builder()
                    .setInputStream(buffered)
                    .setDecompressConcatenated(true)
                    .get();
            case ZSTD -> new ZstdInputStream(buffered);
            case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
            case XZ ->
                XZCompressorInputStream.builder()
                    .setInputStream(buffered)
                    .setDecompressConcatenated(true)
                    .get();
            default -> throw new IllegalStateException(kind.name());
          };
    } catch (IOException | RuntimeException e) {
      throw kind.failure(watched, e);
    }
    return new Opened(kind, new DecodedStream(decoded, kind, watched));
  }

  private IOException failure(WatchedStream watched, Exception e) {
    if (watched.failure != null && e instanceof IOException io) {
      return io;
    }
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new CorruptInputException(
        "the " + label() + " data is corrupt or truncated (" + detail + ")", e);
  }

  /** The decoded stream and what it was decoded from. */
  record Opened(Decompression kind, InputStream in) {}

  /** Remembers whether the file itself failed to read, so a decoder's failure can be told apart. */
  private static final class WatchedStream extends FilterInputStream {
    private IOException failure;

    WatchedStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  /**
   * Turns the decoder's complaints (exceptions of any kind) into {@link CorruptInputException},
   * after the bytes it decoded before them: a decoder that fails part way through a read loses what
   * that read had decoded, and the lines in it would be missing from the error's line number.
   */
  private static final class DecodedStream extends FilterInputStream {
    private final Decompression kind;
    private final WatchedStream watched;
    private IOException failure;

    DecodedStream(InputStream decoded, Decompression kind, WatchedStream watched) {
      super(decoded);
      this.kind = kind;
      this.watched = watched;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int read = read(one, 0, 1);
      return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        throw failure; // again on every later read, like a failing file
      }
      long before = decodedSoFar();
      try {
        return super.read(b, off, len);
      } catch (IOException | RuntimeException e) {
        failure = kind.failure(watched, e);
        long delivered = decodedSoFar() - before;
        if (delivered > 0 && delivered <= len) {
          return (int) delivered; // the failure comes with the next read, after these bytes
        }
        throw failure;
      }
    }

    /**
     * Commons Compress counts each byte it decodes into the caller's array as it goes.
     * aircompressor's zstd keeps no such count, and it decodes nothing of a block whose input is
     * cut short: a truncated zstd file's error names the first line that decoder could not give.
     */
    private long decodedSoFar() {
      return in instanceof CompressorInputStream counted ? counted.getBytesRead() : 0;
    }
  }
}
