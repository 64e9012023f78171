package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts name what they count and add up to the rows written; a dataset without passed pairs gets
 * no card that would load the rejected ones as its default; no output is named that does not exist.
 */
class CountsTellTheTruthTest {
  private static final String EXAMPLES = GoldenFilesTest.EXAMPLES.toString();

  @TempDir Path dir;

  private JsonNode summary(String... args) throws Exception {
    Path json = dir.resolve("summary-" + args.length + ".json");
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--summary-json";
    all[args.length + 1] = json.toString();
    all[args.length + 2] = "--quiet";
    CliRun run = CliRun.of(all);
    assertEquals(0, run.exitCode(), run.err());
    return JsonMapper.builder().build().readTree(json.toFile());
  }

  @Test
  void theHeadlineAndTheJsonCountTheRowsWrittenMovedPairsIncluded() throws Exception {
    CliRun run =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("a").toString(),
            "--min-score",
            "0.85");
    JsonNode json =
        summary(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("b").toString(),
            "--min-score",
            "0.85");

    assertEquals(0, run.exitCode(), run.err());
    long written =
        Files.readAllLines(dir.resolve("a/qa_pairs.jsonl")).size()
            + Files.readAllLines(dir.resolve("a/qa_rejected_hf.jsonl")).size();
    assertEquals(14, written);
    assertTrue(run.err().startsWith("qa-export: exported 14 records"), run.err());
    assertEquals(14, json.get("rows_written").asLong());
    long rows = 0;
    for (JsonNode file : json.get("files")) {
      rows += file.get("rows").asLong();
    }
    assertEquals(14, rows);
    assertTrue(json.get("exported").asLong() < 14, "exported counts kept input pairs only");
  }

  @Test
  void aThresholdAboveEveryScoreWarnsAndWritesNoCardThatWouldLoadTheRejectedPairs()
      throws Exception {
    CliRun run =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("out").toString(),
            "--min-score",
            "80");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("warning: --min-score 80 is above every passed pair's validation_score"),
        run.err());
    assertTrue(run.err().contains("no dataset card was written: no passed pair"), run.err());
    assertFalse(Files.exists(dir.resolve("out/README.md")));
  }

  @Test
  void aSplitOutputIsNoFileSoTheJsonNamesNone() throws Exception {
    JsonNode json =
        summary(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("out").toString(),
            "--split",
            "train=0.5,test=0.5");

    JsonNode passed = json.get("files").get(0);
    assertTrue(passed.get("output").isNull(), passed.toString());
    assertFalse(Files.exists(dir.resolve("out/qa_pairs.jsonl")));
    JsonNode rejected = json.get("files").get(1);
    assertTrue(Files.exists(Path.of(rejected.get("output").asString())));
  }
}
