package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/** Streams records into one Parquet file; the footer is written on {@link #close()}. */
final class ParquetRecordWriter implements RecordWriter {
  private final ParquetWriter<HfRecord> writer;
  private final RecordShape shape;

  ParquetRecordWriter(Path file, RecordShape shape, ParquetCompression compression)
      throws IOException {
    this(file, shape, compression, compression.rowGroupBytes());
  }

  /** @param rowGroupBytes the buffered (compressed) size at which a row group is flushed */
  ParquetRecordWriter(Path file, RecordShape shape, ParquetCompression compression,
      long rowGroupBytes) throws IOException {
    this.shape = shape;
    // Both the plain configuration and our codecs are needed to keep Hadoop off the runtime.
    this.writer = new Builder(new NioOutputFile(file), shape)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new AircompressorCodecs())
        .withCompressionCodec(compression.codec())
        .withRowGroupSize(rowGroupBytes)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }

  @Override
  public void write(HfRecord record) throws IOException {
    if (record.shape() != shape) {
      throw new IllegalArgumentException("a " + record.shape() + " record in a " + shape + " file");
    }
    writer.write(record);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static final class Builder extends ParquetWriter.Builder<HfRecord, Builder> {
    private final RecordShape shape;

    Builder(OutputFile file, RecordShape shape) {
      super(file);
      this.shape = shape;
    }

    @Override
    protected Builder self() {
      return this;
    }

    // build() calls this overload; the other one exists only for Hadoop callers.
    @Override
    protected WriteSupport<HfRecord> getWriteSupport(ParquetConfiguration configuration) {
      return new HfRecordWriteSupport(shape);
    }

    @Override
    protected WriteSupport<HfRecord> getWriteSupport(Configuration configuration) {
      return new HfRecordWriteSupport(shape);
    }
  }
}
