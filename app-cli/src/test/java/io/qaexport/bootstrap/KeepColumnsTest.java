package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --keep-columns}: chosen input fields as typed columns after the fixed ones, in the passed
 * and rejected outputs, the logs, the card and the summaries; bad specs and wrong-typed values end
 * the run with a clear message and nothing written.
 */
class KeepColumnsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String KEEP =
      "question_type,category,confidence:float64,citations:json,persona.situation,"
          + "rel=validation.quality_assessment.relevans:int64,tags:list<string>,"
          + "grounded:bool";

  @TempDir Path dir;

  private static String pair(
      String question, String type, String confidence, String tags, double score) {
    return "{\"question\": "
        + JSON.writeValueAsString(question)
        + ", \"answer\": \"Så gör du.\", \"source_document\": \"a.md\", \"question_type\": "
        + JSON.writeValueAsString(type)
        + ", \"category\": \"hygien\", \"confidence\": "
        + confidence
        + ", \"citations\": [{\"document\": \"a.md\", \"section\": \"Handskar\"}],"
        + " \"tags\": "
        + tags
        + ", \"grounded\": true,"
        + " \"persona\": {\"roll\": \"usk\", \"erfarenhet\": \"ny\", \"situation\": \"natt\"},"
        + " \"validation\": {\"composite_score\": "
        + score
        + ", \"quality_assessment\": {\"relevans\": 4}, \"failure_reason\": \"vag\"}}";
  }

  private Path input(List<String> passed, List<String> rejected) throws IOException {
    Path in = Files.createDirectories(dir.resolve("qa"));
    Files.writeString(
        in.resolve("qa_passed.jsonl"), String.join("\n", passed) + "\n", StandardCharsets.UTF_8);
    Files.writeString(
        in.resolve("qa_rejected.jsonl"),
        String.join("\n", rejected) + "\n",
        StandardCharsets.UTF_8);
    return in;
  }

  private static List<JsonNode> rows(Path file) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }

  private static List<String> names(JsonNode row) {
    List<String> names = new ArrayList<>();
    row.propertyNames().forEach(names::add);
    return names;
  }

  @Test
  void keptColumnsFollowTheFixedOnesInBothOutputsTheLogsTheCardAndTheSummaries()
      throws IOException {
    Path in =
        input(
            List.of(
                pair("Hur ofta byter jag handskar?", "procedur", "0.9", "[\"a\", null]", 0.9),
                pair("Hur ofta byter jag handskar?", "procedur", "1", "[]", 0.8),
                pair("Vad gör jag vid fall?", "situation", "null", "null", 0.3)),
            List.of(pair("Kan jag krossa tabletter?", "procedur", "0.5", "[\"x\"]", 0.2)));
    Path out = dir.resolve("out");

    CliRun run =
        CliRun.of(
            "--input-dir",
            in.toString(),
            "--output-dir",
            out.toString(),
            "--keep-columns",
            KEEP,
            "--keep-columns",
            "never.there:int64",
            "--dedup",
            "exact",
            "--min-score",
            "0.5",
            "--summary-json",
            dir.resolve("summary.json").toString());

    assertEquals(0, run.exitCode(), run.err());
    List<String> kept =
        List.of(
            "question_type",
            "category",
            "confidence",
            "citations",
            "persona_situation",
            "rel",
            "tags",
            "grounded",
            "never_there");
    JsonNode passed = rows(out.resolve("qa_pairs.jsonl")).get(0);
    List<String> fixed = List.of("question", "answer", "source", "persona", "validation_score");
    List<String> expected = new ArrayList<>(fixed);
    expected.addAll(kept);
    assertEquals(expected, names(passed));
    assertEquals("procedur", passed.get("question_type").asString());
    assertEquals(0.9, passed.get("confidence").asDouble());
    assertEquals(
        "[{\"document\": \"a.md\", \"section\": \"Handskar\"}]",
        passed.get("citations").asString());
    assertEquals("natt", passed.get("persona_situation").asString());
    assertEquals(4, passed.get("rel").asLong());
    assertTrue(passed.get("rel").isIntegralNumber());
    assertEquals("[\"a\",null]", passed.get("tags").toString());
    assertTrue(passed.get("grounded").asBoolean());
    assertTrue(passed.get("never_there").isNull());

    List<JsonNode> rejected = rows(out.resolve("qa_rejected_hf.jsonl"));
    List<String> rejectedNames = new ArrayList<>(fixed);
    rejectedNames.add("failure_reason");
    rejectedNames.addAll(kept);
    assertEquals(rejectedNames, names(rejected.get(0)));
    JsonNode moved =
        rejected.stream()
            .filter(row -> row.get("question").asString().equals("Vad gör jag vid fall?"))
            .findFirst()
            .orElseThrow();
    assertEquals("Vad gör jag vid fall?", moved.get("question").asString());
    assertTrue(moved.get("confidence").isNull(), "a pair below the threshold keeps its nulls");
    assertTrue(moved.get("tags").isNull());

    JsonNode duplicate = rows(out.resolve("qa_pairs.jsonl.duplicates.jsonl")).get(0);
    assertEquals(1.0, duplicate.get("confidence").asDouble(), "the log has the kept columns too");
    assertTrue(duplicate.get("confidence").isFloatingPointNumber());
    assertEquals("[]", duplicate.get("tags").toString());

    assertTrue(
        run.err().contains("kept column 'never_there' is null in every row from"), run.err());
    assertTrue(
        (run.out() + run.err()).contains("null in 1 rows: question_type 0, category 0,"),
        run.out() + run.err());

    JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
    JsonNode files = summary.get("files");
    JsonNode passedKept = files.get(0).get("kept_columns");
    assertEquals(
        "validation.quality_assessment.relevans", passedKept.get("rel").get("path").asString());
    assertEquals("int64", passedKept.get("rel").get("type").asString());
    assertEquals(0, passedKept.get("confidence").get("nulls").asLong());
    assertEquals(1, passedKept.get("never_there").get("nulls").asLong());
    assertEquals(2, files.get(1).get("kept_columns").get("confidence").get("nulls").asLong() + 1);

    String card = Files.readString(out.resolve("README.md"), StandardCharsets.UTF_8);
    assertTrue(Pattern.compile("- name: tags\n +list: string\n").matcher(card).find(), card);
    assertTrue(Pattern.compile("- name: rel\n +dtype: int64\n").matcher(card).find(), card);
    assertTrue(Pattern.compile("- name: grounded\n +dtype: bool\n").matcher(card).find(), card);
    assertTrue(
        card.contains(
            "| `citations` | string | kept from the input field `citations`, as its JSON text |"),
        card);
    assertTrue(
        card.contains(
            "| `rel` | int64 | kept from the input field `validation.quality_assessment.relevans` |"),
        card);
  }

  @Test
  void theSplitsCanBeStratifiedByAKeptStringColumn() throws IOException {
    List<String> passed = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      passed.add(
          pair("Fråga nummer " + i + "?", i % 4 == 0 ? "situation" : "procedur", "0.9", "[]", 0.9));
    }
    Path in = input(passed, List.of(pair("Avvisad?", "procedur", "0.5", "[]", 0.2)));
    Path out = dir.resolve("out");

    CliRun run =
        CliRun.of(
            "--input-dir",
            in.toString(),
            "--output-dir",
            out.toString(),
            "--keep-columns",
            "question_type",
            "--split",
            "train=0.5,test=0.5",
            "--stratify",
            "question_type",
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    for (String split : List.of("train", "test")) {
      long situations =
          rows(out.resolve("qa_pairs-" + split + ".jsonl")).stream()
              .filter(row -> row.get("question_type").asString().equals("situation"))
              .count();
      assertEquals(5, situations, split + ": each question type follows the fractions");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a:float|unknown type 'float'; the types are string, float64, int64, bool, list<string>,"
            + " json",
        ":int64|the input field's path is empty",
        "a..b|has an empty key",
        "a,,b|has an empty column spec",
        "=a|the column name before '=' is empty",
        "question=question_type|clashes with the fixed column of that name",
        "line=question_type|clashes with the field of that name in the duplicates and"
            + " decontaminated logs",
        "x=a,x=b|is kept twice under that name",
        "Question=question_type|differs from the fixed column 'question' only in case",
        "x=a,X=b|differs from the kept column 'x' only in case",
        "LINE=question_type|clashes with the field of that name in the duplicates",
        "1x=a|is not a valid column name",
        "a-b|is not a valid column name",
      })
  void badSpecsAreUsageErrorsAndNothingIsWritten(String spec, String message) throws IOException {
    Path in = input(List.of(pair("q?", "t", "0.5", "[]", 0.9)), List.of());
    Path out = dir.resolve("out");

    CliRun run =
        CliRun.of(
            "--input-dir", in.toString(), "--output-dir", out.toString(), "--keep-columns", spec);

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(Files.exists(out));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "confidence|the kept column is float64; stratifying takes a string column",
        "nope|--stratify takes 'persona' or a kept string column (--keep-columns), not 'nope';"
            + " kept: question_type, confidence",
      })
  void stratifyingTakesPersonaOrAKeptStringColumn(String column, String message)
      throws IOException {
    Path in = input(List.of(pair("q?", "t", "0.5", "[]", 0.9)), List.of());

    CliRun run =
        CliRun.of(
            "--input-dir",
            in.toString(),
            "--keep-columns",
            "question_type,confidence:float64",
            "--split",
            "a=0.5,b=0.5",
            "--stratify",
            column);

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(message), run.err());
  }

  @Test
  void aWrongTypedValueIsAnInvalidRecordThatFailsTheRunOrIsSkipped() throws IOException {
    Path in =
        input(
            List.of(
                pair("Första?", "procedur", "0.9", "[]", 0.9),
                pair("Andra?", "procedur", "\"hög\"", "[]", 0.9)),
            List.of());
    Path out = dir.resolve("out");

    CliRun failed =
        CliRun.of(
            "--input-dir",
            in.toString(),
            "--output-dir",
            out.toString(),
            "--keep-columns",
            "confidence:float64");

    assertEquals(1, failed.exitCode(), failed.err());
    assertTrue(
        failed.err().contains(":2:")
            && failed.err().contains("'confidence' must be a number or null, found a string"),
        failed.err());
    assertFalse(Files.exists(out));

    CliRun skipped =
        CliRun.of(
            "--input-dir",
            in.toString(),
            "--output-dir",
            out.toString(),
            "--keep-columns",
            "confidence:float64",
            "--on-error",
            "skip",
            "--quiet");

    assertEquals(0, skipped.exitCode(), skipped.err());
    assertEquals(1, rows(out.resolve("qa_pairs.jsonl")).size());
    Set<String> logged = new HashSet<>();
    rows(out.resolve("qa_pairs.jsonl.errors.jsonl")).forEach(row -> logged.add(row.toString()));
    assertTrue(logged.toString().contains("'confidence' must be a number"), logged.toString());
  }
}
