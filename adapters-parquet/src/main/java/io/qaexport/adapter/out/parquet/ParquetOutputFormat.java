package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.FormatOptionException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parquet as HuggingFace {@code datasets} writes it, loaded with {@code load_dataset("parquet")}.
 */
final class ParquetOutputFormat implements OutputFormat {
  /** The option that picks the codec; without it, Snappy, as {@code datasets} writes. */
  static final String COMPRESSION = "compression";

  private final ParquetCompression compression;

  ParquetOutputFormat() {
    this(ParquetCompression.SNAPPY);
  }

  private ParquetOutputFormat(ParquetCompression compression) {
    this.compression = compression;
  }

  ParquetCompression compression() {
    return compression;
  }

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public String description() {
    return "Apache Parquet with the datasets features in its footer; --compression snappy"
        + " (default), zstd or none";
  }

  @Override
  public String fileExtension() {
    return "parquet";
  }

  @Override
  public String hfBuilderName() {
    return "parquet";
  }

  @Override
  public Set<String> optionNames() {
    return Set.of(COMPRESSION);
  }

  /** Takes {@code compression}: a codec's value, in any case. */
  @Override
  public OutputFormat withOptions(Map<String, String> options) {
    String value = options.get(COMPRESSION);
    if (value == null) {
      return this;
    }
    String wanted = value.toLowerCase(Locale.ROOT);
    for (ParquetCompression codec : ParquetCompression.values()) {
      if (codec.optionValue().equals(wanted)) {
        return new ParquetOutputFormat(codec);
      }
    }
    // The option named apart, so the command line can put its flag in the option's place.
    throw new FormatOptionException(
        COMPRESSION,
        "takes "
            + Arrays.stream(ParquetCompression.values())
                .map(ParquetCompression::optionValue)
                .collect(Collectors.joining(", "))
            + ", not '"
            + wanted
            + "'");
  }

  @Override
  public RecordWriter open(Path file, RecordShape shape) throws IOException {
    return new ParquetRecordWriter(file, shape, compression);
  }
}
