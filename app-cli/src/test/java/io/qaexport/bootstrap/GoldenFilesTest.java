package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled example data against outputs checked by hand against SPEC §2 (persona parts, string
 * personas, an integer score, a missing and a null failure reason), byte for byte; and the dataset
 * card, read by hand against SPEC §3.
 */
class GoldenFilesTest {
  static final Path EXAMPLES = Path.of("..", "examples", "qa");

  @TempDir Path out;

  @Test
  void theExampleExportMatchesTheGoldenFilesByteForByte() throws IOException {
    CliRun run =
        CliRun.of("--input-dir", EXAMPLES.toString(), "--output-dir", out.toString(), "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertArrayEquals(golden("qa_pairs.jsonl"), Files.readAllBytes(out.resolve("qa_pairs.jsonl")));
    assertArrayEquals(
        golden("qa_rejected_hf.jsonl"), Files.readAllBytes(out.resolve("qa_rejected_hf.jsonl")));
    assertEquals(
        new String(golden("README.md"), StandardCharsets.UTF_8),
        Files.readString(out.resolve("README.md")));
  }

  @Test
  void theSamePairsWrittenAnotherWayGiveTheGoldenBytes() throws IOException {
    // CRLF line ends, a byte-order mark, every object's keys in reverse order, spaces between
    // tokens and an unknown field: none of it may reach the output.
    Path input = Files.createDirectories(out.resolve("relaid"));
    for (String name : new String[] {"qa_passed.jsonl", "qa_rejected.jsonl"}) {
      var relaid = new StringBuilder("\uFEFF");
      for (String line : Files.readAllLines(EXAMPLES.resolve(name))) {
        relaid.append(reversed(JSON.readTree(line))).append("\r\n");
      }
      Files.writeString(input.resolve(name), relaid);
    }
    Path result = out.resolve("result");

    assertEquals(
        0,
        CliRun.of("--input-dir", input.toString(), "--output-dir", result.toString(), "--quiet")
            .exitCode());

    for (String name : new String[] {"qa_pairs.jsonl", "qa_rejected_hf.jsonl", "README.md"}) {
      assertArrayEquals(golden(name), Files.readAllBytes(result.resolve(name)), name);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The node as JSON text with every object's keys in reverse order and an unknown field. */
  private static String reversed(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.propertyNames());
      Collections.reverse(names);
      var text = new StringBuilder("{ \"x_unknown\" : [ 1 , { } ]");
      for (String name : names) {
        text.append(" , ")
            .append(JSON.writeValueAsString(name))
            .append(" : ")
            .append(reversed(node.get(name)));
      }
      return text.append(" }").toString();
    }
    return JSON.writeValueAsString(node);
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
      return in.readAllBytes();
    }
  }
}
