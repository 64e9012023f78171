package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void aReExportThatKeepsNoPassedPairTakesTheEarlierExportsDataOutOfItsCard() throws Exception {
    String out = dir.resolve("out").toString();
    CliRun first =
        CliRun.of("--input-dir", EXAMPLES, "--output-dir", out, "--split", "a=0.5,b=0.5");
    assertEquals(0, first.exitCode(), first.err());
    Path readme = dir.resolve("out/README.md");
    assertTrue(Files.readString(readme).contains("qa_pairs-a.jsonl"));

    CliRun second = CliRun.of("--input-dir", EXAMPLES, "--output-dir", out, "--min-score", "80");

    assertEquals(0, second.exitCode(), second.err());
    String card = Files.readString(readme);
    assertFalse(card.contains("configs:"), card);
    assertFalse(card.contains("num_examples"), card);
    assertFalse(card.contains("qa_pairs-a.jsonl"), card);
    assertTrue(card.contains("wrote no dataset card: it kept no passed pair"), card);
    assertTrue(
        second.err().contains("no longer declares the earlier export's configs"), second.err());
    assertFalse(Files.exists(dir.resolve("out/qa_pairs-a.jsonl")));
  }

  /** Defaults are counted in each output's own rows: a stage's left-out and moved pairs too. */
  @Test
  void defaultsAreCountedInTheRowsOfTheOutputTheyLandIn() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(
        in.resolve("qa_passed.jsonl"),
        String.join(
            "\n",
            "{\"question\":\"A?\",\"source_document\":\"s\",\"persona\":\"p\","
                + "\"validation\":{\"composite_score\":0.9}}",
            "{\"question\":\"a\",\"source_document\":\"s\",\"persona\":\"p\","
                + "\"validation\":{\"composite_score\":0.8}}",
            "{\"question\":\"B?\",\"source_document\":\"s\",\"persona\":\"p\","
                + "\"validation\":{\"composite_score\":0.1}}",
            ""));
    String out = dir.resolve("out").toString();
    CliRun run =
        CliRun.of(
            "--input-dir",
            in.toString(),
            "--output-dir",
            out,
            "--dedup",
            "exact",
            "--min-score",
            "0.5",
            "--summary-json",
            dir.resolve("s.json").toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("s.json").toFile());

    // One pair kept (A?), one dropped as its duplicate, one (B?) moved to the rejected output:
    // each output counts the empty answers in its own one row.
    assertEquals(1, json.get("files").get(0).get("defaults_applied").get("answer").asLong());
    assertEquals(1, json.get("files").get(1).get("defaults_applied").get("answer").asLong());
    assertTrue(run.err().contains("defaults applied in its rows: answer 1"), run.err());
    String card = Files.readString(dir.resolve("out/README.md"));
    assertFalse(card.contains("No defaults were applied"), card);
    assertEquals(2, card.split("\\| `answer` \\| `\"\"` \\| 1 \\|", -1).length - 1, card);
  }

  @Test
  void aSplitFarFromItsShareIsAWarning() throws Exception {
    Path in = Files.createDirectories(dir.resolve("same"));
    String line =
        "{\"question\":\"Hur ofta byter jag handskar?\",\"answer\":\"Ofta.\","
            + "\"validation\":{\"composite_score\":0.9}}\n";
    Files.writeString(in.resolve("qa_passed.jsonl"), line.repeat(40));

    CliRun run =
        CliRun.of(
            "--input-dir",
            in.toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--split",
            "train=0.5,test=0.5");

    assertEquals(0, run.exitCode(), run.err());
    // One question 40 times is one duplicate group, kept whole in one split.
    assertTrue(
        run.err().contains("is empty: it got none of the 40 passed pairs (50 % asked for)"),
        run.err());
  }

  @Test
  void aSplitLeftEmptyByTooFewPairsIsAWarning() throws Exception {
    CliRun run =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("out").toString(),
            "--split",
            "train=0.98,test=0.01,validation=0.01");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("split 'test' is empty: it got none of the 8"), run.err());
    assertTrue(run.err().contains("split 'validation' is empty"), run.err());
  }

  /** The files a run wrote under a withdrawn card are still qa-export's to clean up later. */
  @Test
  void filesWrittenUnderAWithdrawnCardGoWhenALaterExportDoesNotWriteThem() throws Exception {
    String out = dir.resolve("out").toString();
    String[] parquet = {"--input-dir", EXAMPLES, "--output-dir", out, "--format", "parquet"};
    assertEquals(0, CliRun.of(parquet).exitCode());
    String[] none = {
      "--input-dir", EXAMPLES, "--output-dir", out, "--format", "parquet", "--min-score", "99"
    };
    CliRun withdrawing = CliRun.of(none);
    CliRun again = CliRun.of(none);
    CliRun jsonl = CliRun.of("--input-dir", EXAMPLES, "--output-dir", out);

    assertEquals(0, withdrawing.exitCode(), withdrawing.err());
    assertTrue(withdrawing.err().contains("no longer declares"), withdrawing.err());
    assertEquals(0, again.exitCode(), again.err());
    assertFalse(again.err().contains("no longer declares"), "said once: " + again.err());
    assertEquals(0, jsonl.exitCode(), jsonl.err());
    assertEquals(
        List.of("README.md", "qa_pairs.jsonl", "qa_rejected_hf.jsonl"),
        TestFiles.filesIn(dir.resolve("out")));
  }

  /**
   * A run that writes no card in the output directory withdraws qa-export's card of an earlier
   * export there, and the files it named go: else {@code load_dataset(dir)} loads the earlier ones.
   */
  @Test
  void noCardOrACardElsewhereWithdrawsTheEarlierCardInTheDirectory() throws Exception {
    for (String[] cardFlags :
        List.of(
            new String[] {"--no-dataset-card"},
            new String[] {"--dataset-card", dir.resolve("card-elsewhere.md").toString()})) {
      Path out = dir.resolve("out-" + cardFlags.length);
      String[] parquet = {
        "--input-dir", EXAMPLES, "--output-dir", out.toString(), "--format", "parquet"
      };
      assertEquals(0, CliRun.of(parquet).exitCode());
      Files.writeString(
          out.resolve("README.md"),
          Files.readString(out.resolve("README.md")) + "\nNotes the team wrote.\n");
      String[] jsonl = new String[4 + cardFlags.length];
      System.arraycopy(
          new String[] {"--input-dir", EXAMPLES, "--output-dir", out.toString()}, 0, jsonl, 0, 4);
      System.arraycopy(cardFlags, 0, jsonl, 4, cardFlags.length);

      CliRun run = CliRun.of(jsonl);

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.err().contains("no longer declares"), run.err());
      assertEquals(
          List.of("README.md", "qa_pairs.jsonl", "qa_rejected_hf.jsonl"),
          TestFiles.filesIn(out),
          run.err());
      String card = Files.readString(out.resolve("README.md"));
      assertFalse(card.contains("qa_pairs.parquet"), card);
      assertFalse(card.contains("dataset_info"), card);
      assertTrue(card.contains("Notes the team wrote."), card);
    }
  }

  /** An earlier card names its shards by a glob: the files it matches go like named ones. */
  @Test
  void shardsAnEarlierCardNamedByAGlobGoWhenTheFormatChanges() throws Exception {
    String out = dir.resolve("out").toString();
    CliRun sharded =
        CliRun.of("--input-dir", EXAMPLES, "--output-dir", out, "--max-shard-size", "2KB");
    assertEquals(0, sharded.exitCode(), sharded.err());
    assertTrue(Files.readString(dir.resolve("out/README.md")).contains("-of-0000"));

    CliRun parquet = CliRun.of("--input-dir", EXAMPLES, "--output-dir", out, "--format", "parquet");

    assertEquals(0, parquet.exitCode(), parquet.err());
    assertEquals(
        List.of("README.md", "qa_pairs.parquet", "qa_rejected_hf.parquet"),
        TestFiles.filesIn(dir.resolve("out")));
    assertTrue(parquet.err().contains("-of-0000"), "the summary lists them: " + parquet.err());
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
