package io.qaexport.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An output schema: its columns in output order. {@link #PASSED} and {@link #REJECTED} are the two
 * the export writes (SPEC §2); the column definitions here are the only place the schema is written
 * down.
 *
 * @param name the shape's name in summaries, e.g. {@code passed}
 */
public record RecordShape(String name, List<Column> columns) {
  public static final Column.Text QUESTION =
      Column.Text.ofUtf8(
          "question", "the question, as a care worker would ask it", HfRecord::questionText, false);
  public static final Column.Text ANSWER =
      Column.Text.ofUtf8(
          "answer",
          "the answer, with `[source:…]` markers citing the routine",
          HfRecord::answerText,
          false);
  public static final Column.Text SOURCE =
      Column.Text.ofUtf8(
          "source", "the source document the pair was generated from", HfRecord::sourceText, true);
  public static final Column.Text PERSONA =
      Column.Text.ofUtf8(
          "persona",
          "who asks: `roll/erfarenhet`, or a free-text persona",
          HfRecord::personaText,
          true);
  public static final Column.Float64 VALIDATION_SCORE =
      new Column.Float64(
          "validation_score", "the validation step's composite score", HfRecord::validationScore);
  public static final Column.Text FAILURE_REASON =
      Column.Text.ofUtf8(
          "failure_reason",
          "why validation failed (`rejected` only)",
          HfRecord::failureReasonText,
          false);

  /** Pairs that passed validation. */
  public static final RecordShape PASSED =
      new RecordShape("passed", List.of(QUESTION, ANSWER, SOURCE, PERSONA, VALIDATION_SCORE));

  /** Pairs that failed validation: the passed columns and the failure reason. */
  public static final RecordShape REJECTED = new RecordShape("rejected", withFailureReason());

  /** What a column's name may be: a letter or {@code _}, then letters, digits and {@code _}. */
  private static final Pattern COLUMN_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]{0,127}");

  /** The fields a left-out log writes before a pair's columns: no column may be named so. */
  private static final Set<String> LOG_FIELDS =
      Set.of(
          "line",
          "duplicate_of",
          "similarity",
          "reference",
          "reference_line",
          "reference_question");

  public RecordShape {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  /**
   * This shape with {@code kept} after its fixed columns, in order.
   *
   * @throws IllegalArgumentException when a kept column's name is not a valid column name, or
   *     clashes with a fixed column, a left-out log's field or another kept column
   */
  public RecordShape withKept(List<Column.Kept> kept) {
    if (kept.isEmpty()) {
      return this;
    }
    var names = new HashMap<String, String>(); // lower case -> as named
    var all = new ArrayList<>(columns);
    for (int i = 0; i < kept.size(); i++) {
      Column.Kept column = kept.get(i);
      String clash = clashOf(column.name(), names);
      if (clash != null) {
        throw new IllegalArgumentException(
            "column '"
                + column.name()
                + "' (from the input field '"
                + column.path()
                + "') "
                + clash);
      }
      if (column.index() != i) {
        throw new IllegalArgumentException(column.name() + ": kept columns are indexed in order");
      }
      names.put(column.name().toLowerCase(Locale.ROOT), column.name());
      all.add(column);
    }
    return new RecordShape(name, all);
  }

  /**
   * Names are compared ignoring case: DuckDB (the Hub's viewer and SQL console) does not tell
   * {@code Question} from {@code question}; {@code taken} maps the lower-case names kept so far to
   * their names.
   */
  private static String clashOf(String name, Map<String, String> taken) {
    if (!COLUMN_NAME.matcher(name).matches()) {
      return "is not a valid column name: it takes letters, digits and _ (not first a digit),"
          + " at most 128; choose one with NAME=PATH";
    }
    String folded = name.toLowerCase(Locale.ROOT);
    String fixed =
        REJECTED.columns.stream()
            .map(Column::name)
            .filter(column -> column.toLowerCase(Locale.ROOT).equals(folded))
            .findFirst()
            .orElse(null);
    if (fixed != null) {
      return fixed.equals(name)
          ? "clashes with the fixed column of that name; choose another with NAME=PATH"
          : differsInCaseOnly("the fixed column", fixed);
    }
    if (LOG_FIELDS.stream().anyMatch(field -> field.toLowerCase(Locale.ROOT).equals(folded))) {
      return "clashes with the field of that name in the duplicates and decontaminated logs"
          + " (case aside); choose another with NAME=PATH";
    }
    String kept = taken.get(folded);
    if (kept != null) {
      return kept.equals(name)
          ? "is kept twice under that name; choose another with NAME=PATH"
          : differsInCaseOnly("the kept column", kept);
    }
    return null;
  }

  private static String differsInCaseOnly(String what, String other) {
    return "differs from "
        + what
        + " '"
        + other
        + "' only in case, which DuckDB and the Hub's viewer do not tell apart;"
        + " choose another with NAME=PATH";
  }

  // equals and hashCode as the generated ones behave, spelled out: those link method-handle trees
  // at run time (~30 ms of a run's start-up, when a shape is first hashed).
  @Override
  public boolean equals(Object other) {
    return other instanceof RecordShape that
        && name.equals(that.name)
        && columns.equals(that.columns);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + columns.hashCode();
  }

  /** The kept columns ({@code --keep-columns}), in order; none by default. */
  public List<Column.Kept> keptColumns() {
    var kept = new ArrayList<Column.Kept>();
    for (Column column : columns) {
      if (column instanceof Column.Kept k) {
        kept.add(k);
      }
    }
    return kept;
  }

  /** The rejected shape with this shape's kept columns: where pairs below a threshold go. */
  public RecordShape asRejected() {
    return REJECTED.withKept(keptColumns());
  }

  /** The column named {@code name}, if the shape has one. */
  public Optional<Column> column(String name) {
    return columns.stream().filter(column -> column.name().equals(name)).findFirst();
  }

  /** The shapes the export writes, passed first. */
  public static List<RecordShape> exported() {
    return List.of(PASSED, REJECTED);
  }

  /**
   * Whether {@code record} carries what this shape writes: a failure reason exactly when due, and a
   * value (maybe null) for each kept column.
   */
  public boolean fits(HfRecord record) {
    return hasFailureReason() == (record.failureReasonText() != null)
        && record.kept().size() == keptCount();
  }

  // Both asked for every record: a look at each column by identity, not records' equals.
  private int keptCount() {
    int kept = 0;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) instanceof Column.Kept) {
        kept++;
      }
    }
    return kept;
  }

  public boolean hasFailureReason() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i) == FAILURE_REASON) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name;
  }

  private static List<Column> withFailureReason() {
    var columns = new ArrayList<>(PASSED.columns);
    columns.add(FAILURE_REASON);
    return columns;
  }
}
