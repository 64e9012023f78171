package io.qaexport.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a dataset card says about the data itself, whichever run exported it: the Hub's tags, the
 * prose a reader needs, and the columns the card's table explains. The card writer renders these
 * and decides none of them. Prose may hold Markdown code spans, like {@link Column#meaning()}.
 *
 * @param languages the Hub's {@code language} tags
 * @param taskCategories the Hub's {@code task_categories}
 * @param description what the pairs are and where they come from; it opens the card
 * @param configsNote what each config holds and what it is for
 * @param defaultsNote how missing values were filled in
 * @param columns the columns the card explains: every column any config may have, in order
 */
public record DatasetFacts(List<String> languages, List<String> taskCategories,
    String description, String configsNote, String defaultsNote, List<Column> columns) {

  /** The QA pairs for Swedish care workers that qa-export exports. */
  public static final DatasetFacts CARE_WORKER_QA = new DatasetFacts(
      List.of("sv"),
      List.of("question-answering"),
      "Question–answer pairs in Swedish written for care workers (undersköterskor and others in"
          + " elderly care and home care), generated from care routines by a QA-generation"
          + " pipeline and scored by an LLM-based validation step.",
      "`default` holds the pairs that passed validation; `rejected` the pairs that failed it,"
          + " with the reason. Do not train on `rejected`: it is there to study what the"
          + " validation catches.",
      "Missing values were filled in with defaults (" + defaultValues() + "); how many per"
          + " column is listed below, so nothing was fabricated silently.",
      exportedColumns());

  public DatasetFacts {
    languages = List.copyOf(languages);
    taskCategories = List.copyOf(taskCategories);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(configsNote, "configsNote");
    Objects.requireNonNull(defaultsNote, "defaultsNote");
    columns = List.copyOf(columns);
  }

  /** Each distinct default value once, as it appears in the output: {@code `""`, `"unknown"`}. */
  private static String defaultValues() {
    var values = new LinkedHashSet<String>();
    for (DefaultedField field : DefaultedField.values()) {
      values.add(field.defaultValue());
    }
    return values.stream().map(value -> "`" + value + "`").collect(Collectors.joining(", "));
  }

  /** The columns of every exported shape, each once, in the order they are first written. */
  private static List<Column> exportedColumns() {
    var columns = new LinkedHashSet<Column>();
    for (RecordShape shape : RecordShape.exported()) {
      columns.addAll(shape.columns());
    }
    return List.copyOf(columns);
  }
}
