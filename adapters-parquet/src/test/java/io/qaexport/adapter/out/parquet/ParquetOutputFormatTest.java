package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.OutputFormatContractTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParquetOutputFormatTest extends OutputFormatContractTest {

  @Override
  protected OutputFormat format() {
    return new ParquetOutputModule("snappy").parquetFormat();
  }

  @Override
  protected List<Map<String, Object>> rows(Path file) throws IOException {
    return DuckDb.rows(file);
  }

  @Test
  void datasetsLoadsItWithTheParquetBuilder() {
    assertEquals(List.of("parquet", "parquet", "parquet"),
        List.of(format().name(), format().fileExtension(), format().hfBuilderName()));
  }
}
