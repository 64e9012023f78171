package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the Parquet writer adds to the output-format contract: codecs, footer, row groups. */
class ParquetRecordWriterTest {
  private static final List<HfRecord> REJECTED =
      List.of(
          new HfRecord(
              "Får jag krossa tabletter? 😀👩‍⚕️🇸🇪",
              "Nej. e\u0301 \u2028 tab\tny\nrad \u0001",
              "rutiner/läkemedel.md",
              "underskoterska/nyanstald",
              0.31,
              "Svaret stöds inte av källan"),
          new HfRecord("", "", "", "unknown", 0.0, "unknown"),
          new HfRecord("\"citat\" C:\\väg", "svar", "a.md", "anhörig", 1.0, "för vagt"));

  @TempDir Path dir;

  private Path write(
      RecordShape shape, ParquetCompression compression, long rowGroupBytes, List<HfRecord> records)
      throws IOException {
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
  void everyValueRoundTripsWithEachCodec(ParquetCompression codec) throws IOException {
    Path file =
        write(RecordShape.REJECTED, codec, ParquetRecordWriter.DEFAULT_ROW_GROUP_BYTES, REJECTED);

    assertEquals(REJECTED, DuckDb.records(file));
    assertEquals(List.of(codec.codec().name()), DuckDb.codecs(file));
  }

  @Test
  void theFooterCarriesTheSchemaAndTheHuggingfaceFeatures() throws IOException {
    Path file =
        write(
            RecordShape.PASSED,
            ParquetCompression.SNAPPY,
            1 << 20,
            List.of(new HfRecord("q", "a", "s", "p", 0.5, null)));

    assertEquals(
        List.of(
            "question BYTE_ARRAY OPTIONAL StringType()",
            "answer BYTE_ARRAY OPTIONAL StringType()",
            "source BYTE_ARRAY OPTIONAL StringType()",
            "persona BYTE_ARRAY OPTIONAL StringType()",
            "validation_score DOUBLE OPTIONAL null"),
        DuckDb.schema(file));
    assertEquals(
        Map.of(HfParquetSchema.HF_METADATA_KEY, HfParquetSchema.hfMetadataJson(RecordShape.PASSED)),
        DuckDb.keyValueMetadata(file));
  }

  @Test
  void theScoreColumnHasTypeDefinedOrderAndMinMaxStatisticsThatPyarrowUses() throws IOException {
    Path file =
        write(
            RecordShape.PASSED,
            ParquetCompression.SNAPPY,
            1 << 20,
            List.of(
                new HfRecord("q", "a", "s", "p", 0.25, null),
                new HfRecord("q", "a", "s", "p", 0.75, null)));

    FileMetaData footer = footer(file);
    // The score is the fifth leaf; pyarrow ignores min/max under any other column order.
    assertTrue(
        footer.getColumn_orders().get(4).isSetTYPE_ORDER(), footer.getColumn_orders().toString());
    var stats = footer.getRow_groups().get(0).getColumns().get(4).getMeta_data().getStatistics();
    assertEquals(
        0.25, ByteBuffer.wrap(stats.getMin_value()).order(ByteOrder.LITTLE_ENDIAN).getDouble());
    assertEquals(
        0.75, ByteBuffer.wrap(stats.getMax_value()).order(ByteOrder.LITTLE_ENDIAN).getDouble());
  }

  /** The Thrift footer as written: the last 8 bytes are its length and {@code PAR1}. */
  private static FileMetaData footer(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int length =
        ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Util.readFileMetaData(
        new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
  }

  @Test
  void anEmptyFileStillCarriesTheSchemaAndTheFeatures() throws IOException {
    Path file = write(RecordShape.REJECTED, ParquetCompression.SNAPPY, 1 << 20, List.of());

    assertEquals(6, DuckDb.schema(file).size());
    assertEquals("failure_reason BYTE_ARRAY OPTIONAL StringType()", DuckDb.schema(file).get(5));
    assertEquals(
        HfParquetSchema.hfMetadataJson(RecordShape.REJECTED),
        DuckDb.keyValueMetadata(file).get(HfParquetSchema.HF_METADATA_KEY));
  }

  @Test
  void rowGroupsAreCutByUncompressedSizeAndAllRowsComeBackInOrder() throws IOException {
    List<HfRecord> records = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      records.add(
          new HfRecord(
              "fråga " + i + " " + Integer.toHexString(i * 7919).repeat(20),
              "svar " + i,
              "doc" + (i % 13) + ".md",
              "roll/" + (i % 3),
              i / 20_000.0,
              null));
    }

    Path file = write(RecordShape.PASSED, ParquetCompression.SNAPPY, 256 << 10, records);

    List<Map<String, Object>> groups = DuckDb.rowGroups(file);
    assertTrue(groups.size() > 1, "row groups: " + groups.size());
    assertEquals(records.size(), groups.stream().mapToLong(g -> (Long) g.get("num_rows")).sum());
    for (Map<String, Object> group : groups) {
      // Uncompressed size as readers see it, page headers included: the limit plus one row.
      long bytes = (Long) group.get("bytes");
      assertTrue(bytes < (256 << 10) * 11 / 10, "a row group of " + bytes + " uncompressed bytes");
    }
    assertEquals(records, DuckDb.records(file));
  }

  @Test
  void onlyCategoricalTextGetsADictionary() throws IOException {
    // Enough rows that a dictionary of three personas and sources pays for itself, and text
    // repeating just as often, so only the column's kind decides.
    List<HfRecord> records = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      HfRecord like = REJECTED.get(i % REJECTED.size());
      records.add(
          new HfRecord(
              "fråga " + (i % 3),
              "svar " + (i % 3),
              like.source(),
              like.persona(),
              i / 3000.0,
              "skäl " + (i % 3)));
    }
    Path file =
        write(
            RecordShape.REJECTED,
            ParquetCompression.SNAPPY,
            ParquetRecordWriter.DEFAULT_ROW_GROUP_BYTES,
            records);

    var encodings = DuckDb.encodings(file);
    for (String freeText : List.of("question", "answer", "failure_reason")) {
      assertFalse(encodings.get(freeText).contains("DICTIONARY"), freeText + ": " + encodings);
    }
    for (String categorical : List.of("source", "persona")) {
      assertTrue(encodings.get(categorical).contains("DICTIONARY"), categorical + ": " + encodings);
    }
  }

  @Test
  void hadoopIsNotOnTheClasspath() {
    assertThrows(
        ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.conf.Configuration"));
  }

  @Test
  void aRecordOfTheOtherShapeIsABug() throws IOException {
    try (var writer =
        new ParquetOutputFormat().open(dir.resolve("f.parquet"), RecordShape.PASSED)) {
      assertThrows(
          IllegalArgumentException.class,
          () -> writer.write(new HfRecord("q", "a", "s", "p", 0.1, "reason")));
    }
  }
}
