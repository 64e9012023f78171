package io.qaexport.adapter.out.parquet;

import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The codecs users can pick, by the names {@code --compression} takes. */
enum ParquetCompression {
  SNAPPY(CompressionCodecName.SNAPPY),
  ZSTD(CompressionCodecName.ZSTD),
  NONE(CompressionCodecName.UNCOMPRESSED);

  private final CompressionCodecName codec;

  ParquetCompression(CompressionCodecName codec) {
    this.codec = codec;
  }

  CompressionCodecName codec() {
    return codec;
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
