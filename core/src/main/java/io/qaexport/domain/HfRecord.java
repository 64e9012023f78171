package io.qaexport.domain;

import java.util.Objects;

/**
 * One output row. {@code failureReason} is {@code null} for the passed shape and never null for
 * the rejected one; all other components are never null.
 */
public record HfRecord(
    String question,
    String answer,
    String source,
    String persona,
    double validationScore,
    String failureReason) {

  public HfRecord {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(persona, "persona");
  }

  /** The shape this record has: rejected when it carries a failure reason. */
  public RecordShape shape() {
    return failureReason == null ? RecordShape.PASSED : RecordShape.REJECTED;
  }
}
