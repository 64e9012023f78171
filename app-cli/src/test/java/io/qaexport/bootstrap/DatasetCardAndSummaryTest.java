package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The dataset card, the JSON summary and the progress bar, through the real command line. */
class DatasetCardAndSummaryTest {
  @TempDir Path dir;

  private static String pair(String persona, double score) {
    return "{\"question\": \"Hur?\", \"answer\": \"Så.\", \"source_document\": \"a.md\","
        + " \"persona\": "
        + persona
        + ", \"validation\": {\"composite_score\": "
        + score
        + "}}";
  }

  private Path input(String name, List<String> lines) throws IOException {
    Path file = dir.resolve("qa").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static JsonNode frontMatter(Path card) throws IOException {
    String text = Files.readString(card);
    assertTrue(text.startsWith("---\n"), text);
    int end = text.indexOf("\n---\n", 4);
    return new YAMLMapper().readTree(text.substring(4, end + 1));
  }

  @Test
  void theCardDeclaresConfigsFeaturesAndHubMetadata() throws IOException {
    input("qa_passed.jsonl", List.of(pair("\"anhörig\"", 0.9)));
    input("qa_rejected.jsonl", List.of(pair("null", 0.1)));

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--license",
            "cc-by-4.0",
            "--pretty-name",
            "Vårdfrågor",
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode yaml = frontMatter(dir.resolve("out/README.md"));
    assertEquals("Vårdfrågor", yaml.get("pretty_name").asString());
    assertEquals("cc-by-4.0", yaml.get("license").asString());
    assertEquals("sv", yaml.get("language").get(0).asString());
    assertEquals("question-answering", yaml.get("task_categories").get(0).asString());
    assertEquals("n<1K", yaml.get("size_categories").get(0).asString());
    assertEquals("default", yaml.get("configs").get(0).get("config_name").asString());
    assertEquals(
        "qa_pairs.jsonl",
        yaml.get("configs").get(0).get("data_files").get(0).get("path").asString());
    assertEquals(
        "train", yaml.get("configs").get(0).get("data_files").get(0).get("split").asString());
    assertEquals(
        "qa_rejected_hf.jsonl",
        yaml.get("configs").get(1).get("data_files").get(0).get("path").asString());
    JsonNode rejectedFeatures = yaml.get("dataset_info").get(1).get("features");
    assertEquals("rejected", yaml.get("dataset_info").get(1).get("config_name").asString());
    assertEquals(6, rejectedFeatures.size());
    assertEquals("failure_reason", rejectedFeatures.get(5).get("name").asString());
    assertEquals("float64", rejectedFeatures.get(4).get("dtype").asString());
    assertEquals(
        1,
        yaml.get("dataset_info").get(0).get("splits").get(0).get("num_examples").asLong(),
        "exact split counts");
  }

  @Test
  void theSizeCategoryFollowsTheRowCount() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      lines.add(pair("\"p\"", 0.5));
    }
    input("qa_passed.jsonl", lines);

    CliRun.of("--input-dir", dir.resolve("qa").toString(), "--quiet");

