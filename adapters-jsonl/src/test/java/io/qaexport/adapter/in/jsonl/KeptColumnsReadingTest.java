package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.application.port.out.PairReader;
import io.qaexport.domain.Column;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --keep-columns}: the values at kept paths are read in the same walk as the pair. */
class KeptColumnsReadingTest {
  private static final String LINE =
      "{\"question\": \"Hur ofta?\", \"question_type\": \"procedur\", \"confidence\": 0.9,"
          + " \"count\": 12, \"flag\": false, \"tags\": [\"a\", null, \"\\u00e5\\\"\"],"
          + " \"citations\": [ {\"document\": \"r.md\",  \"s\": 1e3} ],"
          + " \"persona\": {\"roll\": \"usk\", \"situation\": \"natt\\tpass\","
          + " \"erfarenhet\": \"ny\"},"
          + " \"validation\": {\"composite_score\": 0.86, \"quality_assessment\":"
          + " {\"relevans\": 4, \"note\": \"bra\"}, \"failure_reason\": \"vag\"}}";

  @TempDir Path dir;

  private static Column.Kept kept(String spec, KeptType type, int index) {
    String[] nameAndPath = spec.split("=", 2);
    return nameAndPath.length == 2
        ? new Column.Kept(nameAndPath[0], nameAndPath[1], type, index)
        : new Column.Kept(spec.replace('.', '_'), spec, type, index);
  }

