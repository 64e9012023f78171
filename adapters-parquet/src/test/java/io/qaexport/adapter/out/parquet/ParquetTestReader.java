package io.qaexport.adapter.out.parquet;

import io.qaexport.domain.HfRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/** Reads our files back with parquet-java's own reader, without Hadoop. */
final class ParquetTestReader {
  private ParquetTestReader() {}

  /** Each row as its column values in file order; a null cell stays null. */
  static List<Object[]> rows(Path file) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (var reader = ParquetFileReader.open(input(file), options())) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      var columns = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore group;
      while ((group = reader.readNextRowGroup()) != null) {
        RecordReader<Object[]> records = columns.getRecordReader(group, new Rows(schema));
        for (long i = 0; i < group.getRowCount(); i++) {
          rows.add(records.read());
        }
      }
    }
    return rows;
  }

  static List<HfRecord> records(Path file) throws IOException {
    List<HfRecord> records = new ArrayList<>();
    for (Object[] row : rows(file)) {
      records.add(new HfRecord((String) row[0], (String) row[1], (String) row[2],
          (String) row[3], (Double) row[4], row.length > 5 ? (String) row[5] : null));
    }
    return records;
  }

  static ParquetMetadata footer(Path file) throws IOException {
    try (var reader = ParquetFileReader.open(input(file), options())) {
      return reader.getFooter();
    }
  }

  private static org.apache.parquet.ParquetReadOptions options() {
    return HadoopFreeReadOptions.with(new AircompressorCodecs());
  }

  private static InputFile input(Path file) {
    return new InputFile() {
      @Override
      public long getLength() throws IOException {
        return Files.size(file);
      }

      @Override
      public SeekableInputStream newStream() throws IOException {
        return new ChannelInput(Files.newByteChannel(file));
      }
    };
  }

  private static final class Rows extends RecordMaterializer<Object[]> {
    private final Object[] values;
    private final GroupConverter root;

    Rows(MessageType schema) {
      values = new Object[schema.getFieldCount()];
      Converter[] converters = new Converter[values.length];
      for (int i = 0; i < values.length; i++) {
        int column = i;
        converters[i] = new PrimitiveConverter() {
          @Override
          public void addBinary(Binary value) {
            values[column] = value.toStringUsingUTF8();
          }

          @Override
          public void addDouble(double value) {
            values[column] = value;
          }
        };
      }
      root = new GroupConverter() {
        @Override
        public Converter getConverter(int fieldIndex) {
          return converters[fieldIndex];
        }

        @Override
        public void start() {
          Arrays.fill(values, null);
        }

        @Override
        public void end() {}
      };
    }

    @Override
    public Object[] getCurrentRecord() {
      return values.clone();
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }

  private static final class ChannelInput extends SeekableInputStream {
    private final SeekableByteChannel channel;

    ChannelInput(SeekableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
      channel.position(position);
    }

    @Override
    public int read() throws IOException {
      ByteBuffer one = ByteBuffer.allocate(1);
      return channel.read(one) <= 0 ? -1 : one.get(0) & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return channel.read(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
      return channel.read(buffer);
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(ByteBuffer.wrap(bytes));
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
      readFully(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new java.io.EOFException("unexpected end of file");
        }
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
