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
   * @param splits the config's splits with their files and exact sizes; empty: one {@code train}
   *     split, {@code dataFile}, whose size the card does not state
   * @param curation what the training-set stages did to this config's rows
   */
  public record Config(String name, RecordShape shape, String dataFile, String inputFile,
      long rows, List<Map.Entry<String, Long>> personas, ScoreSummary scores,
      Map<DefaultedField, Long> defaultsApplied, List<Split> splits, Curation curation) {

    public Config {
      personas = List.copyOf(personas);
      defaultsApplied = Map.copyOf(defaultsApplied);
      splits = List.copyOf(splits);
      Objects.requireNonNull(curation, "curation");
    }

    /** A config of one {@code train} split in one file. */
    public Config(String name, RecordShape shape, String dataFile, String inputFile, long rows,
        List<Map.Entry<String, Long>> personas, ScoreSummary scores,
        Map<DefaultedField, Long> defaultsApplied) {
      this(name, shape, dataFile, inputFile, rows, personas, scores, defaultsApplied, List.of(),
          Curation.NONE);
    }
  }

  /**
   * One split of a config: its name, exact row count, and files (several when sharded), relative
   * to the card with {@code /} separators.
   */
  public record Split(String name, long rows, List<String> files) {
    public Split {
      Objects.requireNonNull(name, "name");
      files = List.copyOf(files);
    }
  }

  /**
   * What the training-set stages did to a config's rows.
   *
   * @param minScore the export threshold, or NaN without one
   * @param belowThreshold passed pairs below it, moved to {@code rejected}
   * @param received rows of this config that came from the passed file for that reason
   * @param dedup {@code none}, {@code exact} or {@code near}
   * @param duplicates pairs dropped as duplicates, listed in {@code duplicatesFile}
   */
  public record Curation(double minScore, long belowThreshold, long received, String dedup,
      double dedupThreshold, long duplicates, String duplicatesFile) {
    public static final Curation NONE = new Curation(Double.NaN, 0, 0, "none", 0, 0, "");
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
