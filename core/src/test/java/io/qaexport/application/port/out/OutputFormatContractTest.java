package io.qaexport.application.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import io.qaexport.domain.card.Feature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link OutputFormat} promises, built in or plugin. A format's test extends this class,
 * supplies the format and reads a written file back as rows; the cases here then hold for it. Rows
 * are column name to value in file order: text as {@code String}, numbers as {@code Double}, nested
 * values as {@code List} and {@code Map}.
 */
public abstract class OutputFormatContractTest {
  /** What the CLI accepts in a plugin's name and extension: they become file names. */
  private static final Pattern FILE_NAME_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** Text that breaks naive writers: emoji sequences, combining marks, line separators, escapes. */
  private static final List<HfRecord> TRICKY =
      List.of(
          new HfRecord(
              "Får jag krossa tabletter? 😀👩‍⚕️🇸🇪",
              "Nej. e\u0301 \u2028 \u2029 slut",
              "rutiner/läkemedel.md",
              "underskoterska/nyanstald",
              0.31,
              "Svaret stöds inte av källan"),
          new HfRecord(
              "tab\there\nny rad\r\n",
              "\u0001\u001f \u007f \uFEFF",
              "a.md",
              "anhörig",
              1.0,
              "för vagt"),
          new HfRecord(
              "\"citat\" C:\\väg\\ \\u00e5 / <b>&",
              "'enkla' \"dubbla\" \\\\",
              "b.md",
              "unknown",
              0.1 + 0.2,
              "\"\\"),
          new HfRecord("", "", "", "unknown", 0.0, ""));

  @TempDir protected Path dir;

  /** The format under test, as the export gets it: defaults, no options. */
  protected abstract OutputFormat format();

  /** Every row of {@code file}, in file order. */
  protected abstract List<Map<String, Object>> rows(Path file) throws IOException;