  private List<Object> read(String line, boolean bytesThrough, Column.Kept... columns)
      throws IOException {
    Path file = Files.writeString(dir.resolve("in.jsonl"), line + "\n", StandardCharsets.UTF_8);
    RecordShape shape = RecordShape.REJECTED.withKept(List.of(columns));
    var source =
        new JsonlQaPairSource(1 << 20, bytesThrough, JsonlQaPairSource.Parallelism.SEQUENTIAL);
    var recorded = new RecordedLines();
    try (PairReader reader = source.open(file, shape)) {
      recorded.addAll(reader);
    }
    if (!recorded.invalid.isEmpty()) {
      RecordedLines.Invalid invalid = recorded.invalid.get(0);
      return List.of("invalid", invalid.column(), invalid.reason());
    }
    KeptValues values = recorded.pairs.get(0).kept();
    List<Object> plain = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      plain.add(
          value instanceof Utf8Text text
              ? text.toString()
              : value instanceof List<?> items
                  ? items.stream().map(item -> item == null ? null : item.toString()).toList()
                  : value);
    }
    return plain;
  }

  private List<Object> read(String line, Column.Kept... columns) throws IOException {
    List<Object> fast = read(line, true, columns);
    assertEquals(fast, read(line, false, columns), "the bytes-through and reference paths agree");
    return fast;
  }

  @Test
  void everyTypeIsReadFromTopLevelAndNestedFields() throws IOException {
    List<Object> values =
        read(
            LINE,
            kept("question_type", KeptType.STRING, 0),
            kept("confidence", KeptType.FLOAT64, 1),
            kept("count", KeptType.INT64, 2),
            kept("flag", KeptType.BOOL, 3),
            kept("tags", KeptType.STRING_LIST, 4),
            kept("citations", KeptType.JSON, 5),
            kept("persona.situation", KeptType.STRING, 6),
            kept("rel=validation.quality_assessment.relevans", KeptType.INT64, 7),
            kept("validation.quality_assessment", KeptType.JSON, 8));

    assertEquals(
        Arrays.asList(
            "procedur",
            0.9,
            12L,
            false,
            Arrays.asList("a", null, "å\""),
            "[ {\"document\": \"r.md\",  \"s\": 1e3} ]",
            "natt\tpass",
            4L,
            "{\"relevans\": 4, \"note\": \"bra\"}"),
        values);
  }

  @Test
  void theMappedFieldsAreStillReadWhenKeptFieldsAreAmongThem() throws IOException {
    Path file = Files.writeString(dir.resolve("in.jsonl"), LINE + "\n", StandardCharsets.UTF_8);
    RecordShape shape =
        RecordShape.REJECTED.withKept(
            List.of(
                kept("persona.situation", KeptType.STRING, 0),
                kept("v=validation", KeptType.JSON, 1)));
    var recorded = new RecordedLines();
    try (PairReader reader = new JsonlQaPairSource(1 << 20).open(file, shape)) {
      recorded.addAll(reader);
    }

    QaPair pair = recorded.pairs.get(0);
    assertEquals("Hur ofta?", pair.question().toString());
    assertEquals(new Persona.Profile("usk", "ny"), pair.persona());
    assertEquals(0.86, pair.compositeScore());
    assertEquals("vag", pair.failureReason().toString());
    assertEquals("natt\tpass", pair.kept().get(0).toString());
    assertTrue(pair.kept().get(1).toString().startsWith("{\"composite_score\": 0.86,"));
  }

  @Test
  void mappedFieldsCanBeKeptTooAndOneValueCanFeedSeveralColumns() throws IOException {
    assertEquals(
        Arrays.asList(
            "usk",
            0.86,
            "0.86",
            "Hur ofta?",
            "\"Hur ofta?\"",
            "{\"relevans\": 4, \"note\": \"bra\"}",
            "bra"),
        read(
            LINE,
            kept("persona.roll", KeptType.STRING, 0),
            kept("score=validation.composite_score", KeptType.FLOAT64, 1),
            kept("score_text=validation.composite_score", KeptType.JSON, 2),
            kept("q=question", KeptType.STRING, 3),
            kept("q_json=question", KeptType.JSON, 4),
            kept("qa=validation.quality_assessment", KeptType.JSON, 5),
            kept("note=validation.quality_assessment.note", KeptType.STRING, 6)));
  }

  @Test
  void missingAndNullValuesAndPathsThroughNonObjectsAreNull() throws IOException {
    String line =
        "{\"question\": \"q\", \"persona\": \"anhörig\", \"a\": null, \"list\": null,"
            + " \"validation\": null, \"n\": {\"x\": 1}}";
    assertEquals(
        Arrays.asList(null, null, null, null, null, null, null),
        read(
            line,
            kept("persona.situation", KeptType.STRING, 0),
            kept("a", KeptType.INT64, 1),
            kept("list", KeptType.STRING_LIST, 2),
            kept("validation.quality_assessment.relevans", KeptType.FLOAT64, 3),
            kept("absent", KeptType.BOOL, 4),
            kept("aj=a", KeptType.JSON, 5),
            kept("n.y", KeptType.JSON, 6)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"t\": 5}|STRING|7|'t' must be a string or null, found a number",
        "{\"t\": \"5\"}|FLOAT64|7|'t' must be a number or null, found a string",
        "{\"t\": 1.5}|INT64|7|'t' must be an integer or null, found a number with a fraction or"
            + " an exponent",
        "{\"t\": 1e2}|INT64|7|'t' must be an integer or null, found a number with a fraction or"
            + " an exponent",
        "{\"t\": 9223372036854775808}|INT64|7|'t' is 9223372036854775808, outside the int64"
            + " range",
        "{\"t\": \"true\"}|BOOL|7|'t' must be true, false or null, found a string",
        "{\"t\": \"a\"}|STRING_LIST|7|'t' must be an array of strings or null, found a string",
        "{\"t\": [\"a\", 1]}|STRING_LIST|13|'t' must be an array of strings, found a number in it",
        "{\"t\": NaN}|FLOAT64|7|'t' is NaN; a float64 must be finite",
        "{\"t\": 1e999}|FLOAT64|7|'t' is 1e999; a float64 must be finite",
        "{\"t\": 123456789012345678901234567890123456789012}|INT64|7|'t' is"
            + " 123456789012345678901234... (42 characters), outside the int64 range",
        "{\"t\": 1, \"t\": 2}|INT64|15|duplicate key 't': which of its values is meant is"
            + " ambiguous",
      })
  void wrongTypesAreInvalidRecordsWithThePathAndColumn(
      String line, KeptType type, int column, String reason) throws IOException {
    List<Object> outcome = read(line, kept("t", type, 0));

    assertEquals("invalid", outcome.get(0));
    assertEquals(column, outcome.get(1), line);
    assertTrue(((String) outcome.get(2)).startsWith(reason), outcome.get(2) + " / " + reason);
  }

  @Test
  void aKeptMappedFieldOfTheWrongTypeNamesItsPath() throws IOException {
    List<Object> outcome =
        read(
            "{\"persona\": {\"roll\": \"usk\"}, \"validation\": {\"composite_score\": 0.5}}",
            kept("persona.roll", KeptType.INT64, 0));

    assertEquals("invalid", outcome.get(0));
    assertEquals(22, outcome.get(1));
    assertTrue(((String) outcome.get(2)).startsWith("'persona.roll' must be an integer"));
  }

  @Test
  void aDuplicateObjectOnAKeptPathIsAmbiguous() throws IOException {
    List<Object> outcome =
        read("{\"m\": {\"x\": 1}, \"m\": {\"x\": 2}}", kept("m.x", KeptType.INT64, 0));

    assertEquals(
        List.of("invalid", 22, "duplicate key 'm': which of its values is meant is ambiguous"),
        outcome);
  }

  @Test
  void withoutKeptColumnsPairsHaveNoKeptValues() throws IOException {
    assertEquals(List.of(), read(LINE));
  }
}
