package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRecordWriterTest {
  private static final List<HfRecord> REJECTED = List.of(
      new HfRecord("Får jag krossa tabletter? 😀👩‍⚕️🇸🇪", "Nej. e\u0301 \u2028 tab\tny\nrad \u0001",
          "rutiner/läkemedel.md", "underskoterska/nyanstald", 0.31,
          "Svaret stöds inte av källan"),
      new HfRecord("", "", "", "unknown", 0.0, "unknown"),
      new HfRecord("\"citat\" C:\\väg", "svar", "a.md", "anhörig", 1.0, "för vagt"));

  @TempDir Path dir;

  private Path write(RecordShape shape, ParquetCompression compression, long rowGroupBytes,
      List<HfRecord> records) throws IOException {
    Path file = dir.resolve("out.parquet");
    try (var writer = new ParquetRecordWriter(file, shape, compression, rowGroupBytes)) {
      for (HfRecord record : records) {
        writer.write(record);
      }
    }
    return file;
  }

  @ParameterizedTest
  @EnumSource(ParquetCompression.class)
  void everyValueRoundTripsThroughParquetJavasReaderWithEachCodec(ParquetCompression codec)
      throws IOException {
    Path file = write(RecordShape.REJECTED, codec, ParquetRecordWriter.DEFAULT_ROW_GROUP_BYTES,
        REJECTED);

    assertEquals(REJECTED, ParquetTestReader.records(file));
    ParquetMetadata footer = ParquetTestReader.footer(file);
    for (BlockMetaData group : footer.getBlocks()) {
      group.getColumns().forEach(column -> assertEquals(codec.codec(), column.getCodec()));
    }
  }

  @Test
  void theFooterCarriesTheSchemaAndTheHuggingfaceFeatures() throws IOException {
    Path file = write(RecordShape.PASSED, ParquetCompression.SNAPPY, 1 << 20, List.of(
        new HfRecord("q", "a", "s", "p", 0.5, null)));

    ParquetMetadata footer = ParquetTestReader.footer(file);
    assertEquals(HfParquetSchema.messageType(RecordShape.PASSED),
        footer.getFileMetaData().getSchema());
    footer.getFileMetaData().getSchema().getFields().forEach(
        field -> assertEquals(Type.Repetition.OPTIONAL, field.getRepetition()));
    assertEquals(HfParquetSchema.hfMetadataJson(RecordShape.PASSED),
        footer.getFileMetaData().getKeyValueMetaData().get("huggingface"));
  }

  @Test
  void passedRowsHaveNoFailureReasonColumnAndNoNullCells() throws IOException {
    Path file = write(RecordShape.PASSED, ParquetCompression.ZSTD, 1 << 20, List.of(
        new HfRecord("q", "a", "s", "p", 0.25, null)));

    List<Object[]> rows = ParquetTestReader.rows(file);
    assertEquals(1, rows.size());
    assertEquals(List.of("q", "a", "s", "p", 0.25), List.of(rows.get(0)));
  }

  @Test
  void rowGroupsAreCutByUncompressedSizeAndAllRowsComeBackInOrder() throws IOException {
    List<HfRecord> records = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      records.add(new HfRecord("fråga " + i + " " + Integer.toHexString(i * 7919).repeat(20),
          "svar " + i, "doc" + (i % 13) + ".md", "roll/" + (i % 3), i / 20_000.0, null));
    }

    Path file = write(RecordShape.PASSED, ParquetCompression.SNAPPY, 256 << 10, records);

    ParquetMetadata footer = ParquetTestReader.footer(file);
    assertTrue(footer.getBlocks().size() > 1, "row groups: " + footer.getBlocks().size());
    for (BlockMetaData group : footer.getBlocks()) {
      // Uncompressed size as readers see it, page headers included: the limit plus one row.
      assertTrue(group.getTotalByteSize() < (256 << 10) * 11 / 10,
          "a row group of " + group.getTotalByteSize() + " uncompressed bytes");
    }
    assertEquals(records, ParquetTestReader.records(file));
  }

  @Test
  void noRecordsMakesAValidEmptyFile() throws IOException {
    Path file = write(RecordShape.REJECTED, ParquetCompression.SNAPPY, 1 << 20, List.of());
    assertEquals(List.of(), ParquetTestReader.rows(file));
    assertEquals(6, ParquetTestReader.footer(file).getFileMetaData().getSchema().getFieldCount());
  }

  @Test
  void hadoopIsNotOnTheClasspath() {
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("org.apache.hadoop.conf.Configuration"));
  }

  @Test
  void theFormatNamesItselfForDatasets() throws IOException {
    var format = new ParquetOutputFormat();
    assertEquals("parquet", format.name());
    assertEquals("parquet", format.fileExtension());
    assertEquals("parquet", format.hfBuilderName());
    try (var writer = format.open(dir.resolve("f.parquet"), RecordShape.PASSED)) {
      assertThrows(IllegalArgumentException.class,
          () -> writer.write(new HfRecord("q", "a", "s", "p", 0.1, "reason")));
    }
  }
}
