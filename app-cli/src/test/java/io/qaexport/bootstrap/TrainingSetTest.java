package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Score threshold, deduplication, splits and shards through the real command line. */
class TrainingSetTest {
  static final Path EXAMPLES = Path.of("..", "examples", "training");

  @TempDir Path dir;

  private static JsonNode frontMatter(Path card) throws IOException {
    String text = Files.readString(card);
    int end = text.indexOf("\n---\n", 4);
    return new YAMLMapper().readTree(text.substring(4, end + 1));
  }

  private static List<String> files(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theReadmesWorkedExampleGivesItsTreeSummaryAndCard() throws IOException {
    Path out = dir.resolve("out");
    Path json = dir.resolve("summary.json");
    CliRun run =
        CliRun.of(
            "--input-dir",
            EXAMPLES.toString(),
            "--output-dir",
            out.toString(),
            "--min-score",
            "0.8",
            "--dedup",
            "near",
            "--split",
            "train=0.8,test=0.2",
            "--summary-json",
            json.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of(
            "README.md",
            "qa_pairs-test.jsonl",
            "qa_pairs-train.jsonl",
            "qa_pairs.jsonl.duplicates.jsonl",
            "qa_rejected_hf.jsonl"),
        files(out));
    assertTrue(
        run.err()
            .contains(
                "lines read 11 = 7 kept + 1 below threshold + 0 decontaminated + 3 duplicates + 0 skipped + 0 blank"),
        run.err());
    assertTrue(run.err().contains("and 1 from the passed file below --min-score, moved here"));
    assertEquals(5, Files.readAllLines(out.resolve("qa_pairs-train.jsonl")).size());
    assertEquals(2, Files.readAllLines(out.resolve("qa_pairs-test.jsonl")).size());
    List<String> duplicates = Files.readAllLines(out.resolve("qa_pairs.jsonl.duplicates.jsonl"));
    assertTrue(
        duplicates.get(0).startsWith("{\"line\":1,\"duplicate_of\":9,\"similarity\":0.81"),
        duplicates.get(0));
    assertTrue(
        Files.readAllLines(out.resolve("qa_rejected_hf.jsonl"))
            .get(0)
            .endsWith(
                "\"failure_reason\":\"validation_score 0.78 is below the export threshold 0.8\"}"));

    JsonNode card = frontMatter(out.resolve("README.md"));
    JsonNode dataFiles = card.get("configs").get(0).get("data_files");
    assertEquals("train", dataFiles.get(0).get("split").asString());
    assertEquals("qa_pairs-train.jsonl", dataFiles.get(0).get("path").asString());
    assertEquals("test", dataFiles.get(1).get("split").asString());
    JsonNode splits = card.get("dataset_info").get(0).get("splits");
    assertEquals(5, splits.get(0).get("num_examples").asInt());
    assertEquals(2, splits.get(1).get("num_examples").asInt());
    assertEquals(
        7, card.get("dataset_info").get(1).get("splits").get(0).get("num_examples").asInt());

    JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertEquals(1, summary.get("below_threshold").asInt());
    assertEquals(3, summary.get("duplicates").asInt());
    JsonNode passed = summary.get("files").get(0);
    assertEquals(
        passed.get("lines_read").asLong(),
        passed.get("kept").asLong()
            + passed.get("below_threshold").asLong()
            + passed.get("duplicates").asLong()
            + passed.get("skipped").asLong()
            + passed.get("blank_lines").asLong());
    assertEquals("test", passed.get("splits").get(1).get("name").asString());
    assertEquals(2, passed.get("splits").get(1).get("rows").asInt());
  }

  @Test
  void shardedParquetSplitsWithSkippedLinesKeepTheIdentityAndTheCardGlobsTheShards()
      throws IOException {
    Path in = Files.createDirectories(dir.resolve("qa"));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      lines.add(
          "{\"question\": \"Fråga nummer "
              + i
              + " om handhygien?\", \"answer\": \""
              + "Svar ".repeat(40)
              + "\", \"validation\": {\"composite_score\": 0.9}}");
    }
    lines.add("not json");
    lines.add(
        "{\"question\": \"FRÅGA NUMMER 7 OM HANDHYGIEN\", \"validation\":"
            + " {\"composite_score\": 0.5}}");
    Files.write(in.resolve("qa_passed.jsonl"), lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");

    CliRun run =
        CliRun.of(
            "--input-dir",
            in.toString(),
            "--output-dir",
            out.toString(),
            "--format",
            "parquet",
            "--on-error",
            "skip",
            "--dedup",
            "exact",
            "--split",
            "train=0.75,test=0.25",
            "--max-shard-size",
            "40KB");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "lines read 402 = 400 kept + 0 below threshold + 0 decontaminated + 1 duplicates + 1 skipped + 0 blank"),
        run.err());
    List<String> shards =
        files(out).stream().filter(name -> name.startsWith("qa_pairs-train-")).toList();
    assertTrue(shards.size() >= 2, files(out).toString());
    for (int i = 0; i < shards.size(); i++) {
      assertEquals(
          String.format("qa_pairs-train-%05d-of-%05d.parquet", i, shards.size()), shards.get(i));
    }
    JsonNode card = frontMatter(out.resolve("README.md"));
    // One glob per split, with the shard count, as the Hub's own cards have it.
    JsonNode listed = card.get("configs").get(0).get("data_files").get(0).get("path");
    assertEquals(
        String.format("qa_pairs-train-*-of-%05d.parquet", shards.size()), listed.asString());
    assertTrue(Files.exists(out.resolve("qa_pairs.parquet.errors.jsonl")));
    assertFalse(Files.exists(out.resolve("qa_pairs.parquet")));
  }
}
