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

/** The real command line end to end, in process, on temporary directories. */
class MainTest {
  private static final String GOOD =
      "{\"question\": \"Hur?\", \"answer\": \"Så här.\","
          + " \"source_document\": \"a.md\", \"persona\": {\"roll\": \"underskoterska\"},"
          + " \"validation\": {\"composite_score\": 1, \"failure_reason\": null}}";

  @TempDir Path dir;

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void exportsBothFilesAndEndsWithASummaryOnStderr() throws IOException {
    write("qa/qa_passed.jsonl", GOOD, "", GOOD.replace("\"Hur?\"", "null"));
    write("qa/qa_rejected.jsonl", GOOD);

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out").toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals(
        "{\"question\":\"Hur?\",\"answer\":\"Så här.\",\"source\":\"a.md\","
            + "\"persona\":\"underskoterska/unknown\",\"validation_score\":1.0}\n",
        Files.readString(dir.resolve("out/qa_pairs.jsonl")).lines().findFirst().orElseThrow()
            + "\n");
    assertEquals(
        List.of("README.md", "qa_pairs.jsonl", "qa_rejected_hf.jsonl"),
        filesIn(dir.resolve("out")));
    assertTrue(run.err().contains("exported 3 records as jsonl"), run.err());
    assertTrue(run.err().contains("lines read 3 = 2 exported + 0 skipped + 1 blank"), run.err());
    assertTrue(
        run.err()
            .contains(
                "defaults applied: question 1 (\"\"), persona.erfarenhet 2" + " (\"unknown\")"),
        run.err());
    assertTrue(
        run.err()
            .contains(
                "defaults applied: persona.erfarenhet 1 (\"unknown\"),"
                    + " failure_reason 1 (\"unknown\")"),
        run.err());
    assertTrue(
        run.err()
            .contains(
                "load_dataset(\"json\", data_files=\""
                    + dir.resolve("out/qa_rejected_hf.jsonl")
                    + "\", split=\"train\")"),
        run.err());
  }

  @Test
  void outputsGoToTheInputDirectoryByDefault() throws IOException {
    write("qa/qa_passed.jsonl", GOOD);

    CliRun run = CliRun.of("--input-dir", dir.resolve("qa").toString(), "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertEquals(
        List.of("README.md", "qa_pairs.jsonl", "qa_passed.jsonl"), filesIn(dir.resolve("qa")));
  }

  @Test
  void withoutARejectedFileOnlyPassedPairsAreExportedAndThatIsSaid() throws IOException {
    write("qa/qa_passed.jsonl", GOOD);

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out").toString());

    assertEquals(0, run.exitCode());
    assertTrue(
        run.err().contains("no " + dir.resolve("qa/qa_rejected.jsonl") + "; exporting passed"),
        run.err());
    assertEquals(List.of("README.md", "qa_pairs.jsonl"), filesIn(dir.resolve("out")));
  }

  @Test
  void namedFilesReplaceTheInputDirectory() throws IOException {
    Path passed = write("a/good.jsonl", GOOD);
    Path rejected = write("b/bad.jsonl", GOOD);

    CliRun run =
        CliRun.of("--passed", passed.toString(), "--rejected", rejected.toString(), "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of("README.md", "good.jsonl", "qa_pairs.jsonl", "qa_rejected_hf.jsonl"),
        filesIn(dir.resolve("a")));
  }

  @Test
  void aMissingPassedFileIsAUsageErrorThatSaysWhereItComesFrom() {
    CliRun run = CliRun.of("--input-dir", dir.resolve("qa").toString());

    assertEquals(2, run.exitCode());
    assertTrue(
        run.err()
            .contains(
                dir.resolve("qa/qa_passed.jsonl")
                    + ": no such file. It is"
                    + " written by the pipeline's validation step"),
        run.err());
    assertFalse(Files.exists(dir.resolve("qa")));
  }

  @Test
  void aNamedRejectedFileThatIsMissingIsAUsageError() throws IOException {
    write("qa/qa_passed.jsonl", GOOD);

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--rejected",
            dir.resolve("nope.jsonl").toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("nope.jsonl: no such file"), run.err());
    assertEquals(List.of("qa_passed.jsonl"), filesIn(dir.resolve("qa")));
  }

  @Test
  void unknownOptionsFormatsAndStrayArgumentsAreUsageErrors() throws IOException {
    write("qa/qa_passed.jsonl", GOOD);
    String qa = dir.resolve("qa").toString();

    CliRun unknownOption = CliRun.of("--input-dir", qa, "--colour");
    CliRun partial = CliRun.of("--input", qa);
    CliRun unknownFormat = CliRun.of("--input-dir", qa, "--format", "csv");
    CliRun stray = CliRun.of("--input-dir", qa, "extra");
    CliRun badPolicy = CliRun.of("--input-dir", qa, "--on-error", "ignore");
    CliRun badSize = CliRun.of("--input-dir", qa, "--max-line-bytes", "lots");

    assertEquals(2, unknownOption.exitCode());
    assertTrue(unknownOption.err().contains("unrecognized option: --colour"), unknownOption.err());
    assertTrue(unknownOption.err().contains("Try 'qa-export --help'"));
    assertEquals(2, partial.exitCode());
    assertEquals(2, unknownFormat.exitCode());
    assertTrue(
        unknownFormat.err().contains("unknown format 'csv'; available: jsonl"),
        unknownFormat.err());
    assertEquals(2, stray.exitCode());
    assertTrue(stray.err().contains("unexpected argument 'extra'"), stray.err());
    assertEquals(2, badPolicy.exitCode());
    assertEquals(2, badSize.exitCode());
    assertEquals(List.of("qa_passed.jsonl"), filesIn(dir.resolve("qa")));
  }

  @Test
  void anInvalidRecordStopsTheRunWithFileLineAndColumnAndWritesNothing() throws IOException {
    write("qa/qa_passed.jsonl", GOOD);
    Path rejected = write("qa/qa_rejected.jsonl", GOOD, "", "{\"question\": 42}");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("qa_pairs.jsonl"), "earlier\n");

    CliRun run =
        CliRun.of("--input-dir", dir.resolve("qa").toString(), "--output-dir", out.toString());

    assertEquals(1, run.exitCode());
    assertTrue(
        run.err()
            .contains(
                "qa-export: error: "
                    + rejected
                    + ":3:14: 'question' must be a string or null, found a number"),
        run.err());
    assertTrue(run.err().contains("no output was written or replaced"), run.err());
    assertEquals(List.of("qa_pairs.jsonl"), filesIn(out));
    assertEquals("earlier\n", Files.readString(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void skipLeavesInvalidRecordsOutAndSaysSo() throws IOException {
    write("qa/qa_passed.jsonl", GOOD, "not json", GOOD);

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--on-error",
            "skip");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, Files.readAllLines(dir.resolve("out/qa_pairs.jsonl")).size());
    List<String> errors = Files.readAllLines(dir.resolve("out/qa_pairs.jsonl.errors.jsonl"));
    assertEquals(1, errors.size());
    assertTrue(
        errors.get(0).startsWith("{\"line\":2,\"column\":1,\"reason\":\"invalid JSON:"),
        errors.get(0));
    assertTrue(errors.get(0).endsWith(",\"raw\":\"not json\"}"), errors.get(0));
    assertTrue(run.err().contains("lines read 3 = 2 exported + 1 skipped + 0 blank"), run.err());
    assertTrue(run.err().contains("1 invalid records were left out"), run.err());
  }

  @Test
  void strictTurnsMissingFieldsIntoInvalidRecords() throws IOException {
    Path passed = write("qa/qa_passed.jsonl", GOOD, "{\"question\": \"q\"}");

    CliRun run = CliRun.of("--input-dir", dir.resolve("qa").toString(), "--strict");

    assertEquals(1, run.exitCode());
    assertTrue(
        run.err().contains(passed + ":2: missing or null required field 'answer'" + " (--strict)"),
        run.err());
  }

  @Test
  void anOutputDirectoryThatCannotBeCreatedIsAnIoFailure() throws IOException {
    write("qa/qa_passed.jsonl", GOOD);
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            blocker.resolve("out").toString());

    assertEquals(3, run.exitCode());
    assertTrue(
        run.err().contains("cannot create or use output directory " + blocker.resolve("out")),
        run.err());
    assertFalse(run.err().contains("at io.qaexport"), "no stack trace without --verbose");
  }

  @Test
  void anUnreadableInputIsAnIoFailure() throws IOException {
    Files.createDirectories(dir.resolve("qa/qa_passed.jsonl"));

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out").toString());

    assertEquals(3, run.exitCode(), run.err());
    assertTrue(run.err().contains("cannot read " + dir.resolve("qa/qa_passed.jsonl")), run.err());
    assertFalse(Files.exists(dir.resolve("out")), "the failed run removed the directory it made");
  }

  @Test
  void listHelpAndVersionPrintToStdout() {
    CliRun list = CliRun.of("--list-formats");
    CliRun help = CliRun.of("--help");
    CliRun version = CliRun.of("--version");

    assertEquals(0, list.exitCode());
    assertTrue(list.out().startsWith("jsonl "), list.out());
    assertEquals(0, help.exitCode());
    assertTrue(help.out().startsWith("usage: qa-export [options]"), help.out());
    assertTrue(help.out().contains("--on-error <POLICY>"), help.out());
    assertTrue(help.out().contains("Exit codes: 0 success; 1 invalid input data; 2 usage error"));
    assertEquals(0, version.exitCode());
    assertTrue(version.out().matches("qa-export \\d+\\.\\d+\\.\\d+\\n"), version.out());
  }
}
