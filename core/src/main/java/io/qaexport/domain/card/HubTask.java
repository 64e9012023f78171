package io.qaexport.domain.card;

import java.util.List;
import java.util.Objects;

/**
 * What a layout is for, in the Hub's task taxonomy: a {@code task_categories} value and its {@code
 * task_ids}.
 */
public record HubTask(String category, List<String> ids) {
  /** Question–answer pairs on a closed domain (care routines): the flat layouts. */
  public static final HubTask QUESTION_ANSWERING =
      new HubTask("question-answering", List.of("closed-domain-qa"));

  /** Conversations for fine-tuning a model: chat layouts. */
  public static final HubTask TEXT_GENERATION =
      new HubTask("text-generation", List.of("dialogue-modeling"));

  public HubTask {
    Objects.requireNonNull(category, "category");
    ids = List.copyOf(ids);
  }
}
