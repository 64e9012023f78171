package io.qaexport.adapter.out.parquet;

import java.util.Locale;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The codecs users can pick, by the values the {@code compression} option takes. */
enum ParquetCompression {
  SNAPPY,
  ZSTD,
  NONE;

  /** The value that picks this codec. */
  String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * parquet-java's codec. Only the writer asks, so checking the option loads no parquet-java class
   * (the enum's constants name none).
   */
  CompressionCodecName codec() {
    return switch (this) {
      case SNAPPY -> CompressionCodecName.SNAPPY;
      case ZSTD -> CompressionCodecName.ZSTD;
      case NONE -> CompressionCodecName.UNCOMPRESSED;
    };
  }
}
