package io.qaexport.adapter.out.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy and Zstandard through the JNI libraries parquet-java itself uses (xerial snappy-java,
 * zstd-jni; their jars carry the Linux natives): 2–3x faster than the pure-Java codecs, which stay
 * the fallback where a native library cannot load (no writable temp directory, another platform).
 * Either gives the same values; compressed bytes may differ.
 */
final class NativeCompressors {
  /** Zstandard's default level, as parquet-java and aircompressor use it. */
  private static final int ZSTD_LEVEL = 3;

  private NativeCompressors() {}

  /** The fastest compressor for {@code codec} that works here. */
  static BytesInputCompressor best(CompressionCodecName codec) {
    return nativeFor(codec).orElseGet(() -> new AircompressorCodecs().getCompressor(codec));
  }

  static Optional<BytesInputCompressor> nativeFor(CompressionCodecName codec) {
    try {
      return switch (codec) {
        case SNAPPY -> {
          Snappy.maxCompressedLength(1); // loads the native library, or throws
          yield Optional.of(
              new Compressing(codec) {
                @Override
                int bound(int length) {
                  return Snappy.maxCompressedLength(length);
                }

                @Override
                int compress(byte[] input, int offset, int length, byte[] output)
                    throws IOException {
                  return Snappy.rawCompress(input, offset, length, output, 0);
                }
              });
        }
        case ZSTD -> {
          Zstd.compressBound(1); // loads the native library, or throws
          yield Optional.of(
              new Compressing(codec) {
                @Override
                int bound(int length) {
                  return (int) Zstd.compressBound(length);
                }

                @Override
                int compress(byte[] input, int offset, int length, byte[] output)
                    throws IOException {
                  long compressed =
                      Zstd.compressByteArray(
                          output, 0, output.length, input, offset, length, ZSTD_LEVEL);
                  if (Zstd.isError(compressed)) {
                    throw new IOException("zstd: " + Zstd.getErrorName(compressed));
                  }
                  return (int) compressed;
                }
              });
        }
        default -> Optional.empty();
      };
    } catch (LinkageError | RuntimeException noNativeLibrary) {
      return Optional.empty();
    }
  }

  /**
   * Reuses its buffers: parquet consumes each result before the next call. A page held in one array
   * is compressed where it lies; one in pieces is gathered into a reused array first (a new array
   * per page was a seventh of a Parquet export's allocation, and so of its collections).
   */
  private abstract static class Compressing implements BytesInputCompressor {
    private final CompressionCodecName codec;
    private byte[] output = new byte[0];
    private byte[] gathered = new byte[0];

    private final ByteBufferAllocator gathering =
        new ByteBufferAllocator() {
          @Override
          public ByteBuffer allocate(int size) {
            if (gathered.length < size) {
              gathered = new byte[size];
            }
            return ByteBuffer.wrap(gathered, 0, size);
          }

          @Override
          public void release(ByteBuffer buffer) {}

          @Override
          public boolean isDirect() {
            return false;
          }
        };

    Compressing(CompressionCodecName codec) {
      this.codec = codec;
    }

    abstract int bound(int length);

    abstract int compress(byte[] input, int offset, int length, byte[] output) throws IOException;

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      ByteBuffer page = bytes.toByteBuffer(gathering, nothingToRelease -> {});
      int length = page.remaining();
      if (!page.hasArray()) { // read-only: its array cannot be handed out, so copy it
        ByteBuffer copy = gathering.allocate(length);
        copy.put(page).flip();
        page = copy;
      }
      int bound = bound(length);
      if (output.length < bound) {
        output = new byte[bound];
      }
      return BytesInput.from(
          output, 0, compress(page.array(), page.arrayOffset() + page.position(), length, output));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {
      output = new byte[0];
      gathered = new byte[0];
    }
  }
}
