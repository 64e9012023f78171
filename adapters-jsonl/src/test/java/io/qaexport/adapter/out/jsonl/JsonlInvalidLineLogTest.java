package io.qaexport.adapter.out.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlInvalidLineLogTest {
  @TempDir Path dir;

  @Test
  void keepsEachLineVerbatimWithItsNumberColumnAndReason() throws IOException {
    Path file = dir.resolve("qa_pairs.jsonl.errors.jsonl");
    byte[] notUtf8 = {'{', '"', (byte) 0xC3, '"', '}'};
    try (var log = new JsonlInvalidLineLog(file)) {
      log.append(
          3,
          14,
          "'question' must be a string or null, found a number",
          "{\"question\": 5, \"å\": \"😀\"}".getBytes(StandardCharsets.UTF_8));
      log.append(9, 3, "invalid UTF-8: byte 0xC3 at byte offset 2 of the line", notUtf8);
    }

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(
        "{\"line\":3,\"column\":14,\"reason\":\"'question' must be a string or null,"
            + " found a number\",\"raw\":\"{\\\"question\\\": 5, \\\"å\\\": \\\"😀\\\"}\"}",
        lines.get(0));
    assertEquals(
        "{\"line\":9,\"column\":3,\"reason\":\"invalid UTF-8: byte 0xC3 at byte offset 2"
            + " of the line\",\"raw_base64\":\""
            + Base64.getEncoder().encodeToString(notUtf8)
            + "\"}",
        lines.get(1));
  }

  @Test
  void anUnknownColumnIsNullNotAColumnNumber() throws IOException {
    Path file = dir.resolve("qa_pairs.jsonl.errors.jsonl");
    try (var log = new JsonlInvalidLineLog(file)) {
      log.append(
          4,
          0,
          "validation.composite_score is NaN; a score must be a finite number",
          "{}".getBytes(StandardCharsets.UTF_8));
    }

    assertEquals(
        "{\"line\":4,\"column\":null,\"reason\":\"validation.composite_score is NaN; a"
            + " score must be a finite number\",\"raw\":\"{}\"}",
        Files.readAllLines(file, StandardCharsets.UTF_8).get(0));
  }
}
