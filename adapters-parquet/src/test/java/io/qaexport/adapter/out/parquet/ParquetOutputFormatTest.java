package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.OutputFormatContractTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Parquet format keeps the format contract; {@code compression} reaches it as an option. */
class ParquetOutputFormatTest extends OutputFormatContractTest {

  @Override
  protected OutputFormat format() {
    return ParquetOutputModule.parquetFormat();
  }

  @Override
  protected List<Map<String, Object>> rows(Path file) throws IOException {
    return DuckDb.rows(file);
  }

  @Override
  protected Map<String, String> validOptions() {
    return Map.of("compression", "zstd");
  }

  @Override
  protected List<Map<String, String>> invalidOptions() {
    return List.of(Map.of("compression", "lz4"), Map.of("compression", ""));
  }

  @Test
  void datasetsLoadsItWithTheParquetBuilder() {
    assertEquals(
        List.of("parquet", "parquet", "parquet"),
        List.of(format().name(), format().fileExtension(), format().hfBuilderName()));
  }

  @Test
  void declaresCompressionAndWritesSnappyWithoutIt() {
    var format = new ParquetOutputFormat();
    assertEquals(Set.of("compression"), format.optionNames());
    assertEquals(ParquetCompression.SNAPPY, format.compression());
    assertSame(format, format.withOptions(Map.of()));
  }

  @Test
  void takesEachCodecByItsValueInAnyCase() {
    var format = new ParquetOutputFormat();
    for (ParquetCompression codec : ParquetCompression.values()) {
      var configured =
          (ParquetOutputFormat)
              format.withOptions(
                  Map.of("compression", codec.optionValue().toUpperCase(Locale.ROOT)));
      assertEquals(codec, configured.compression());
    }
    assertEquals(ParquetCompression.SNAPPY, format.compression(), "the original is unchanged");
  }

  @Test
  void anUnknownCodecIsRefusedNamingTheOptionFirstAndTheValuesItTakes() {
    var refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ParquetOutputFormat().withOptions(Map.of("compression", "LZ4")));

    assertEquals("compression takes snappy, zstd, none, not 'lz4'", refused.getMessage());
  }
}
