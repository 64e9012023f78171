package io.qaexport.adapter.out.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.util.Optional;
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
                int compress(byte[] input, byte[] output) throws IOException {
                  return Snappy.rawCompress(input, 0, input.length, output, 0);
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
                int compress(byte[] input, byte[] output) throws IOException {
                  long length =
                      Zstd.compressByteArray(
                          output, 0, output.length, input, 0, input.length, ZSTD_LEVEL);
                  if (Zstd.isError(length)) {
                    throw new IOException("zstd: " + Zstd.getErrorName(length));
                  }
                  return (int) length;
                }
              });
        }
        default -> Optional.empty();
      };
    } catch (LinkageError | RuntimeException noNativeLibrary) {
      return Optional.empty();
    }
  }

  /** Reuses its output buffer: parquet consumes each result before the next call. */
  private abstract static class Compressing implements BytesInputCompressor {
    private final CompressionCodecName codec;
    private byte[] output = new byte[0];

    Compressing(CompressionCodecName codec) {
      this.codec = codec;
    }

    abstract int bound(int length);

    abstract int compress(byte[] input, byte[] output) throws IOException;

    @Override
    // BytesInput.toByteArray is deprecated for buffer-pool users; the codecs need one array.
    @SuppressWarnings("deprecation")
    public BytesInput compress(BytesInput bytes) throws IOException {
      byte[] input = bytes.toByteArray();
      int bound = bound(input.length);
      if (output.length < bound) {
        output = new byte[bound];
      }
      return BytesInput.from(output, 0, compress(input, output));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {
      output = new byte[0];
    }
  }
}
