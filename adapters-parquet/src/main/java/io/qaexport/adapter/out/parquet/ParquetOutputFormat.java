package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;

/** Parquet as HuggingFace {@code datasets} writes it, loaded with {@code load_dataset("parquet")}. */
final class ParquetOutputFormat implements OutputFormat {
  private final ParquetCompression compression;

  ParquetOutputFormat(ParquetCompression compression) {
    this.compression = compression;
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
  public RecordWriter open(Path file, RecordShape shape) throws IOException {
    return new ParquetRecordWriter(file, shape, compression);
  }
}
