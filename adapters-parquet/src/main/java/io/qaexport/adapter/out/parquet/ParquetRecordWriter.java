package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
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
  private final ParquetProperties properties;
  private final MessageColumnIO columns;
  private final BytesInputCompressor compressor;
  private final long rowGroupBytes;

  /**
   * Whether values go straight to the column writers, as the record consumer would hand them on: a
   * flat shape (no list column) has one leaf per column, every value at repetition level 0 and
   * definition level 1, a missing one null at 0. The consumer's per-field bookkeeping was an eighth
   * of the writer thread's time; a list column takes the consumer, which nests.
   */
  private final boolean flat;

  private final Column[] shapeColumns;
  private final ColumnDescriptor[] leaves;
  private ColumnWriter[] leafWriters;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columnStore;
  private RecordConsumer consumer;
  private long rowsInGroup;
  private long bytesInGroup;

  ParquetRecordWriter(Path path, RecordShape shape, ParquetCompression compression)
      throws IOException {
    this(path, shape, compression, DEFAULT_ROW_GROUP_BYTES);
  }

  /**
   * @param rowGroupBytes the plain-encoded size of values at which a row group is closed
   */
  ParquetRecordWriter(
      Path path, RecordShape shape, ParquetCompression compression, long rowGroupBytes)
      throws IOException {
    this(path, shape, compression, rowGroupBytes, true);
  }

  /**
   * @param direct values of a flat shape go straight to the column writers; false: through the
   *     record consumer always, the reference the direct way is tested against
   */
  ParquetRecordWriter(
      Path path,
      RecordShape shape,
      ParquetCompression compression,
      long rowGroupBytes,
      boolean direct)
      throws IOException {
    this.shape = shape;
    this.shapeColumns = shape.columns().toArray(Column[]::new);
    this.flat =
        direct
            && shape.keptColumns().stream()
                .noneMatch(kept -> kept.keptType() == KeptType.STRING_LIST);
    this.schema = HfParquetSchema.messageType(shape);
    this.properties = properties(shape);
    this.rowGroupBytes = rowGroupBytes;
    this.columns = new ColumnIOFactory().getColumnIO(schema);
    this.leaves = schema.getColumns().toArray(ColumnDescriptor[]::new);
    this.compressor = NativeCompressors.best(compression.codec());
    this.file =
        new ParquetFileWriter(
            new NioOutputFile(path),
            schema,
            ParquetFileWriter.Mode.OVERWRITE,
            rowGroupBytes,
            0,
            null,
            properties);
    file.start();
  }

  @Override
  public void write(HfRecord record) throws IOException {
    if (!shape.fits(record)) {
      throw new IllegalArgumentException("a " + record.shape() + " record in a " + shape + " file");
    }
    if (consumer == null) {
      startRowGroup();
    }
    if (flat) {
      writeFlat(record);
      return;
    }
    consumer.startMessage();
    List<Column> columns = shape.columns();
    for (int index = 0; index < columns.size(); index++) {
      Column column = columns.get(index);
      if (column instanceof Column.Kept kept) {
        writeKept(kept.of(record), column.name(), index);
        continue;
      }
      consumer.startField(column.name(), index);
      if (column instanceof Column.Text text) {
        Utf8Text value = text.utf8(record);
        // "Reused", though it never changes: Parquet then copies what it keeps (dictionary
        // entries, min/max), instead of keeping views that pin whole input lines in memory.
        Binary bytes = Binary.fromReusedByteArray(value.array(), value.offset(), value.length());
        consumer.addBinary(bytes);
        bytesInGroup += LENGTH_PREFIX_BYTES + bytes.length();
      } else if (column instanceof Column.Float64 number) {
        consumer.addDouble(number.of(record));
        bytesInGroup += Double.BYTES;
      }
      consumer.endField(column.name(), index);
    }
    consumer.endMessage();
    endRecord();
  }

  private void endRecord() throws IOException {
    rowsInGroup++;
    if (bytesInGroup >= rowGroupBytes) {
      flushRowGroup();
    }
  }

  /** A record of a flat shape, value by value into its column's writer (see {@link #flat}). */
  private void writeFlat(HfRecord record) throws IOException {
    for (int index = 0; index < shapeColumns.length; index++) {
      Column column = shapeColumns[index];
      ColumnWriter writer = leafWriters[index];
      if (column instanceof Column.Text text) {
        Utf8Text value = text.utf8(record);
        writer.write(
            Binary.fromReusedByteArray(value.array(), value.offset(), value.length()), 0, 1);
        bytesInGroup += LENGTH_PREFIX_BYTES + value.length();
      } else if (column instanceof Column.Float64 number) {
        writer.write(number.of(record), 0, 1);
        bytesInGroup += Double.BYTES;
      } else {
        Object value = ((Column.Kept) column).of(record);
        if (value == null) {
          writer.writeNull(0, 0);
        } else if (value instanceof Utf8Text text) {
          writer.write(
              Binary.fromReusedByteArray(text.array(), text.offset(), text.length()), 0, 1);
          bytesInGroup += LENGTH_PREFIX_BYTES + text.length();
        } else if (value instanceof Double number) {
          writer.write(number.doubleValue(), 0, 1);
          bytesInGroup += Double.BYTES;
        } else if (value instanceof Long number) {
          writer.write(number.longValue(), 0, 1);
          bytesInGroup += Long.BYTES;
        } else {
          writer.write(((Boolean) value).booleanValue(), 0, 1);
          bytesInGroup += 1;
        }
      }
    }
    columnStore.endRecord();
    endRecord();
  }

  /** A kept column's value: nothing for null (the field is absent), else by its type. */
  private void writeKept(Object value, String name, int index) {
    if (value == null) {
      return;
    }
    consumer.startField(name, index);
    if (value instanceof Utf8Text text) {
      addText(text);
    } else if (value instanceof Double number) {
      consumer.addDouble(number);
      bytesInGroup += Double.BYTES;
    } else if (value instanceof Long number) {
      consumer.addLong(number);
      bytesInGroup += Long.BYTES;
    } else if (value instanceof Boolean flag) {
      consumer.addBoolean(flag);
      bytesInGroup += 1;
    } else {
      consumer.startGroup();
      List<Utf8Text> items = KeptValues.listOf(value);
      if (!items.isEmpty()) {
        consumer.startField("list", 0);
        for (Utf8Text item : items) {
          consumer.startGroup();
          if (item != null) {
            consumer.startField("element", 0);
            addText(item);
            consumer.endField("element", 0);
          }
          consumer.endGroup();
        }
        consumer.endField("list", 0);
      }
      consumer.endGroup();
    }
    consumer.endField(name, index);
  }

  private void addText(Utf8Text value) {
    Binary bytes = Binary.fromReusedByteArray(value.array(), value.offset(), value.length());
    consumer.addBinary(bytes);
    bytesInGroup += LENGTH_PREFIX_BYTES + bytes.length();
  }

  /**
   * Dictionaries only for categorical text: for nearly unique text parquet-java would build one per
   * row group and then drop it (7 % of a Parquet export's CPU, measured).
   */
  private static ParquetProperties properties(RecordShape shape) {
    ParquetProperties.Builder builder = ParquetProperties.builder();
    for (Column column : shape.columns()) {
      if (column instanceof Column.Text text && !text.categorical()) {
        builder.withDictionaryEncoding(column.name(), false);
      }
    }
    return builder.build();
  }

  private void startRowGroup() {
    pages =
        new ColumnChunkPageWriteStore(
            compressor,
            schema,
            properties.getAllocator(),
            properties.getColumnIndexTruncateLength(),
            properties.getPageWriteChecksumEnabled());
    columnStore = properties.newColumnWriteStore(schema, pages, pages);
    consumer = columns.getRecordWriter(columnStore);
    if (flat) {
      leafWriters = new ColumnWriter[leaves.length];
      for (int i = 0; i < leaves.length; i++) {
        leafWriters[i] = columnStore.getColumnWriter(leaves[i]);
      }
    }
    rowsInGroup = 0;
    bytesInGroup = 0;
  }

  private void flushRowGroup() throws IOException {
    if (consumer == null) {
      return;
    }
    // Nulls of groups (an empty or null list) are cached by the record consumer until flushed.
    consumer.flush();
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
