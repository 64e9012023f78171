package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Streams records into one Parquet file, cutting row groups by their <em>uncompressed</em> size.
 *
 * <p>parquet-java's {@code ParquetWriter} measures a row group in compressed bytes, so well
 * compressing text yields groups many times the Hub viewer's ~100 MB limit; this writer drives
 * parquet-java's file, page and column writers itself and flushes a group once the plain-encoded
 * size of its values reaches the limit. Memory stays bounded by one group.
 */
final class ParquetRecordWriter implements RecordWriter {
  /** Plain-encoded bytes per row group: safely under the Hub viewer's ~100 MB. */
  static final long DEFAULT_ROW_GROUP_BYTES = 64L << 20;
  private static final int LENGTH_PREFIX_BYTES = 4;

  private final RecordShape shape;
  private final MessageType schema;
  private final ParquetFileWriter file;
  private final ParquetProperties properties = ParquetProperties.builder().build();
  private final MessageColumnIO columns;
  private final BytesInputCompressor compressor;
  private final long rowGroupBytes;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columnStore;
  private RecordConsumer consumer;
  private long rowsInGroup;
  private long bytesInGroup;

  ParquetRecordWriter(Path path, RecordShape shape, ParquetCompression compression)
      throws IOException {
    this(path, shape, compression, DEFAULT_ROW_GROUP_BYTES);
  }

  /** @param rowGroupBytes the plain-encoded size of values at which a row group is closed */
  ParquetRecordWriter(Path path, RecordShape shape, ParquetCompression compression,
      long rowGroupBytes) throws IOException {
    this.shape = shape;
    this.schema = HfParquetSchema.messageType(shape);
    this.rowGroupBytes = rowGroupBytes;
    this.columns = new ColumnIOFactory().getColumnIO(schema);
    this.compressor = new AircompressorCodecs().getCompressor(compression.codec());
    this.file = new ParquetFileWriter(new NioOutputFile(path), schema,
        ParquetFileWriter.Mode.OVERWRITE, rowGroupBytes, 0, null, properties);
    file.start();
  }

  @Override
  public void write(HfRecord record) throws IOException {
    if (record.shape() != shape) {
      throw new IllegalArgumentException("a " + record.shape() + " record in a " + shape + " file");
    }
    if (consumer == null) {
      startRowGroup();
    }
    consumer.startMessage();
    text(0, "question", record.question());
    text(1, "answer", record.answer());
    text(2, "source", record.source());
    text(3, "persona", record.persona());
    consumer.startField("validation_score", 4);
    consumer.addDouble(record.validationScore());
    consumer.endField("validation_score", 4);
    bytesInGroup += Double.BYTES;
    if (shape.hasFailureReason()) {
      text(5, "failure_reason", record.failureReason());
    }
    consumer.endMessage();
    rowsInGroup++;
    if (bytesInGroup >= rowGroupBytes) {
      flushRowGroup();
    }
  }

  private void text(int index, String name, String value) {
    Binary bytes = Binary.fromString(value);
    consumer.startField(name, index);
    consumer.addBinary(bytes);
    consumer.endField(name, index);
    bytesInGroup += LENGTH_PREFIX_BYTES + bytes.length();
  }

  private void startRowGroup() {
    pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
        properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
    columnStore = properties.newColumnWriteStore(schema, pages, pages);
    consumer = columns.getRecordWriter(columnStore);
    rowsInGroup = 0;
    bytesInGroup = 0;
  }

  private void flushRowGroup() throws IOException {
    if (consumer == null) {
      return;
    }
    columnStore.flush();
    file.startBlock(rowsInGroup);
    pages.flushToFileWriter(file);
    file.endBlock();
    columnStore.close();
    pages.close();
    consumer = null;
  }

  @Override
  public void close() throws IOException {
    flushRowGroup();
    file.end(Map.of(HfParquetSchema.HF_METADATA_KEY, HfParquetSchema.hfMetadataJson(shape)));
  }
}
