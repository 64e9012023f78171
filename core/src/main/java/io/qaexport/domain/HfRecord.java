package io.qaexport.domain;

import java.util.List;
import java.util.Objects;

/**
 * One output row. {@code failureReason} is {@code null} for the passed shape and never null for the
 * rejected one; all other values are never null.
 *
 * <p>Text is held as {@link Utf8Text}: writers take the bytes ({@link #questionText()} …), which
 * are the input's own bytes where the input held no escapes. The {@code String} accessors decode on
 * first use; they stay for what works with characters (deduplication, the card, plugins).
 */
public final class HfRecord {
  private final Utf8Text question;
  private final Utf8Text answer;
  private final Utf8Text source;
  private final Utf8Text persona;
  private final double validationScore;
  private final Utf8Text failureReason;
  private final KeptValues kept;
  private final int defaultedFields;

  public HfRecord(
      Utf8Text question,
      Utf8Text answer,
      Utf8Text source,
      Utf8Text persona,
      double validationScore,
      Utf8Text failureReason) {
    this(question, answer, source, persona, validationScore, failureReason, KeptValues.NONE);
  }

  /**
   * @param kept the values of the shape's kept columns ({@code --keep-columns})
   */
  public HfRecord(
      Utf8Text question,
      Utf8Text answer,
      Utf8Text source,
      Utf8Text persona,
      double validationScore,
      Utf8Text failureReason,
      KeptValues kept) {
    this(question, answer, source, persona, validationScore, failureReason, kept, 0);
  }

  /**
   * @param defaultedFields the fields the mapping gave a default, one bit per {@code
   *     DefaultedField} ({@code 1 << ordinal}): each output counts the defaults in its own rows
   */
  public HfRecord(
      Utf8Text question,
      Utf8Text answer,
      Utf8Text source,
      Utf8Text persona,
      double validationScore,
      Utf8Text failureReason,
      KeptValues kept,
      int defaultedFields) {
    this.defaultedFields = defaultedFields;
    this.kept = Objects.requireNonNull(kept, "kept");
    this.question = Objects.requireNonNull(question, "question");
    this.answer = Objects.requireNonNull(answer, "answer");
    this.source = Objects.requireNonNull(source, "source");
    this.persona = Objects.requireNonNull(persona, "persona");
    this.validationScore = validationScore;
    this.failureReason = failureReason;
  }

  public HfRecord(
      String question,
      String answer,
      String source,
      String persona,
      double validationScore,
      String failureReason) {
    this(
        Utf8Text.of(Objects.requireNonNull(question, "question")),
        Utf8Text.of(Objects.requireNonNull(answer, "answer")),
        Utf8Text.of(Objects.requireNonNull(source, "source")),
        Utf8Text.of(Objects.requireNonNull(persona, "persona")),
        validationScore,
        Utf8Text.ofNullable(failureReason));
  }

  public String question() {
    return question.toString();
  }

  public String answer() {
    return answer.toString();
  }

  public String source() {
    return source.toString();
  }

  public String persona() {
    return persona.toString();
  }

  public double validationScore() {
    return validationScore;
  }

  /** {@code null} for a passed record. */
  public String failureReason() {
    return failureReason == null ? null : failureReason.toString();
  }

  public Utf8Text questionText() {
    return question;
  }

  public Utf8Text answerText() {
    return answer;
  }

  public Utf8Text sourceText() {
    return source;
  }

  public Utf8Text personaText() {
    return persona;
  }

  /** {@code null} for a passed record. */
  public Utf8Text failureReasonText() {
    return failureReason;
  }

  /** The values of the kept columns, in their order; none without {@code --keep-columns}. */
  public KeptValues kept() {
    return kept;
  }

  /**
   * The fields the mapping gave a default, one bit per {@code DefaultedField} ordinal. Not part of
   * the row, so not of {@link #equals}.
   */
  public int defaultedFields() {
    return defaultedFields;
  }

  /** The same record with another failure reason (a passed one becomes a rejected one). */
  public HfRecord withFailureReason(String reason) {
    return new HfRecord(
        question,
        answer,
        source,
        persona,
        validationScore,
        Utf8Text.of(reason),
        kept,
        defaultedFields);
  }

  /**
   * The fixed shape this record has: rejected when it carries a failure reason. Its file's shape
   * adds the kept columns, if any.
   */
  public RecordShape shape() {
    return failureReason == null ? RecordShape.PASSED : RecordShape.REJECTED;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HfRecord that
        && question.equals(that.question)
        && answer.equals(that.answer)
        && source.equals(that.source)
        && persona.equals(that.persona)
        && Double.compare(validationScore, that.validationScore) == 0
        && Objects.equals(failureReason, that.failureReason)
        && kept.equals(that.kept);
  }

  @Override
  public int hashCode() {
    return Objects.hash(question, answer, source, persona, validationScore, failureReason, kept);
  }

  @Override
  public String toString() {
    return "HfRecord[question="
        + question
        + ", answer="
        + answer
        + ", source="
        + source
        + ", persona="
        + persona
        + ", validationScore="
        + validationScore
        + ", failureReason="
        + failureReason
        + (kept.size() == 0 ? "" : ", kept=" + kept)
        + "]";
  }

  /**
   * The rough size of the record in an output, for shard counts and write batches: its text, 80
   * bytes, and per kept value its text or 16 bytes.
   */
  public int estimatedBytes() {
    long bytes =
        80L
            + questionText().length()
            + answerText().length()
            + sourceText().length()
            + personaText().length();
    if (failureReasonText() != null) {
      bytes += failureReasonText().length();
    }
    KeptValues values = kept;
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof Utf8Text text) {
        bytes += 16 + text.length();
      } else if (value instanceof List<?> items) {
        bytes += 16;
        for (Object item : items) {
          bytes += 8 + (item == null ? 0 : ((Utf8Text) item).length());
        }
      } else {
        bytes += 16;
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }
}
