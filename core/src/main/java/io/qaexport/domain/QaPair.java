package io.qaexport.domain;

import java.util.Objects;

/**
 * One question–answer pair as the validation step wrote it, reduced to the fields we map.
 *
 * <p>Each component is {@code null} when the input lacks the field or holds JSON null; the mapping
 * decides what that means. Type errors never reach this record: readers reject them. Texts are
 * UTF-8 ({@link Utf8Text}) so that a reader can hand on the input's own bytes. {@code kept} holds
 * the values of the fields {@code --keep-columns} names, in its order.
 */
public record QaPair(
    Utf8Text question,
    Utf8Text answer,
    Utf8Text sourceDocument,
    Persona persona,
    Double compositeScore,
    Utf8Text failureReason,
    KeptValues kept) {

  public QaPair {
    Objects.requireNonNull(kept, "kept");
  }

  /** A pair without kept fields. */
  public QaPair(
      Utf8Text question,
      Utf8Text answer,
      Utf8Text sourceDocument,
      Persona persona,
      Double compositeScore,
      Utf8Text failureReason) {
    this(question, answer, sourceDocument, persona, compositeScore, failureReason, KeptValues.NONE);
  }

  /** A pair from {@code String}s, for readers that decode and for tests. */
  public QaPair(
      String question,
      String answer,
      String sourceDocument,
      Persona persona,
      Double compositeScore,
      String failureReason) {
    this(
        Utf8Text.ofNullable(question),
        Utf8Text.ofNullable(answer),
        Utf8Text.ofNullable(sourceDocument),
        persona,
        compositeScore,
        Utf8Text.ofNullable(failureReason));
  }
}
