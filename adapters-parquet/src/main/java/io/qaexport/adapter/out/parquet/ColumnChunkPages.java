package io.qaexport.adapter.out.parquet;

import io.qaexport.application.port.out.InvalidReferenceException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.Page;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputDecompressor;
import org.apache.parquet.format.DataPageHeader;
import org.apache.parquet.format.DataPageHeaderV2;
import org.apache.parquet.format.DictionaryPageHeader;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;

/**
 * The pages of one string (BYTE_ARRAY) column chunk, read from the file in order, one at a time: a
 * chunk's dictionary and the page being decoded are all it holds.
 *
 * <p>Hand-written because parquet-java's page reading is private to {@code ParquetFileReader},
 * which cannot be opened without Hadoop (see {@link ParquetQuestionReader}). What it does is only
 * the framing: parquet-format's {@link Util} parses each page header, {@link AircompressorCodecs}
 * decompresses the body, and the result is parquet-column's own {@link DictionaryPage}, {@link
 * DataPageV1} or {@link DataPageV2}, whose levels, dictionary and values parquet-column decodes.
 */
final class ColumnChunkPages implements PageReader {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final long values;
  private final BytesInputDecompressor decompressor;
  private final DictionaryPage dictionary;
  private DataPage firstDataPage;

  /** Reads the chunk's first page: its dictionary, when it has one. */
  ColumnChunkPages(FileChannel channel, ColumnChunkMetaData chunk) throws IOException {
    this.values = chunk.getValueCount();
    this.decompressor = new AircompressorCodecs().getDecompressor(chunk.getCodec());
    // Not closed: closing the stream would close the channel, which the caller owns.
    this.in =
        new BufferedInputStream(
            Channels.newInputStream(channel.position(chunk.getStartingPos())), BUFFER_BYTES);
    Page first = next();
    this.dictionary = first instanceof DictionaryPage page ? page : null;
    this.firstDataPage = first instanceof DataPage page ? page : null;
  }

  @Override
  public DictionaryPage readDictionaryPage() {
    return dictionary;
  }

  @Override
  public long getTotalValueCount() {
    return values;
  }

  @Override
  public DataPage readPage() {
    try {
      if (firstDataPage != null) {
        DataPage page = firstDataPage;
        firstDataPage = null;
        return page;
      }
      if (next() instanceof DataPage page) {
        return page;
      }
      throw new InvalidReferenceException("a second dictionary page in one column chunk");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // PageReader throws nothing checked
    }
  }

  /** The next dictionary or data page; index pages and pages of unknown types are skipped. */
  private Page next() throws IOException {
    while (true) {
      PageHeader header = header();
      int compressed = header.getCompressed_page_size();
      int uncompressed = header.getUncompressed_page_size();
      if (compressed < 0 || uncompressed < 0) {
        throw new InvalidReferenceException("a page header with a negative size");
      }
      if (header.getType() == null) {
        skip(compressed); // a page type newer than this reader, which readers must skip
        continue;
      }
      switch (header.getType()) {
        case DICTIONARY_PAGE -> {
          DictionaryPageHeader page = header.getDictionary_page_header();
          // parquet-column allocates an entry per value up front; a string (BYTE_ARRAY) value
          // takes at least its 4-byte length, so a count beyond that is a corrupt header.
          if (page.getNum_values() < 0 || page.getNum_values() > uncompressed / Integer.BYTES) {
            throw new InvalidReferenceException("a dictionary page header with a corrupt count");
          }
          return new DictionaryPage(
              decompress(BytesInput.from(body(header)), uncompressed),
              page.getNum_values(),
              encoding(page.getEncoding()));
        }
        case DATA_PAGE -> {
          DataPageHeader page = header.getData_page_header();
          return new DataPageV1(
              decompress(BytesInput.from(body(header)), uncompressed),
              page.getNum_values(),
              uncompressed,
              null, // statistics: not needed to decode
              encoding(page.getRepetition_level_encoding()),
              encoding(page.getDefinition_level_encoding()),
              encoding(page.getEncoding()));
        }
        case DATA_PAGE_V2 -> {
          return dataPageV2(header.getData_page_header_v2(), body(header), uncompressed);
        }
        default -> skip(compressed);
      }
    }
  }

  /** Levels come first and are never compressed; the values after them may be. */
  private DataPage dataPageV2(DataPageHeaderV2 page, byte[] body, int uncompressed)
      throws IOException {
    int repetition = page.getRepetition_levels_byte_length();
    int definition = page.getDefinition_levels_byte_length();
    if (repetition < 0 || definition < 0 || repetition + definition > body.length) {
      throw new InvalidReferenceException("a data page whose levels do not fit in it");
    }
    int levels = repetition + definition;
    BytesInput data = BytesInput.from(body, levels, body.length - levels);
    return DataPageV2.uncompressed(
        page.getNum_rows(),
        page.getNum_nulls(),
        page.getNum_values(),
        BytesInput.from(body, 0, repetition),
        BytesInput.from(body, repetition, definition),
        encoding(page.getEncoding()),
        page.isIs_compressed() ? decompress(data, uncompressed - levels) : data,
        null);
  }

  private BytesInput decompress(BytesInput bytes, int size) throws IOException {
    BytesInput page;
    try {
      page = decompressor.decompress(bytes, size);
    } catch (IOException e) {
      throw new InvalidReferenceException("a page that does not decompress: " + e.getMessage(), e);
    }
    if (page.size() != size) {
      throw new InvalidReferenceException(
          "a page of " + page.size() + " bytes whose header says " + size);
    }
    return page;
  }

  private PageHeader header() throws IOException {
    try {
      return Util.readPageHeader(in);
    } catch (IOException e) {
      // The file opened and its footer read: a header that does not parse is corrupt.
      throw new InvalidReferenceException("a corrupt page header: " + e.getMessage(), e);
    }
  }

  /** The page's bytes as stored, checked against its CRC-32 when the writer gave one. */
  private byte[] body(PageHeader header) throws IOException {
    byte[] bytes = in.readNBytes(header.getCompressed_page_size());
    if (bytes.length != header.getCompressed_page_size()) {
      throw new InvalidReferenceException("the file ends inside a page (cut short?)");
    }
    if (header.isSetCrc()) {
      CRC32 crc = new CRC32();
      crc.update(bytes);
      if ((int) crc.getValue() != header.getCrc()) {
        throw new InvalidReferenceException("a page whose bytes do not match its checksum");
      }
    }
    return bytes;
  }

  private void skip(int length) throws IOException {
    try {
      in.skipNBytes(length);
    } catch (EOFException e) {
      throw new InvalidReferenceException("the file ends inside a page (cut short?)", e);
    }
  }

  /** parquet-column's twin of parquet-format's {@code Encoding} (null: a value Thrift lacks). */
  private static Encoding encoding(Enum<?> encoding) throws InvalidReferenceException {
    for (Encoding known : Encoding.values()) {
      if (encoding != null && known.name().equals(encoding.name())) {
        return known;
      }
    }
    throw new InvalidReferenceException("a page in an encoding this reader does not know");
  }
}
