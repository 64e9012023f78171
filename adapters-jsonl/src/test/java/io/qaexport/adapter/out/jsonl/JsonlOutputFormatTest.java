package io.qaexport.adapter.out.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.OutputFormatContractTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class JsonlOutputFormatTest extends OutputFormatContractTest {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {};

  @Override
  protected OutputFormat format() {
    return new JsonlOutputFormat();
  }

  @Override
  protected List<Map<String, Object>> rows(Path file) throws IOException {
    return lines(file).stream()
        .<Map<String, Object>>map(line -> JSON.readValue(line, ROW))
        .toList();
  }

  @Test
  void datasetsLoadsItWithTheJsonBuilder() {
    assertEquals(
        List.of("jsonl", "jsonl", "json"),
        List.of(format().name(), format().fileExtension(), format().hfBuilderName()));
  }
}
