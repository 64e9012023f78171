package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases of where inputs are found and what a run leaves next to its outputs. */
class InputsAndLeftoversTest {
  private static final String GOOD =
      "{\"question\": \"Hur?\", \"answer\": \"Så.\","
          + " \"source_document\": \"a.md\", \"persona\": \"p\", \"validation\": {\"composite_score\": 0.5}}";

  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(
        file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void aPassedFileNamedAloneFindsItsRejectedFileBesideIt() throws IOException {
    Path passed = write("data/qa_passed.jsonl", GOOD);
    write("data/qa_rejected.jsonl", GOOD, GOOD);
    write("qa/qa_rejected.jsonl", GOOD, GOOD, GOOD);

    CliRun run = CliRun.of("--passed", passed.toString(), "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, Files.readAllLines(dir.resolve("data/qa_rejected_hf.jsonl")).size());
  }

  @Test
  void anEmptyInputGetsNoConfigInTheCardAndNoLoadHint() throws IOException {
    write("qa/qa_passed.jsonl", GOOD);
    write("qa/qa_rejected.jsonl");

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out").toString());

    assertEquals(0, run.exitCode(), run.err());
    String card = Files.readString(dir.resolve("out/README.md"));
    assertFalse(card.contains("config_name: rejected"), card);
    assertTrue(card.contains("config_name: default"), card);
    assertTrue(
        run.err().contains("the dataset card has no config for qa_rejected.jsonl"), run.err());
    assertFalse(run.err().contains("\"rejected\")"), run.err());
  }

  @Test
  void whenNoRecordIsExportedNoCardIsWritten() throws IOException {
    write("qa/qa_passed.jsonl", "not json", "[]");

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--on-error",
            "skip",
            "--max-errors",
            "10"); // accepts a run that exports nothing

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of("qa_pairs.jsonl", "qa_pairs.jsonl.errors.jsonl"), filesIn(dir.resolve("out")));
    assertTrue(
        run.err().contains("no dataset card was written: no records were exported"), run.err());
    assertFalse(run.err().contains("load_dataset"), run.err());
  }

  @Test
  void afterAFormatChangeTheEarlierFormatsLogsGoWithItsData() throws IOException {
    write("qa/qa_passed.jsonl", GOOD, GOOD, "not json", GOOD.replace("Hur?", "Var?"));
    String qa = dir.resolve("qa").toString();
    String out = dir.resolve("out").toString();
    CliRun first =
        CliRun.of(
            "--input-dir",
            qa,
            "--output-dir",
            out,
            "--dedup",
            "exact",
            "--split",
            "train=0.5,test=0.5",
            "--on-error",
            "skip",
            "--quiet");
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(Files.exists(dir.resolve("out/qa_pairs.jsonl.duplicates.jsonl")));
    assertTrue(Files.exists(dir.resolve("out/qa_pairs.jsonl.errors.jsonl")));

    CliRun second =
        CliRun.of(
            "--input-dir",
            qa,
            "--output-dir",
            out,
            "--format",
            "parquet",
            "--dedup",
            "exact",
            "--split",
            "train=0.5,test=0.5",
            "--on-error",
            "skip",
            "--quiet");

    assertEquals(0, second.exitCode(), second.err());
    List<String> files = filesIn(dir.resolve("out"));
    assertFalse(files.contains("qa_pairs.jsonl.duplicates.jsonl"), files.toString());
    assertFalse(files.contains("qa_pairs.jsonl.errors.jsonl"), files.toString());
    assertTrue(files.contains("qa_pairs.parquet.duplicates.jsonl"), files.toString());
    assertTrue(files.contains("qa_pairs.parquet.errors.jsonl"), files.toString());
  }

  @Test
  void aCleanRunRemovesTheErrorsFileOfAnEarlierRun() throws IOException {
    write("qa/qa_passed.jsonl", GOOD, "not json");
    String qa = dir.resolve("qa").toString();
    CliRun.of("--input-dir", qa, "--on-error", "skip", "--quiet");
    assertTrue(Files.exists(dir.resolve("qa/qa_pairs.jsonl.errors.jsonl")));
    write("qa/qa_passed.jsonl", GOOD);

    CliRun run = CliRun.of("--input-dir", qa, "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertFalse(Files.exists(dir.resolve("qa/qa_pairs.jsonl.errors.jsonl")));
  }

  @Test
  void aFailedRunLeavesNoOutputDirectoryItCreatedAndASummaryDirectoryIsRefusedFirst()
      throws IOException {
    write("qa/qa_passed.jsonl", GOOD, "not json");
    Files.createDirectories(dir.resolve("summary-dir"));

    CliRun failed =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("new/out").toString());
    CliRun summaryIsADirectory =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out2").toString(),
            "--on-error",
            "skip",
            "--summary-json",
            dir.resolve("summary-dir").toString());

    assertEquals(1, failed.exitCode(), failed.err());
    assertFalse(Files.exists(dir.resolve("new/out")));
    assertEquals(2, summaryIsADirectory.exitCode(), summaryIsADirectory.err());
    assertFalse(Files.exists(dir.resolve("out2")));
  }

  @Test
  void aCardPathThatWouldOverwriteAnOutputOrInputIsAUsageError() throws IOException {
    Path passed = write("qa/qa_passed.jsonl", GOOD);
    String qa = dir.resolve("qa").toString();

    CliRun onOutput =
        CliRun.of("--input-dir", qa, "--dataset-card", dir.resolve("qa/qa_pairs.jsonl").toString());
    CliRun onInput = CliRun.of("--input-dir", qa, "--dataset-card", passed.toString());

    assertEquals(2, onOutput.exitCode(), onOutput.err());
    assertTrue(onOutput.err().contains("would overwrite"), onOutput.err());
    assertEquals(2, onInput.exitCode(), onInput.err());
    assertEquals(List.of("qa_passed.jsonl"), filesIn(dir.resolve("qa")));
    assertEquals(GOOD + "\n", Files.readString(passed));
  }
}
