package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.InvalidReferenceException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * A Parquet file's footer: {@code PAR1}, the data, the Thrift footer, its length and {@code PAR1}
 * again. The checks around it are ours, so that a file that is not Parquet, or was cut short, is
 * named as such; the footer itself is parsed by parquet-java's converter.
 */
final class ParquetFooter {
  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
  private static final byte[] ENCRYPTED_MAGIC = {'P', 'A', 'R', 'E'};
  private static final int TAIL_BYTES = Integer.BYTES + MAGIC.length;

  private ParquetFooter() {}

  /**
   * @throws InvalidReferenceException when the file is not a whole, readable Parquet file
   */
  static ParquetMetadata read(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size < MAGIC.length + TAIL_BYTES) {
      throw new InvalidReferenceException(
          "not a Parquet file (" + size + " bytes, too short for one)");
    }
    byte[] head = bytes(channel, 0, MAGIC.length);
    if (Arrays.equals(head, ENCRYPTED_MAGIC)) {
      throw new InvalidReferenceException("an encrypted Parquet file, which qa-export cannot read");
    }
    if (!Arrays.equals(head, MAGIC)) {
      throw new InvalidReferenceException("not a Parquet file (it does not start with PAR1)");
    }
    ByteBuffer tail = ByteBuffer.wrap(bytes(channel, size - TAIL_BYTES, TAIL_BYTES));
    if (!Arrays.equals(Arrays.copyOfRange(tail.array(), Integer.BYTES, TAIL_BYTES), MAGIC)) {
      throw new InvalidReferenceException(
          "not a whole Parquet file (it does not end with PAR1: cut short?)");
    }
    int length = tail.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    if (length <= 0 || length > size - MAGIC.length - TAIL_BYTES) {
      throw new InvalidReferenceException(
          "a corrupt Parquet footer (" + length + " bytes long, in a file of " + size + ")");
    }
    byte[] footer = bytes(channel, size - TAIL_BYTES - length, length);
    try {
      return new ParquetMetadataConverter()
          .readParquetMetadata(
              new ByteArrayInputStream(footer), ParquetMetadataConverter.NO_FILTER);
    } catch (IOException | RuntimeException e) {
      // From bytes in memory: nothing here fails to read, the footer is not what it claims.
      throw new InvalidReferenceException("a corrupt Parquet footer: " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new EOFException("the file ended while being read");
      }
    }
    return buffer.array();
  }
}
