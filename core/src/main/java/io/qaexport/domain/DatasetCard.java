package io.qaexport.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a HuggingFace dataset card says: the facts about the data, and one config per exported
 * file (they differ in schema), with the file's path relative to the card, counts and statistics.
 */
public record DatasetCard(DatasetFacts facts, String prettyName, String license,
    String formatName, String hfBuilderName, List<Config> configs) {

  public DatasetCard {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(prettyName, "prettyName");
    Objects.requireNonNull(license, "license");
    configs = List.copyOf(configs);
  }

  /** A card for the data qa-export exports, {@link DatasetFacts#CARE_WORKER_QA}. */
  public DatasetCard(String prettyName, String license, String formatName, String hfBuilderName,
      List<Config> configs) {
    this(DatasetFacts.CARE_WORKER_QA, prettyName, license, formatName, hfBuilderName, configs);
  }

  /**
   * One config: {@code default} for passed pairs, {@code rejected} for rejected ones.
   *
   * @param dataFile the data file's path relative to the card, with {@code /} separators
   */
  public record Config(String name, RecordShape shape, String dataFile, String inputFile,
      long rows, List<Map.Entry<String, Long>> personas, ScoreSummary scores,
      Map<DefaultedField, Long> defaultsApplied) {

    public Config {
      personas = List.copyOf(personas);
      defaultsApplied = Map.copyOf(defaultsApplied);
    }
  }

  public long totalRows() {
    return configs.stream().mapToLong(Config::rows).sum();
  }

  /** The Hub's {@code size_categories} value for the total number of rows. */
  public String sizeCategory() {
    return sizeCategory(totalRows());
  }

  static String sizeCategory(long rows) {
    String[] bounds = {"1K", "10K", "100K", "1M", "10M", "100M", "1B", "10B", "100B", "1T"};
    long limit = 1_000;
    if (rows < limit) {
      return "n<1K";
    }
    for (int i = 0; i + 1 < bounds.length; i++) {
      if (rows < limit * 10) {
        return bounds[i] + "<n<" + bounds[i + 1];
      }
      limit *= 10;
    }
    return "n>1T";
  }
}
