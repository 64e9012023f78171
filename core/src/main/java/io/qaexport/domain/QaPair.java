package io.qaexport.domain;

/**
 * One question–answer pair as the validation step wrote it, reduced to the fields we map.
 *
 * <p>Each component is {@code null} when the input lacks the field or holds JSON null; the
 * mapping decides what that means. Type errors never reach this record: readers reject them.
 */
public record QaPair(
    String question,
    String answer,
    String sourceDocument,
    Persona persona,
    Double compositeScore,
    String failureReason) {}
