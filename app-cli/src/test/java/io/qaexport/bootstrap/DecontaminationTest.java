package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --decontaminate}: passed pairs whose question matches an evaluation set or an earlier
 * release are left out of every split, logged with the reference and its line, counted in the
 * summary, its JSON and the card; bad references end the run before anything is written.
 */
class DecontaminationTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  private static String pair(String question, double score) {
    return "{\"question\": "
        + JSON.writeValueAsString(question)
        + ", \"answer\": \"Så gör du.\", \"source_document\": \"a.md\", \"persona\": \"p\","
        + " \"validation\": {\"composite_score\": "
        + score
        + "}}";
  }

  /** A run on the passed pairs in {@code qa/} into {@code out}, with {@code more} arguments. */
  private CliRun exportTo(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("--input-dir", dir.resolve("qa").toString()));
    args.addAll(List.of("--output-dir", out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private Path write(String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void thePassedFileItselfAsTheReferenceIsAUsageError() throws IOException {
    Path passed = passed();
    Path out = dir.resolve("out");

    CliRun run =
        exportTo(out, "--decontaminate", dir.resolve("qa/../qa/qa_passed.jsonl").toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("is the passed file itself"), run.err());
    assertFalse(Files.exists(out));
    assertTrue(Files.exists(passed));
  }

  /** The passed pairs: line 1 kept, 2–6 each match the reference in another way, 7 is close. */
  private Path passed() throws IOException {
    return write(
        "qa/qa_passed.jsonl",
        List.of(
            pair("Hur ofta ska jag byta handskar?", 0.9),
            pair("Vad gör jag om vårdtagaren har ramlat?", 0.8),
            pair("  VAD gör jag om vårdtagaren har ramlat!! [source:rutiner/fall.md#x] ", 0.8),
            pair("Vad gör jag om vårdtagaren har ramlat?", 0.7),
            pair("Vad gör jag om vårdtagaren ramlat?", 0.8),
            pair("När ska jag tvätta händerna?", 0.6),
            pair("Hur förvarar jag läkemedel hos vårdtagaren?", 0.9)));
  }

  private static List<String> evaluationQuestions() {
    return List.of(
        "Vad gör jag om vårdtagaren har ramlat?",
        // NFD: the same text, decomposed; equal once normalised (NFC).
        Normalizer.normalize("När ska jag tvätta händerna?", Normalizer.Form.NFD),
        "Hur förvarar jag livsmedel hos vårdtagaren?");
  }

  private List<JsonNode> rows(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void exactNormalisedAndNearMatchesAreLeftOutAndLoggedWithTheReferenceLine() throws Exception {
    passed();
    List<String> evaluation = new ArrayList<>();
    evaluation.add(pair("Något helt annat?", 1.0));
    for (String question : evaluationQuestions()) {
      evaluation.add(
          "{\"question\": "
              + JSON.writeValueAsString(question)
              + ", \"answers\": [\"x\"], \"id\": 7}");
    }
    Path reference = write("eval/eval.jsonl", evaluation);
    Path out = dir.resolve("out");
    Path summaryJson = dir.resolve("summary.json");

    CliRun run =
        exportTo(
            out, "--decontaminate", reference.toString(), "--summary-json", summaryJson.toString());

    assertEquals(0, run.exitCode(), run.err());
    List<String> kept =
        rows(out.resolve("qa_pairs.jsonl")).stream()
            .map(row -> row.get("question").asString())
            .toList();
    assertEquals(
        List.of("Hur ofta ska jag byta handskar?", "Hur förvarar jag läkemedel hos vårdtagaren?"),
        kept,
        "läkemedel/livsmedel stays: below the threshold");
    List<JsonNode> log = rows(out.resolve("qa_pairs.jsonl.decontaminated.jsonl"));
    assertEquals(
        List.of(2L, 3L, 4L, 5L, 6L), log.stream().map(row -> row.get("line").asLong()).toList());
    assertEquals(
        List.of(2L, 2L, 2L, 2L, 3L),
        log.stream().map(row -> row.get("reference_line").asLong()).toList());
    assertEquals(reference.toString(), log.get(0).get("reference").asString());
    assertEquals(1.0, log.get(1).get("similarity").asDouble(), "normalised-equal");
    double near = log.get(3).get("similarity").asDouble();
    assertTrue(near >= 0.8 && near < 1.0, "a near match: " + near);
    assertEquals("Vad gör jag om vårdtagaren ramlat?", log.get(3).get("question").asString());
    assertEquals(
        List.of(
            "line",
            "reference",
            "reference_line",
            "reference_question",
            "similarity",
            "question",
            "answer",
            "source",
            "persona",
            "validation_score"),
        iterable(log.get(0)));

    JsonNode summary = JSON.readTree(summaryJson.toFile());
    assertEquals(5, summary.get("decontaminated").asLong());
    JsonNode file = summary.get("files").get(0);
    assertEquals(5, file.get("decontaminated").asLong());
    assertEquals(7, file.get("lines_read").asLong());
    assertEquals(2, file.get("kept").asLong());
    assertTrue(
        file.get("decontaminated_file").asString().endsWith("qa_pairs.jsonl.decontaminated.jsonl"));
    JsonNode references = summary.get("references");
    assertEquals(1, references.size());
    assertEquals(sha256(reference), references.get(0).get("sha256").asString());
    assertEquals(4, references.get(0).get("questions").asLong());
    assertTrue(
        run.err()
            .contains(
                "lines read 7 = 2 kept + 0 below threshold + 5 decontaminated"
                    + " + 0 duplicates + 0 skipped + 0 blank"),
        run.err());

    String card = Files.readString(out.resolve("README.md"));
    assertTrue(
        card.contains(
            "5 pairs were left out because their question matches a question"
                + " of a reference set"),
        card);
    assertTrue(
        card.contains("- `eval.jsonl` (4 questions), sha256 `" + sha256(reference) + "`"), card);
    assertFalse(card.contains(dir.toString()), "no local path in the card");
  }

  @Test
  void aReferenceReadOnceFromAFifoOrNamedTwiceCountsOnceAndAnEmptyQuestionMatchesNothing()
      throws Exception {
    write(
        "qa/qa_passed.jsonl",
        List.of(
            pair("Vad gör jag om vårdtagaren har ramlat?", 0.9),
            "{\"answer\": \"Utan fråga.\", \"validation\": {\"composite_score\": 0.9}}",
            pair("Hur ofta ska jag byta handskar?", 0.9)));
    // A FIFO can be opened for reading once, and has no extension to tell its kind: a pipe such
    // as <(zcat eval.txt.gz) is the same.
    Path fifo = dir.resolve("eval-fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    byte[] questions =
        "\uFEFF...\nVad gör jag om vårdtagaren har ramlat?\n".getBytes(StandardCharsets.UTF_8);
    Thread writer =
        new Thread(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(questions);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    writer.start();
    Files.createSymbolicLink(dir.resolve("link-to-fifo"), fifo);
    Path out = dir.resolve("out");
    Path summaryJson = dir.resolve("summary.json");

    CliRun run =
        exportTo(
            out,
            "--decontaminate",
            fifo.toString(),
            "--decontaminate",
            dir.resolve("link-to-fifo").toString(),
            "--decontaminate",
            write("one.txt", List.of("Något helt annat om trädgården?")).toString(),
            "--summary-json",
            summaryJson.toString());
    writer.join(10_000);

    assertEquals(0, run.exitCode(), run.err());
    List<String> kept =
        rows(out.resolve("qa_pairs.jsonl")).stream()
            .map(row -> row.get("question").asString())
            .toList();
    assertEquals(List.of("", "Hur ofta ska jag byta handskar?"), kept, "'...' is no question");
    JsonNode references = JSON.readTree(summaryJson.toFile()).get("references");
    assertEquals(2, references.size(), "the same file named twice is read once");
    assertEquals(2, references.get(0).get("questions").asLong(), "questions read, '...' too");
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(questions));
    assertEquals(hash, references.get(0).get("sha256").asString(), "of the bytes read");
    String card = Files.readString(out.resolve("README.md"));
    assertTrue(card.contains("- `eval-fifo` (2 questions), sha256 `" + hash + "`"), card);
    assertTrue(card.contains("- `one.txt` (1 question), sha256 `"), card);
  }

  /**
   * A text reference's lines end as {@code BufferedReader} ends them (LF, CRLF, a lone CR, the last
   * without one), and one longer than {@code --max-line-bytes} is refused with its line number
   * rather than read whole: a file without line ends cannot fill the memory.
   */
  @Test
  void textReferenceLinesEndAtAnyLineEndAndKeepTheLineLimit() throws Exception {
    passed();
    Path mixed = dir.resolve("e/mixed.txt");
    Files.createDirectories(mixed.getParent());
    String exactly400 = "Q" + "x".repeat(398) + "?";
    Files.writeString(
        mixed,
        "Fråga ett?\rFråga två?\r\nVad gör jag om vårdtagaren har ramlat?\n\n"
            + exactly400
            + "\r\n\rsista",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    Path summaryJson = dir.resolve("summary.json");
    CliRun run =
        exportTo(
            out,
            "--max-line-bytes",
            "400",
            "--decontaminate",
            mixed.toString(),
            "--summary-json",
            summaryJson.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode reference = JSON.readTree(summaryJson.toFile()).get("references").get(0);
    assertEquals(5, reference.get("questions").asLong(), "two blank lines are no questions");
    assertFalse(
        rows(out.resolve("qa_pairs.jsonl")).stream()
            .anyMatch(
                row ->
                    row.get("question")
                        .asString()
                        .equals("Vad gör jag om vårdtagaren har ramlat?")),
        "the question after a CRLF is read whole");

    Path tooLong = write("e/long.txt", List.of("Kort fråga?", "x".repeat(401), "Sista?"));
    Path refused = dir.resolve("refused");
    CliRun longLine =
        exportTo(refused, "--max-line-bytes", "400", "--decontaminate", tooLong.toString());
    assertEquals(2, longLine.exitCode(), longLine.err());
    assertTrue(
        longLine
            .err()
            .contains(
                "long.txt:2: line is longer than the limit of 400 bytes (raise it with"
                    + " --max-line-bytes)"),
        longLine.err());
    assertFalse(Files.exists(refused), "nothing written");
  }

  private Path gzipped(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("Vad gör jag om vårdtagaren har ramlat?\n".getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  @Test
  void textCompressedJsonlAndAnEarlierExportDirectoryAreReferencesToo() throws Exception {
    passed();
    Path text =
        write(
            "eval/questions.txt",
            List.of("\uFEFFVad gör jag om vårdtagaren har" + " ramlat?", "", "Något annat?"));
    Path gz = dir.resolve("eval/eval.jsonl.gz");
    try (OutputStream zipped = new GZIPOutputStream(Files.newOutputStream(gz))) {
      zipped.write(
          (pair("När ska jag tvätta händerna?", 0.5) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    // An earlier release: an export with splits, read through its data files.
    Path release = dir.resolve("release");
    write(
        "old/qa_passed.jsonl",
        List.of(
            pair("Hur ofta ska jag byta handskar?", 0.9),
            pair("Vad ska jag tänka på vid dusch?", 0.9),
            pair("Vem rapporterar jag till?", 0.9)));
    CliRun earlier =
        CliRun.of(
            "--passed",
            dir.resolve("old/qa_passed.jsonl").toString(),
            "--output-dir",
            release.toString(),
            "--split",
            "train=0.5,test=0.5",
            "--quiet");
    assertEquals(0, earlier.exitCode(), earlier.err());

    CliRun run =
        exportTo(
            dir.resolve("out"),
            "--decontaminate",
            text.toString(),
            "--decontaminate",
            gz.toString(),
            "--decontaminate",
            release.toString(),
            "--split",
            "train=0.5,test=0.5",
            "--dedup",
            "near",
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    List<String> kept = new ArrayList<>();
    for (Path split :
        List.of(dir.resolve("out/qa_pairs-train.jsonl"), dir.resolve("out/qa_pairs-test.jsonl"))) {
      if (Files.exists(split)) {
        rows(split).forEach(row -> kept.add(row.get("question").asString()));
      }
    }
    assertEquals(List.of("Hur förvarar jag läkemedel hos vårdtagaren?"), kept);
    List<JsonNode> log = rows(dir.resolve("out/qa_pairs.jsonl.decontaminated.jsonl"));
    assertEquals(text.toString(), log.get(1).get("reference").asString());
    assertEquals(1, log.get(1).get("reference_line").asLong(), "line of the text file");
    assertTrue(
        log.get(0).get("reference").asString().startsWith(release.toString()),
        "the earlier release's data file: " + log.get(0));
  }

  /**
   * A reference written by pyarrow: {@code src/test/resources/decontaminate/make_references.py}.
   */
  private static Path resource(String name) throws URISyntaxException {
    return Path.of(DecontaminationTest.class.getResource("/decontaminate/" + name).toURI());
  }

  private static Path cutShort(Path file, Path cut) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.createDirectories(cut.getParent());
    return Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
  }

  @Test
  void aParquetReferenceIsReadRowByRowAndItsRowsAreTheReferenceLines() throws Exception {
    passed();
    // The evaluation questions of the JSON Lines test, in the same rows, over two row groups.
    Path reference =
        Files.copy(
            resource("eval.parquet"),
            Files.createDirectories(dir.resolve("eval")).resolve("eval.parquet"));
    Path out = dir.resolve("out");

    CliRun run = exportTo(out, "--decontaminate", reference.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of("Hur ofta ska jag byta handskar?", "Hur förvarar jag läkemedel hos vårdtagaren?"),
        rows(out.resolve("qa_pairs.jsonl")).stream()
            .map(row -> row.get("question").asString())
            .toList());
    List<JsonNode> log = rows(out.resolve("qa_pairs.jsonl.decontaminated.jsonl"));
    assertEquals(
        List.of(2L, 3L, 4L, 5L, 6L), log.stream().map(row -> row.get("line").asLong()).toList());
    assertEquals(
        List.of(2L, 2L, 2L, 2L, 3L),
        log.stream().map(row -> row.get("reference_line").asLong()).toList(),
        "row numbers, from 1; row 3 is the second row group's first");
    assertEquals(reference.toString(), log.get(0).get("reference").asString());
    assertEquals(evaluationQuestions().get(1), log.get(4).get("reference_question").asString());
    String card = Files.readString(out.resolve("README.md"));
    assertTrue(
        card.contains("- `eval.parquet` (4 questions), sha256 `" + sha256(reference) + "`"), card);
  }

  @Test
  void anEarlierParquetExportWithSplitsAndShardsIsAReferenceThroughEveryDataFile()
      throws Exception {
    List<String> released = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      released.add(
          "{\"question\": \"Fråga nummer "
              + i
              + " om handhygien?\", \"answer\": \""
              + "Svar ".repeat(40)
              + "\", \"validation\": {\"composite_score\": 0.9}}");
    }
    write("old/qa_passed.jsonl", released);
    Path release = dir.resolve("release");
    CliRun earlier =
        CliRun.of(
            "--input-dir",
            dir.resolve("old").toString(),
            "--output-dir",
            release.toString(),
            "--format",
            "parquet",
            "--split",
            "train=0.5,test=0.5",
            "--max-shard-size",
            "20KB",
            "--quiet");
    assertEquals(0, earlier.exitCode(), earlier.err());
    List<String> dataFiles;
    try (var names = Files.list(release)) {
      dataFiles =
          names
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".parquet"))
              .sorted()
              .toList();
    }
    assertTrue(
        dataFiles.stream().filter(name -> name.contains("-of-")).count() >= 4,
        "shards of both splits: " + dataFiles);
    write(
        "qa/qa_passed.jsonl",
        List.of(
            pair("Hur förvarar jag läkemedel hos vårdtagaren?", 0.9),
            pair("Fråga nummer 17 om handhygien?", 0.9),
            pair("FRÅGA NUMMER 250 OM HANDHYGIEN!!", 0.9),
            pair("Vem rapporterar jag till?", 0.9)));
    Path summaryJson = dir.resolve("summary.json");

    CliRun run =
        exportTo(
            dir.resolve("out"),
            "--decontaminate",
            release.toString(),
            "--summary-json",
            summaryJson.toString(),
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of("Hur förvarar jag läkemedel hos vårdtagaren?", "Vem rapporterar jag till?"),
        rows(dir.resolve("out/qa_pairs.jsonl")).stream()
            .map(row -> row.get("question").asString())
            .toList());
    JsonNode references = JSON.readTree(summaryJson.toFile()).get("references");
    List<String> read = new ArrayList<>();
    long questions = 0;
    for (JsonNode reference : references) {
      read.add(Path.of(reference.get("path").asString()).getFileName().toString());
      questions += reference.get("questions").asLong();
    }
    assertEquals(dataFiles, read, "every split and shard, in name order");
    assertEquals(300, questions, "every row of every data file");
    List<JsonNode> log = rows(dir.resolve("out/qa_pairs.jsonl.decontaminated.jsonl"));
    assertEquals(
        List.of("Fråga nummer 17 om handhygien?", "Fråga nummer 250 om handhygien?"),
        log.stream().map(row -> row.get("reference_question").asString()).toList());
    for (JsonNode entry : log) {
      Path file = Path.of(entry.get("reference").asString());
      assertEquals(release, file.getParent());
      long rowsInFile = 0;
      for (JsonNode reference : references) {
        if (reference.get("path").asString().equals(file.toString())) {
          rowsInFile = reference.get("questions").asLong();
        }
      }
      long line = entry.get("reference_line").asLong();
      assertTrue(line >= 1 && line <= rowsInFile, entry + " in a file of " + rowsInFile);
      assertEquals(1.0, entry.get("similarity").asDouble());
    }
  }

  @Test
  void aTextReferenceLoadsNoParquetClassAndAParquetOneReadsWithoutHadoop() throws Exception {
    passed();
    Path text = write("eval/questions.txt", List.of("Vad gör jag om vårdtagaren har ramlat?"));

    List<String> forText =
        CliRun.classesLoadedBy(
            dir.resolve("text.log"),
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out-text").toString(),
            "--decontaminate",
            text.toString(),
            "--quiet");
    List<String> forParquet =
        CliRun.classesLoadedBy(
            dir.resolve("parquet.log"),
            "--input-dir",
            dir.resolve("qa").toString(),
            "--output-dir",
            dir.resolve("out-parquet").toString(),
            "--decontaminate",
            resource("eval.parquet").toString(),
            "--quiet");

    // The Dagger factories load in every run; the reader, and parquet-java, only for Parquet.
    List<String> parquetInTextRun =
        forText.stream()
            .filter(
                line ->
                    line.contains("org.apache.parquet") || line.contains("ParquetQuestionReader"))
            .toList();
    assertEquals(List.of(), parquetInTextRun);
    assertTrue(forParquet.stream().anyMatch(line -> line.contains("ParquetQuestionReader")));
    assertTrue(
        forParquet.stream().anyMatch(line -> line.contains("org.apache.parquet.column")),
        "the check would notice Parquet classes if they were loaded");
    assertTrue(forParquet.stream().noneMatch(line -> line.contains("org.apache.hadoop")));
  }

  @Test
  void badReferencesEndTheRunBeforeAnythingIsWritten() throws Exception {
    passed();
    Path out = dir.resolve("out");
    List<String[]> cases =
        List.of(
            new String[] {dir.resolve("missing.jsonl").toString(), "no such file or directory"},
            new String[] {write("e/empty.jsonl", List.of("")).toString(), "holds no questions"},
            new String[] {
              write("e/punctuation.txt", List.of("...", "[source:a.md]")).toString(),
              "punctuation.txt holds no questions (all its 2 are punctuation or a source tag alone)"
            },
            new String[] {
              write("e/typed.jsonl", List.of(pair("Ok?", 1), "{\"question\": 5}")).toString(),
              "typed.jsonl:2"
            },
            new String[] {
              write("e/noq.jsonl", List.of("{\"id\": 1}")).toString(),
              "noq.jsonl:1: the record has no question string"
            },
            new String[] {
              Files.createDirectories(dir.resolve("e/notanexport")).toString(),
              "without a qa-export export"
            },
            new String[] {
              write("e/fake.parquet", List.of(pair("Ok?", 1))).toString(),
              "fake.parquet: not a Parquet file (it does not start with PAR1)"
            },
            new String[] {
              cutShort(resource("eval.parquet"), dir.resolve("e/cut.parquet")).toString(),
              "cut.parquet: not a whole Parquet file (it does not end with PAR1: cut short?)"
            },
            new String[] {
              resource("no_question.parquet").toString(),
              "no_question.parquet: no question column; its columns: [id, text]"
            },
            new String[] {
              resource("list_question.parquet").toString(),
              "list_question.parquet: the question column holds list, not strings"
            },
            new String[] {gzipped("e/gz.txt").toString(), "gz.txt is compressed text"},
            new String[] {gzipped("e/q.txt.gz").toString(), "q.txt.gz is compressed text"},
            new String[] {
              resource("corrupt_page.parquet").toString(),
              "corrupt_page.parquet: corrupt Parquet data in row group 1: its bytes do not decode"
                  + " (NullPointerException in parquet-java)"
            },
            new String[] {
              resource("null_question.parquet").toString(),
              "null_question.parquet: row 2: the record has no question string"
            });
    for (String[] bad : cases) {
      CliRun run = exportTo(out, "--decontaminate", bad[0]);
      assertEquals(2, run.exitCode(), bad[0] + ": " + run.err());
      assertTrue(run.err().contains(bad[1]), run.err());
      assertFalse(Files.exists(out), "nothing written");
    }
    CliRun threshold =
        CliRun.of("--input-dir", dir.resolve("qa").toString(), "--decontaminate-threshold", "0.5");
    assertEquals(2, threshold.exitCode());
    assertTrue(
        threshold
            .err()
            .contains("--decontaminate-threshold applies with --decontaminate" + " only"),
        threshold.err());
  }
}