  /** The row {@code record} must come back as; by default its values in the shape's columns. */
  protected Map<String, Object> expectedRow(RecordShape shape, HfRecord record) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Column column : shape.columns()) {
      if (column instanceof Column.Text text) {
        row.put(text.name(), text.of(record));
      } else if (column instanceof Column.Float64 number) {
        row.put(number.name(), number.of(record));
      } else if (column instanceof Column.Kept kept) {
        row.put(kept.name(), plainValue(kept.of(record)));
      }
    }
    return row;
  }

  /** A kept value as rows hold it: text as {@code String}, lists as {@code List}, else as is. */
  protected static Object plainValue(Object kept) {
    if (kept instanceof Utf8Text text) {
      return text.toString();
    }
    if (kept instanceof List<?> items) {
      return items.stream().map(item -> item == null ? null : item.toString()).toList();
    }
    return kept;
  }

  /** The exported shapes the format refuses; it takes all others. */
  protected Set<RecordShape> refusedShapes() {
    return Set.of();
  }

  /** Options the format takes, if it takes any. */
  protected Map<String, String> validOptions() {
    return Map.of();
  }

  /** Option values the format must refuse, one map per case. */
  protected List<Map<String, String>> invalidOptions() {
    return List.of();
  }

  @Test
  void itsNameAndExtensionCanBePartsOfAFileName() {
    OutputFormat format = format();
    for (String part : List.of(format.name(), format.fileExtension())) {
      assertTrue(FILE_NAME_PART.matcher(part).matches() && !part.contains(".."), part);
    }
    assertFalse(format.description().isBlank());
    assertFalse(format.hfBuilderName().isBlank());
  }

  @Test
  void noRecordsGiveAValidFileWithNoRows() throws IOException {
    for (RecordShape shape : takenShapes()) {
      Path file = write(shape, List.of());

      assertEquals(List.of(), rows(file), shape.name());
    }
  }

  @Test
  void recordsComeBackInOrderWithEveryValueExact() throws IOException {
    for (RecordShape shape : takenShapes()) {
      List<HfRecord> records = recordsOf(shape);

      Path file = write(shape, records);

      assertRows(shape, records, rows(file));
    }
  }

  @Test
  void theFileIsTheOnlyThingItWrites() throws IOException {
    Path file = write(takenShapes().get(0), recordsOf(takenShapes().get(0)));

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aNewColumnInTheShapeIsWrittenToo() throws IOException {
    assumeTrue(format().writesShapeColumns(), "this format has its own layout");
    List<Column> columns = new ArrayList<>(RecordShape.PASSED.columns());
    columns.add(new Column.Text("question_again", "the question once more", HfRecord::question));
    columns.add(
        new Column.Float64(
            "score_squared",
            "the score squared",
            record -> record.validationScore() * record.validationScore()));
    RecordShape extended = new RecordShape("extended", columns);
    List<HfRecord> records = recordsOf(RecordShape.PASSED);

    Path file = write(extended, records);

    List<Map<String, Object>> rows = rows(file);
    assertRows(extended, records, rows);
    assertEquals(records.get(0).question(), rows.get(0).get("question_again"));
  }

  /** One kept column of each type; the last one's path is never present, so always null. */
  private static final List<Column.Kept> KEPT =
      List.of(
          new Column.Kept("question_type", "question_type", KeptType.STRING, 0),
          new Column.Kept("confidence", "confidence", KeptType.FLOAT64, 1),
          new Column.Kept("relevans", "validation.q.relevans", KeptType.INT64, 2),
          new Column.Kept("grounded", "validation.grounded", KeptType.BOOL, 3),
          new Column.Kept("claims", "claims", KeptType.STRING_LIST, 4),
          new Column.Kept("citations", "citations", KeptType.JSON, 5),
          new Column.Kept("never_there", "never.there", KeptType.INT64, 6));

  /** Kept values per TRICKY record: every type, nulls, extremes and tricky text. */
  private static KeptValues keptValues(int record) {
    return switch (record % 4) {
      case 0 ->
          KeptValues.of(
              Utf8Text.of("procedur 😀"),
              0.1 + 0.2,
              Long.MAX_VALUE,
              true,
              List.of(Utf8Text.of("a\"\\b"), Utf8Text.of("ny\nrad")),
              Utf8Text.of("[{\"document\": \"rutiner/hygien.md\"}]"),
              null);
      case 1 -> KeptValues.of(null, null, null, null, null, null, null);
      case 2 ->
          KeptValues.of(
              Utf8Text.of(""),
              -1.5e-300,
              Long.MIN_VALUE,
              false,
              Arrays.asList(null, Utf8Text.of("")),
              Utf8Text.of("\"text\""),
              null);
      default ->
          KeptValues.of(
              Utf8Text.of("\u2028 \t"), 0.0, 0L, true, List.of(), Utf8Text.of("{}"), null);
    };
  }

  @Test
  void keptColumnsOfEveryTypeAreWrittenAfterTheFixedOnesWithNullsAsNulls() throws IOException {
    for (RecordShape fixed : takenShapes()) {
      RecordShape shape = fixed.withKept(KEPT);
      assumeTrue(format().refusal(shape).isEmpty(), "this format refuses these kept columns");
      List<HfRecord> fixedRecords = recordsOf(fixed);
      List<HfRecord> records = new ArrayList<>();
      for (int i = 0; i < fixedRecords.size(); i++) {
        HfRecord r = fixedRecords.get(i);
        records.add(
            new HfRecord(
                r.questionText(),
                r.answerText(),
                r.sourceText(),
                r.personaText(),
                r.validationScore(),
                r.failureReasonText(),
                keptValues(i)));
      }

      Path file = write(shape, records);

      List<Map<String, Object>> rows = rows(file);
      assertEquals(records.size(), rows.size(), shape.name());
      for (int i = 0; i < records.size(); i++) {
        Map<String, Object> row = rows.get(i);
        for (Column.Kept kept : KEPT) {
          assertTrue(row.containsKey(kept.name()), shape.name() + " row " + i + ": " + kept.name());
          Object value = row.get(kept.name());
          assertEquals(
              plainValue(kept.of(records.get(i))),
              value instanceof Integer small ? Long.valueOf(small) : value,
              shape.name() + " row " + i + ": " + kept.name());
        }
        List<String> names = List.copyOf(row.keySet());
        assertEquals(
            KEPT.stream().map(Column::name).toList(),
            names.subList(names.size() - KEPT.size(), names.size()),
            "kept columns come last, in order");
      }
      List<Feature> features = format().features(shape).orElseThrow();
      assertEquals(
          Feature.of(shape)
              .subList(Feature.of(shape).size() - KEPT.size(), Feature.of(shape).size()),
          features.subList(features.size() - KEPT.size(), features.size()),
          "the card declares the kept columns as the shape does");
    }
  }

  @Test
  void theCardCanDeclareTheFeaturesOfEveryShapeItTakesAndTheRowsHaveExactlyThose()
      throws IOException {
    for (RecordShape shape : takenShapes()) {
      List<Feature> features =
          format()
              .features(shape)
              .orElseThrow(
                  () -> new AssertionError("no features for " + shape + ": no dataset card"));
      if (format().writesShapeColumns()) {
        assertEquals(Feature.of(shape), features, shape.name());
      }
      Path file = write(shape, recordsOf(shape));
      assertEquals(
          features.stream().map(Feature::name).collect(Collectors.toSet()),
          rows(file).get(0).keySet(),
          shape.name());
    }
  }

  @Test
  void theRefusedShapesAreRefusedWithAReason() {
    OutputFormat format = format();
    for (RecordShape shape : RecordShape.exported()) {
      var refusal = format.refusal(shape);
      assertEquals(refusedShapes().contains(shape), refusal.isPresent(), shape.name());
      refusal.ifPresent(reason -> assertFalse(reason.isBlank(), shape.name()));
    }
    assertFalse(takenShapes().isEmpty(), "a format takes at least one shape");
  }

  @Test
  void validOptionsGiveTheSameFormatThatStillWrites() throws IOException {
    assumeFalse(format().optionNames().isEmpty(), "this format takes no options");
    assertFalse(validOptions().isEmpty(), "the test names options the format takes");
    assertTrue(format().optionNames().containsAll(validOptions().keySet()));
    OutputFormat configured = format().withOptions(validOptions());
    assertEquals(format().name(), configured.name());
    assertEquals(format().fileExtension(), configured.fileExtension());
    RecordShape shape = takenShapes().get(0);
    List<HfRecord> records = recordsOf(shape);

    Path file = write(configured, shape, records);

    assertEquals(records.size(), rows(file).size());
  }

  @Test
  void invalidOptionValuesAreRefusedWithIllegalArgumentException() {
    assumeFalse(format().optionNames().isEmpty(), "this format takes no options");
    assertFalse(invalidOptions().isEmpty(), "the test names values the format refuses");
    for (Map<String, String> options : invalidOptions()) {
      assertTrue(format().optionNames().containsAll(options.keySet()), options.toString());
      assertThrows(
          IllegalArgumentException.class, () -> format().withOptions(options), options.toString());
    }
  }

  /**
   * The lines of a UTF-8 text file whose every line ends in {@code \n}, for line-based formats;
   * fails on invalid UTF-8 or a last line without its newline.
   */
  protected static List<String> lines(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return List.of();
    }
    if (!text.endsWith("\n")) {
      fail("the last line of " + file + " has no newline");
    }
    return List.of(text.substring(0, text.length() - 1).split("\n", -1));
  }

  private void assertRows(
      RecordShape shape, List<HfRecord> records, List<Map<String, Object>> rows) {
    assertEquals(records.size(), rows.size(), shape.name());
    for (int i = 0; i < records.size(); i++) {
      Map<String, Object> expected = expectedRow(shape, records.get(i));
      assertEquals(expected, rows.get(i), shape.name() + " row " + i);
      assertEquals(
          List.copyOf(expected.keySet()),
          List.copyOf(rows.get(i).keySet()),
          shape.name() + " row " + i + ": column order");
    }
  }

  private List<RecordShape> takenShapes() {
    return RecordShape.exported().stream()
        .filter(shape -> format().refusal(shape).isEmpty())
        .toList();
  }

  private static List<HfRecord> recordsOf(RecordShape shape) {
    return TRICKY.stream()
        .map(
            r ->
                new HfRecord(
                    r.question(),
                    r.answer(),
                    r.source(),
                    r.persona(),
                    r.validationScore(),
                    shape.hasFailureReason() ? r.failureReason() : null))
        .toList();
  }

  private Path write(RecordShape shape, List<HfRecord> records) throws IOException {
    return write(format(), shape, records);
  }

  private Path write(OutputFormat format, RecordShape shape, List<HfRecord> records)
      throws IOException {
    Path file = dir.resolve(shape.name() + "." + format.fileExtension());
    try (RecordWriter writer = format.open(file, shape)) {
      for (HfRecord record : records) {
        writer.write(record);
      }
    }
    return file;
  }
}
