package io.qaexport.domain.card;

import io.qaexport.domain.Column;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.mapping.DefaultedField;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a dataset card states about the data itself, whichever run exported it: the Hub's metadata
 * about its origin and language, and the columns the card's table explains. The card's prose lives
 * with the card writer, in a template a maintainer edits.
 *
 * @param languages the Hub's {@code language} tags
 * @param annotationsCreators who made the labels (here the validation scores): {@code
 *     machine-generated}
 * @param languageCreators who wrote the text: {@code machine-generated} for LLM output
 * @param multilinguality {@code monolingual} for one language
 * @param sourceDatasets {@code original}, or the datasets this one derives from
 * @param tags free tags; {@code synthetic} marks LLM-generated data
 * @param columns the columns the card explains: every column any config may have, in order
 */
public record DatasetFacts(
    List<String> languages,
    List<String> annotationsCreators,
    List<String> languageCreators,
    List<String> multilinguality,
    List<String> sourceDatasets,
    List<String> tags,
    List<Column> columns) {

  /** The QA pairs for Swedish care workers that qa-export exports: generated and scored by LLMs. */
  public static final DatasetFacts CARE_WORKER_QA =
      new DatasetFacts(
          List.of("sv"),
          List.of("machine-generated"),
          List.of("machine-generated"),
          List.of("monolingual"),
          List.of("original"),
          List.of("synthetic", "healthcare", "elderly-care", "swedish"),
          exportedColumns());

  public DatasetFacts {
    languages = List.copyOf(languages);
    annotationsCreators = List.copyOf(annotationsCreators);
    languageCreators = List.copyOf(languageCreators);
    multilinguality = List.copyOf(multilinguality);
    sourceDatasets = List.copyOf(sourceDatasets);
    tags = List.copyOf(tags);
    columns = List.copyOf(columns);
  }

  /** Each distinct default value once, as it appears in the output: {@code `""`, `"unknown"`}. */
  public static String defaultValues() {
    var values = new LinkedHashSet<String>();
    for (DefaultedField field : DefaultedField.values()) {
      values.add(field.defaultValue());
    }
    return values.stream().map(value -> "`" + value + "`").collect(Collectors.joining(", "));
  }

  /**
   * The columns of every exported shape, each once, in the order they are first written. Told apart
   * by name, which no shape repeats: hashing the records would link their generated methods at run
   * time, which costs start-up (issue 21).
   */
  private static List<Column> exportedColumns() {
    var columns = new LinkedHashMap<String, Column>();
    for (RecordShape shape : RecordShape.exported()) {
      for (Column column : shape.columns()) {
        columns.putIfAbsent(column.name(), column);
      }
    }
    return List.copyOf(columns.values());
  }
}
