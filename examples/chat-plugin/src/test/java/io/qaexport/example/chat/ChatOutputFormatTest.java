package io.qaexport.example.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.OutputFormatContractTest;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class ChatOutputFormatTest extends OutputFormatContractTest {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {};

  @Override
  protected OutputFormat format() {
    return new ChatOutputFormat();
  }

  @Override
  protected List<Map<String, Object>> rows(Path file) throws IOException {
    return lines(file).stream()
        .<Map<String, Object>>map(line -> JSON.readValue(line, ROW))
        .toList();
  }

  @Override
  protected Map<String, Object> expectedRow(RecordShape shape, HfRecord record) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(
        "messages",
        List.of(message("user", record.question()), message("assistant", record.answer())));
    row.put("source", record.source());
    row.put("persona", record.persona());
    row.put("validation_score", record.validationScore());
    return row;
  }

  private static Map<String, Object> message(String role, String content) {
    return Map.of("role", role, "content", content);
  }

  @Override
  protected Set<RecordShape> refusedShapes() {
    return Set.of(RecordShape.REJECTED);
  }

  @Override
  protected Map<String, String> validOptions() {
    return Map.of(ChatOutputFormat.SYSTEM_PROMPT, "Du är en handledare.");
  }

  @Override
  protected List<Map<String, String>> invalidOptions() {
    return List.of(
        Map.of(ChatOutputFormat.SYSTEM_PROMPT, ""),
        Map.of(ChatOutputFormat.SYSTEM_PROMPT, " \t\n"));
  }

  @Test
  void aSystemPromptOpensEveryConversation() throws IOException {
    Path file = dir.resolve("qa_pairs.chat.jsonl");
    try (var writer = format().withOptions(validOptions()).open(file, RecordShape.PASSED)) {
      writer.write(new HfRecord("Hur?", "Så.", "a.md", "anhörig", 0.5, null));
      writer.write(new HfRecord("Var?", "Där.", "b.md", "anhörig", 0.75, null));
    }

    for (Map<String, Object> row : rows(file)) {
      List<?> messages = (List<?>) row.get("messages");
      assertEquals(message("system", "Du är en handledare."), messages.get(0));
      assertEquals(3, messages.size());
    }
  }
}
