package io.qaexport.adapter.out.parquet;

import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The codecs users can pick, by the names {@code --compression} takes. */
enum ParquetCompression {
  SNAPPY(CompressionCodecName.SNAPPY, 32L << 20),
  ZSTD(CompressionCodecName.ZSTD, 32L << 20),
  NONE(CompressionCodecName.UNCOMPRESSED, 96L << 20);

  private final CompressionCodecName codec;
  private final long rowGroupBytes;

  /**
   * @param rowGroupBytes parquet-java measures a row group as buffered, already compressed
   *     bytes; text compresses 2–3× with snappy or zstd, so 32 MiB keeps groups near or under
   *     the Hub viewer's ~100 MB of uncompressed data, and bounds the heap a group needs
   */
  ParquetCompression(CompressionCodecName codec, long rowGroupBytes) {
    this.codec = codec;
    this.rowGroupBytes = rowGroupBytes;
  }

  CompressionCodecName codec() {
    return codec;
  }

  long rowGroupBytes() {
    return rowGroupBytes;
  }

  static ParquetCompression named(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown Parquet compression '" + name + "'; use snappy, zstd or none", e);
    }
  }
}
