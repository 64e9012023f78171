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
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.card.Feature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
      }
    }
    return row;
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
          features.stream().map(Feature::name).collect(java.util.stream.Collectors.toSet()),
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