    assertEquals(
        "1K<n<10K",
        frontMatter(dir.resolve("qa/README.md")).get("size_categories").get(0).asString());
  }

  @Test
  void aReadmeQaExportDidNotWriteIsNeverReplaced() throws IOException {
    input("qa_passed.jsonl", List.of(pair("\"p\"", 0.5)));
    Path readme = Files.writeString(dir.resolve("qa/README.md"), "# Mina anteckningar\n");

    CliRun run = CliRun.of("--input-dir", dir.resolve("qa").toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("# Mina anteckningar\n", Files.readString(readme));
    assertTrue(
        run.err().contains("warning: " + readme + " exists and was not written by" + " qa-export"),
        run.err());
    assertTrue(Files.exists(dir.resolve("qa/qa_pairs.jsonl")));
  }

  @Test
  void aCardQaExportWroteIsReplacedByTheNextExport() throws IOException {
    input("qa_passed.jsonl", List.of(pair("\"p\"", 0.5)));
    CliRun.of("--input-dir", dir.resolve("qa").toString(), "--quiet");
    input("qa_passed.jsonl", List.of(pair("\"p\"", 0.5), pair("\"q\"", 0.5)));

    CliRun run = CliRun.of("--input-dir", dir.resolve("qa").toString(), "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.readString(dir.resolve("qa/README.md")).contains("2 rows."));
  }

  @Test
  void anEarlierCardsNameWithALineBreakIsWrittenOnOneLineAndTheFrontMatterStaysValid()
      throws IOException {
    input("qa_passed.jsonl", List.of(pair("\"p\"", 0.5)));
    // A card of an earlier version (written whole, so its body is written anew), edited by hand.
    Files.writeString(
        dir.resolve("qa/README.md"),
        "---\npretty_name: \"Vård\\n---\\n{x}\"\n---\n"
            + "<!-- Written by qa-export: the next export to this directory replaces this file."
            + " -->\n");

    CliRun run = CliRun.of("--input-dir", dir.resolve("qa").toString(), "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(dir.resolve("qa/README.md"));
    assertEquals("---", lines.get(0));
    int closing = lines.subList(1, lines.size()).indexOf("---") + 1;
    assertTrue(closing > 1, lines.toString());
    assertTrue(lines.contains("# Vård --- {x}"), lines.toString());
    assertEquals(1, lines.stream().filter(line -> line.contains("title        =")).count());
    assertTrue(
        lines.stream().anyMatch(line -> line.equals("  title        = { Vård --- x },")),
        lines.toString());
    assertEquals(-1, lines.subList(closing + 1, lines.size()).indexOf("---"), "no other rule");
  }

  @Test
  void theCardCanGoElsewhereOrNowhere() throws IOException {
    input("qa_passed.jsonl", List.of(pair("\"p\"", 0.5)));

    CliRun elsewhere =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--dataset-card",
            dir.resolve("cards/README.md").toString(),
            "--quiet");
    CliRun nowhere =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out2").toString(),
            "--no-dataset-card",
            "--quiet");
    CliRun both =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--dataset-card",
            "x.md",
            "--no-dataset-card");

    assertEquals(0, elsewhere.exitCode(), elsewhere.err());
    assertEquals(
        "../out/qa_pairs.jsonl",
        frontMatter(dir.resolve("cards/README.md"))
            .get("configs")
            .get(0)
            .get("data_files")
            .get(0)
            .get("path")
            .asString());
    assertFalse(Files.exists(dir.resolve("out/README.md")));
    assertEquals(0, nowhere.exitCode(), nowhere.err());
    assertFalse(Files.exists(dir.resolve("out2/README.md")));
    assertEquals(2, both.exitCode());
  }

  @Test
  void aRunWithoutACardOrWithAPlainOneLoadsNoYamlClassWhileACardNeedingQuotesDoes()
      throws Exception {
    String examples = GoldenFilesTest.EXAMPLES.toString();
    List<String> without =
        CliRun.classesLoadedBy(
            dir.resolve("without.log"),
            "--input-dir",
            examples,
            "--output-dir",
            dir.resolve("a").toString(),
            "--no-dataset-card",
            "--quiet");
    List<String> plain =
        CliRun.classesLoadedBy(
            dir.resolve("plain.log"),
            "--input-dir",
            examples,
            "--output-dir",
            dir.resolve("b").toString(),
            "--quiet");
    List<String> quoted =
        CliRun.classesLoadedBy(
            dir.resolve("quoted.log"),
            "--input-dir",
            examples,
            "--output-dir",
            dir.resolve("c").toString(),
            "--pretty-name",
            "Vårdfrågor (svenska) #1",
            "--quiet");

    Predicate<String> yamlLibrary =
        line -> line.contains("org.snakeyaml") || line.contains("tools.jackson.dataformat.yaml");
    for (List<String> run : List.of(without, plain)) {
      assertFalse(run.isEmpty());
      assertTrue(
          run.stream().noneMatch(yamlLibrary),
          () -> "YAML classes loaded: " + run.stream().filter(yamlLibrary).limit(5).toList());
    }
    assertTrue(Files.readString(dir.resolve("b/README.md")).startsWith("---\npretty_name: "));
    assertTrue(
        quoted.stream().anyMatch(yamlLibrary),
        "the check would notice YAML classes if they were loaded");
  }

  @Test
  void theJsonSummaryHoldsWhatTheInputHolds() throws IOException {
    // Counted by hand: 4 records (2 × anhörig, 1 × underskoterska/unknown, 1 invalid), 2 blank.
    input(
        "qa_passed.jsonl",
        List.of(
            pair("\"anhörig\"", 0.2),
            "",
            pair("\"anhörig\"", 0.8),
            "{\"question\": 1}",
            "   ",
            pair("{\"roll\": \"underskoterska\"}", 0.6)));
    Path json = dir.resolve("reports/summary.json");

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--on-error",
            "skip",
            "--summary-json",
            json.toString(),
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertEquals("jsonl", summary.get("format").asString());
    assertEquals(6, summary.get("lines_read").asLong());
    assertEquals(3, summary.get("exported").asLong());
    assertEquals(1, summary.get("skipped").asLong());
    assertEquals(dir.resolve("qa/README.md").toString(), summary.get("dataset_card").asString());
    JsonNode file = summary.get("files").get(0);
    assertEquals("passed", file.get("shape").asString());
    assertEquals(2, file.get("blank_lines").asLong());
    assertEquals(Files.size(dir.resolve("qa/qa_pairs.jsonl")), file.get("output_bytes").asLong());
    assertEquals(
        dir.resolve("qa/qa_pairs.jsonl.errors.jsonl").toString(),
        file.get("errors_file").asString());
    assertEquals(1, file.get("defaults_applied").get("persona.erfarenhet").asLong());
    assertEquals(0, file.get("defaults_applied").get("question").asLong());
    assertEquals(2, file.get("personas").get("anhörig").asLong());
    assertEquals(1, file.get("personas").get("underskoterska/unknown").asLong());
    assertEquals(0.2, file.get("validation_score").get("min").asDouble());
    assertEquals(0.6, file.get("validation_score").get("median").asDouble());
    assertEquals(0.8, file.get("validation_score").get("max").asDouble());
    assertTrue(summary.get("elapsed_seconds").asDouble() > 0);
  }

  @Test
  void aSummaryThatCannotBeWrittenIsAnIoFailureThatSaysTheDatasetIsInPlace() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "needs /dev/full");
    input("qa_passed.jsonl", List.of(pair("\"anhörig\"", 0.9)));

    CliRun run =
        CliRun.of(
            "--input-dir",
            dir.resolve("qa").toString(),
            "--summary-json",
            full.toString(),
            "--quiet");

    assertEquals(3, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "the dataset was exported, but the summary could not be written to /dev/full:"
                    + " No space left on device"),
        run.err());
    assertTrue(Files.exists(dir.resolve("qa/qa_pairs.jsonl")));
  }

  @Test
  void aFileThatASplitExportReplacesIsListedAsRemovedEvenWithoutACard() throws IOException {
    input("qa_passed.jsonl", List.of(pair("\"anhörig\"", 0.9), pair("\"x\"", 0.8)));
    String qa = dir.resolve("qa").toString();
    Path out = dir.resolve("out");
    assertEquals(
        0,
        CliRun.of("--input-dir", qa, "--output-dir", out.toString(), "--no-dataset-card")
            .exitCode());

    CliRun split =
        CliRun.of(
            "--input-dir",
            qa,
            "--output-dir",
            out.toString(),
            "--no-dataset-card",
            "--split",
            "train=0.5,test=0.5");

    assertEquals(0, split.exitCode(), split.err());
    assertFalse(Files.exists(out.resolve("qa_pairs.jsonl")));
    assertTrue(
        split.err().contains("removed " + out.resolve("qa_pairs.jsonl") + ": an earlier export"),
        split.err());
  }

  @Test
  void anEarlierLicenseTheCardCannotKeepIsReportedAndAnUnquotedNameIsKept() throws IOException {
    input("qa_passed.jsonl", List.of(pair("\"anhörig\"", 0.9)));
    String qa = dir.resolve("qa").toString();
    Path out = dir.resolve("out");
    assertEquals(
        0,
        CliRun.of("--input-dir", qa, "--output-dir", out.toString(), "--license", "mit")
            .exitCode());
    Path card = out.resolve("README.md");
    Files.writeString(
        card,
        Files.readString(card)
            .replace("license: mit\n", "license:\n  - mit\n  - apache-2.0\n")
            .replaceFirst("pretty_name: [^\n]*", "pretty_name: 123"));

    CliRun again = CliRun.of("--input-dir", qa, "--output-dir", out.toString());

    assertEquals(0, again.exitCode(), again.err());
    assertTrue(
        again
            .err()
            .contains(card + " gave the license [mit, apache-2.0], which is not one license"),
        again.err());
    JsonNode yaml = frontMatter(card);
    assertEquals("unknown", yaml.get("license").asString());
    assertEquals("123", yaml.get("pretty_name").asString());
    assertTrue(yaml.get("pretty_name").isString());
  }

  @Test
  void theJsonSummaryNamesTheToolVersionAndEveryPathAbsolutelyWhereverItRan() throws IOException {
    input("qa_passed.jsonl", List.of(pair("\"anhörig\"", 0.2), "{\"question\": 1}"));
    Path here = Path.of("").toAbsolutePath();
    Path relativeQa = here.relativize(dir.resolve("qa"));
    Path json = dir.resolve("summary.json");

    CliRun run =
        CliRun.of(
            "--input-dir",
            relativeQa.toString(),
            "--on-error",
            "skip",
            "--summary-json",
            json.toString(),
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode summary = new ObjectMapper().readTree(json.toFile());
    assertEquals("qa-export", summary.get("tool").asString());
    assertEquals(Main.version(), summary.get("version").asString());
    assertTrue(summary.get("version").asString().matches("\\d+\\.\\d+\\.\\d+"));
    assertEquals(dir.resolve("qa").toString(), summary.get("output_dir").asString());
    assertEquals(dir.resolve("qa/README.md").toString(), summary.get("dataset_card").asString());
    JsonNode file = summary.get("files").get(0);
    assertEquals(dir.resolve("qa/qa_passed.jsonl").toString(), file.get("input").asString());
    assertEquals(dir.resolve("qa/qa_pairs.jsonl").toString(), file.get("output").asString());
    assertEquals(
        dir.resolve("qa/qa_pairs.jsonl.errors.jsonl").toString(),
        file.get("errors_file").asString());
  }

  @Test
  void withStrictTheSummarySaysWhichDefaultsWereStillApplied() throws IOException {
    input("qa_passed.jsonl", List.of(pair("{\"roll\": \"underskoterska\"}", 0.6)));

    CliRun strict = CliRun.of("--input-dir", dir.resolve("qa").toString(), "--strict");

    assertEquals(0, strict.exitCode(), strict.err());
    assertTrue(
        strict
            .err()
            .contains(
                "    defaults applied (fields --strict does not cover):"
                    + " persona.erfarenhet 1 (\"unknown\")\n"),
        strict.err());
    assertTrue(
        CliRun.of("--help")
            .out()
            .replaceAll("\\s+", " ")
            .contains(
                "persona.roll, persona.erfarenhet, an empty persona and failure_reason still get theirs"));
  }

  @Test
  void aProgressBarIsDrawnOnlyOnATerminalAndNeverWhenQuiet() throws IOException {
    List<String> lines = new ArrayList<>();
    String padding = "x".repeat(1500);
    for (int i = 0; i < 12_000; i++) {
      lines.add("{\"question\": \"" + padding + "\", \"persona\": \"p\"}");
    }
    input("qa_passed.jsonl", lines);
    String qa = dir.resolve("qa").toString();

    CliRun notTerminal = CliRun.of("--input-dir", qa, "--output-dir", dir.resolve("a").toString());
    String terminal =
        withTerminal(
            () -> CliRun.of("--input-dir", qa, "--output-dir", dir.resolve("b").toString()).err());
    String quiet =
        withTerminal(
            () ->
                CliRun.of("--input-dir", qa, "--output-dir", dir.resolve("c").toString(), "--quiet")
                    .err());

    assertFalse(notTerminal.err().contains("\r"), notTerminal.err());
    assertTrue(
        terminal.contains("\r")
            && terminal.contains("qa_passed.jsonl")
            && terminal.contains("100%")
            && terminal.contains("MiB"),
        terminal);
    assertEquals("", quiet);
  }

  private static String withTerminal(Supplier<String> run) {
    System.setProperty(Launch.STDERR_IS_TERMINAL, "true");
    try {
      return run.get();
    } finally {
      System.clearProperty(Launch.STDERR_IS_TERMINAL);
    }
  }

  @Test
  void aReExportInAnotherFormatKeepsTheUsersEditsUpdatesTheCardAndRemovesTheOldFiles()
      throws IOException {
    Path out = dir.resolve("rt");
    CliRun first =
        CliRun.of(
            "--input-dir",
            GoldenFilesTest.EXAMPLES.toString(),
            "--output-dir",
            out.toString(),
            "--license",
            "cc-by-4.0",
            "--quiet");
    assertEquals(0, first.exitCode(), first.err());
    String card = Files.readString(out.resolve("README.md"));
    String edited =
        card.replace(
                "license: cc-by-4.0\n",
                "license: cc-by-4.0\nhomepage: https://example.org/vård # vår sida\n")
            + "\n## Kontakt\n\nFrågor till vard@example.org.\n";
    Files.writeString(out.resolve("README.md"), edited);
    Files.writeString(out.resolve("notes.txt"), "mine");

    CliRun second =
        CliRun.of(
            "--input-dir",
            GoldenFilesTest.EXAMPLES.toString(),
            "--output-dir",
            out.toString(),
            "--format",
            "parquet");

    assertEquals(0, second.exitCode(), second.err());
    String updated = Files.readString(out.resolve("README.md"));
    assertTrue(updated.contains("homepage: https://example.org/vård # vår sida\n"), updated);
    assertTrue(updated.endsWith("\n## Kontakt\n\nFrågor till vard@example.org.\n"), updated);
    assertTrue(updated.contains("license: cc-by-4.0\n"), "the license given before stays");
    assertTrue(
        updated.contains("path: qa_pairs.parquet") && !updated.contains("qa_pairs.jsonl"), updated);
    assertEquals(
        List.of("README.md", "notes.txt", "qa_pairs.parquet", "qa_rejected_hf.parquet"),
        filesIn(out));
    assertTrue(second.err().contains("removed " + out.resolve("qa_pairs.jsonl")), second.err());
  }

  @Test
  void withoutALicenseTheRunSuggestsOne() {
    CliRun run =
        CliRun.of(
            "--input-dir",
            GoldenFilesTest.EXAMPLES.toString(),
            "--output-dir",
            dir.resolve("nolicense").toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        1,
        run.err()
            .lines()
            .filter(line -> line.contains("license is 'unknown'") && line.contains("--license"))
            .count(),
        run.err());
  }

  @Test
  void aCardWhoseBlockTheUserRemovedIsNeverTouched() throws IOException {
    Path out = dir.resolve("unblocked");
    CliRun.of(
        "--input-dir",
        GoldenFilesTest.EXAMPLES.toString(),
        "--output-dir",
        out.toString(),
        "--quiet");
    String card = Files.readString(out.resolve("README.md"));
    String mine = card.substring(0, card.indexOf("<!-- qa-export:end"));
    Files.writeString(out.resolve("README.md"), mine);

    CliRun run =
        CliRun.of(
            "--input-dir",
            GoldenFilesTest.EXAMPLES.toString(),
            "--output-dir",
            out.toString(),
            "--format",
            "parquet");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(mine, Files.readString(out.resolve("README.md")));
    assertTrue(Files.exists(out.resolve("qa_pairs.jsonl")), "nothing is removed without a card");
  }

  @Test
  void aDataFileTheEarlierCardNamesOutsideItsDirectoryIsNeverRemoved() throws IOException {
    Path out = dir.resolve("escape");
    CliRun.of(
        "--input-dir",
        GoldenFilesTest.EXAMPLES.toString(),
        "--output-dir",
        out.toString(),
        "--quiet");
    Path outside = Files.writeString(dir.resolve("outside.jsonl"), "{}\n");
    Path card = out.resolve("README.md");
    Files.writeString(
        card,
        Files.readString(card).replace("path: qa_rejected_hf.jsonl", "path: ../outside.jsonl"));

    CliRun run =
        CliRun.of(
            "--input-dir",
            GoldenFilesTest.EXAMPLES.toString(),
            "--output-dir",
            out.toString(),
            "--format",
            "parquet",
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.exists(outside));
    assertEquals(
        List.of("README.md", "qa_pairs.parquet", "qa_rejected_hf.jsonl", "qa_rejected_hf.parquet"),
        filesIn(out));
  }

  @Test
  void aCardWhoseFrontMatterCannotBeUpdatedSafelyIsKeptWithAWarning() throws IOException {
    Path out = dir.resolve("badyaml");
    CliRun.of(
        "--input-dir",
        GoldenFilesTest.EXAMPLES.toString(),
        "--output-dir",
        out.toString(),
        "--quiet");
    Path card = out.resolve("README.md");
    String broken = Files.readString(card).replace("language:\n", "language: [sv\n");
    Files.writeString(card, broken);

    CliRun run =
        CliRun.of(
            "--input-dir", GoldenFilesTest.EXAMPLES.toString(), "--output-dir", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(broken, Files.readString(card));
    assertTrue(
        run.err()
            .contains(
                "warning: "
                    + card
                    + " has qa-export's block, but its YAML"
                    + " front matter does not parse"),
        run.err());
  }
}
