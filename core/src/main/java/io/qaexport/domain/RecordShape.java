package io.qaexport.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  public RecordShape {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
  }

  /** The shapes the export writes, passed first. */
  public static List<RecordShape> exported() {
    return List.of(PASSED, REJECTED);
  }

  /** Whether {@code record} carries what this shape writes: a failure reason exactly when due. */
  public boolean fits(HfRecord record) {
    return hasFailureReason() == (record.failureReason() != null);
  }

  public boolean hasFailureReason() {
    return columns.contains(FAILURE_REASON);
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
