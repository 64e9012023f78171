package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code compression} option reaches the format as every format option does. */
class ParquetOutputFormatTest {
  private final ParquetOutputFormat format = new ParquetOutputFormat();

  @Test
  void declaresCompressionAndWritesSnappyWithoutIt() {
    assertEquals(Set.of("compression"), format.optionNames());
    assertEquals(ParquetCompression.SNAPPY, format.compression());
    assertSame(format, format.withOptions(Map.of()));
  }

  @Test
  void takesEachCodecByItsValueInAnyCase() {
    for (ParquetCompression codec : ParquetCompression.values()) {
      var configured = (ParquetOutputFormat) format.withOptions(
          Map.of("compression", codec.optionValue().toUpperCase(java.util.Locale.ROOT)));
      assertEquals(codec, configured.compression());
    }
    assertEquals(ParquetCompression.SNAPPY, format.compression(), "the original is unchanged");
  }

  @Test
  void anUnknownCodecIsRefusedNamingTheOptionFirstAndTheValuesItTakes() {
    var refused = assertThrows(IllegalArgumentException.class,
        () -> format.withOptions(Map.of("compression", "LZ4")));

    assertEquals("compression takes snappy, zstd, none, not 'lz4'", refused.getMessage());
  }
}
