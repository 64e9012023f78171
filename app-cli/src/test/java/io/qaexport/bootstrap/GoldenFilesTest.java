package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled example data against outputs checked by hand against SPEC §2 (persona parts,
 * string personas, an integer score, a missing and a null failure reason), byte for byte; and
 * the dataset card, read by hand against SPEC §3.
 */
class GoldenFilesTest {
  static final Path EXAMPLES = Path.of("..", "examples", "qa");

  @TempDir Path out;

  @Test
  void theExampleExportMatchesTheGoldenFilesByteForByte() throws IOException {
    CliRun run = CliRun.of("--input-dir", EXAMPLES.toString(), "--output-dir", out.toString(),
        "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertArrayEquals(golden("qa_pairs.jsonl"), Files.readAllBytes(out.resolve("qa_pairs.jsonl")));
    assertArrayEquals(golden("qa_rejected_hf.jsonl"),
        Files.readAllBytes(out.resolve("qa_rejected_hf.jsonl")));
    assertEquals(new String(golden("README.md"), StandardCharsets.UTF_8),
        Files.readString(out.resolve("README.md")));
  }

  @Test
  void aSecondRunGivesIdenticalBytes() throws IOException {
    Path first = out.resolve("first");
    Path second = out.resolve("second");
    assertEquals(0, CliRun.of("--input-dir", EXAMPLES.toString(), "--output-dir",
        first.toString(), "--quiet").exitCode());
    assertEquals(0, CliRun.of("--input-dir", EXAMPLES.toString(), "--output-dir",
        second.toString(), "--quiet").exitCode());

    for (String name : new String[] {"qa_pairs.jsonl", "qa_rejected_hf.jsonl", "README.md"}) {
      assertArrayEquals(Files.readAllBytes(first.resolve(name)),
          Files.readAllBytes(second.resolve(name)), name);
    }
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
      return in.readAllBytes();
    }
  }
}
