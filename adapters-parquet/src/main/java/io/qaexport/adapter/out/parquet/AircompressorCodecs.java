package io.qaexport.adapter.out.parquet;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Pure-Java Snappy and Zstandard from aircompressor (which parquet-java already depends on), and
 * for reading other writers' files also LZ4 (raw) from aircompressor and gzip from the JDK.
 * parquet-java's own factory loads Hadoop's codec classes even for uncompressed files, and its
 * codecs need native libraries; this one needs neither.
 */
final class AircompressorCodecs implements CompressionCodecFactory {
  private static final long UNDECLARED = -1;

  /** The codecs {@link #getDecompressor} reads. */
  static final Set<CompressionCodecName> DECOMPRESSED =
      EnumSet.of(
          CompressionCodecName.UNCOMPRESSED,
          CompressionCodecName.SNAPPY,
          CompressionCodecName.GZIP,
          CompressionCodecName.ZSTD,
          CompressionCodecName.LZ4_RAW);

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> new Uncompressed();
      case SNAPPY -> new Compressing(codec, new SnappyCompressor());
      case ZSTD -> new Compressing(codec, new ZstdCompressor());
      default -> throw unsupported(codec);
    };
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return switch (codec) {
      case UNCOMPRESSED -> new Uncompressed();
      case SNAPPY ->
          new Decompressing(
              SnappyDecompressor::new, input -> SnappyDecompressor.getUncompressedLength(input, 0));
      case ZSTD -> new Decompressing(ZstdDecompressor::new, input -> UNDECLARED);
      case LZ4_RAW -> new Decompressing(Lz4Decompressor::new, input -> UNDECLARED);
      case GZIP -> new Gunzip();
      default -> throw unsupported(codec);
    };
  }

  @Override
  public void release() {}

  private static IllegalArgumentException unsupported(CompressionCodecName codec) {
    return new IllegalArgumentException("codec not supported without Hadoop: " + codec);
  }

  private static final class Uncompressed implements BytesInputCompressor, BytesInputDecompressor {
    @Override
    public BytesInput compress(BytesInput bytes) {
      return bytes;
    }

    @Override
    public CompressionCodecName getCodecName() {
      return CompressionCodecName.UNCOMPRESSED;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) {
      return bytes;
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize) {
      ByteBuffer source = input.slice();
      source.limit(compressedSize);
      output.put(source);
      input.position(input.position() + compressedSize);
    }

    @Override
    public void release() {}
  }

  /** Reuses its output buffer: parquet consumes each result before the next call. */
  private static final class Compressing implements BytesInputCompressor {
    private final CompressionCodecName codec;
    private final Compressor compressor;
    private byte[] output = new byte[0];

    Compressing(CompressionCodecName codec, Compressor compressor) {
      this.codec = codec;
      this.compressor = compressor;
    }

    @Override
    // BytesInput.toByteArray is deprecated for buffer-pool users; the codecs need one array.
    @SuppressWarnings("deprecation")
    public BytesInput compress(BytesInput bytes) throws IOException {
      byte[] input = bytes.toByteArray();
      int bound = compressor.maxCompressedLength(input.length);
      if (output.length < bound) {
        output = new byte[bound];
      }
      int length = compressor.compress(input, 0, input.length, output, 0, output.length);
      return BytesInput.from(output, 0, length);
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

  private static final class Decompressing implements BytesInputDecompressor {
    private final Decompressor decompressor;
    private final ToLongFunction<byte[]> declaredSize;

    /**
     * @param declaredSize the size the compressed bytes themselves declare (Snappy's preamble), or
     *     {@link #UNDECLARED}: checked before the output is allocated, so a corrupt page header
     *     cannot ask for gigabytes
     */
    Decompressing(Supplier<Decompressor> decompressor, ToLongFunction<byte[]> declaredSize) {
      this.decompressor = decompressor.get();
      this.declaredSize = declaredSize;
    }

    @Override
    @SuppressWarnings("deprecation") // as compress: the codec needs one array
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      byte[] input = bytes.toByteArray();
      long declared = declaredSize.applyAsLong(input);
      if (declared != UNDECLARED && declared != decompressedSize) {
        throw new IOException(
            "the page's data holds " + declared + " bytes, its header says " + decompressedSize);
      }
      // A fresh array each time: readers keep dictionary pages.
      byte[] output = new byte[decompressedSize];
      int length = decompressor.decompress(input, 0, input.length, output, 0, decompressedSize);
      if (length != decompressedSize) {
        throw new IOException("decompressed " + length + " bytes, expected " + decompressedSize);
      }
      return BytesInput.from(output);
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      ByteBuffer source = input.slice();
      source.limit(compressedSize);
      ByteBuffer target = output.slice();
      target.limit(decompressedSize);
      decompressor.decompress(source, target);
      if (target.position() != decompressedSize) {
        throw new IOException(
            "decompressed " + target.position() + " bytes, expected " + decompressedSize);
      }
      input.position(input.position() + compressedSize);
      output.position(output.position() + decompressedSize);
    }

    @Override
    public void release() {}
  }

  /** Parquet's GZIP pages are gzip streams (RFC 1952), as the JDK reads them. */
  private static final class Gunzip implements BytesInputDecompressor {
    @Override
    public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
      return BytesInput.from(gunzip(bytes.toInputStream(), decompressedSize));
    }

    @Override
    public void decompress(
        ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
        throws IOException {
      byte[] compressed = new byte[compressedSize];
      input.get(compressed);
      output.put(gunzip(new ByteArrayInputStream(compressed), decompressedSize));
    }

    private static byte[] gunzip(InputStream compressed, int size) throws IOException {
      try (InputStream in = new GZIPInputStream(compressed)) {
        byte[] output = in.readNBytes(size);
        if (output.length != size || in.read() != -1) {
          throw new IOException("gzip: the page does not hold " + size + " bytes");
        }
        return output;
      }
    }

    @Override
    public void release() {}
  }
}
