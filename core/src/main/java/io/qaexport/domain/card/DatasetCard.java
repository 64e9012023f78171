package io.qaexport.domain.card;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.mapping.DefaultedField;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a HuggingFace dataset card says: the facts about the data, the license and name, the task
 * the layout serves, and one config per schema (passed, rejected) with its features, its splits
 * (each with its files and exact sizes) and statistics.
 *
 * @param repoId the Hub repository ({@code ORG/NAME}) the card tells readers to load from, if known
 */
public record DatasetCard(
    DatasetFacts facts,
    String prettyName,
    HubLicense license,
    Optional<String> repoId,
    String formatName,
    String hfBuilderName,
    HubTask task,
    List<Config> configs) {

  public DatasetCard {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(prettyName, "prettyName");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(repoId, "repoId");
    Objects.requireNonNull(formatName, "formatName");
    Objects.requireNonNull(hfBuilderName, "hfBuilderName");
    Objects.requireNonNull(task, "task");
    configs = List.copyOf(configs);
  }

  /**
   * One config: {@code default} for passed pairs, {@code rejected} for rejected ones. All its
   * splits share its features.
   *
   * @param features as the files' rows hold them
   * @param layoutIsShape whether the rows are exactly the shape's columns (then the sample and the
   *     column table describe them as they are)
   * @param sample the first exported record, for the card's sample row
   * @param curation what the training-set stages did to this config's rows
   */
  public record Config(
      String name,
      RecordShape shape,
      List<Feature> features,
      boolean layoutIsShape,
      List<Split> splits,
      String inputFile,
      List<Map.Entry<String, Long>> personas,
      ScoreSummary scores,
      Map<DefaultedField, Long> defaultsApplied,
      Optional<HfRecord> sample,
      Curation curation) {

    public Config {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(shape, "shape");
      features = List.copyOf(features);
      splits = List.copyOf(splits);
      if (splits.isEmpty()) {
        throw new IllegalArgumentException("config " + name + " has no split");
      }
      personas = List.copyOf(personas);
      defaultsApplied = Map.copyOf(defaultsApplied);
      Objects.requireNonNull(sample, "sample");
      Objects.requireNonNull(curation, "curation");
    }

    /** A config no training-set stage touched. */
    public Config(
        String name,
        RecordShape shape,
        List<Feature> features,
        boolean layoutIsShape,
        List<Split> splits,
        String inputFile,
        List<Map.Entry<String, Long>> personas,
        ScoreSummary scores,
        Map<DefaultedField, Long> defaultsApplied,
        Optional<HfRecord> sample) {
      this(
          name,
          shape,
          features,
          layoutIsShape,
          splits,
          inputFile,
          personas,
          scores,
          defaultsApplied,
          sample,
          Curation.NONE);
    }

    public long rows() {
      return splits.stream().mapToLong(Split::numExamples).sum();
    }
  }

  /**
   * One split of a config and its exact size.
   *
   * @param dataFiles paths relative to the card, with {@code /} separators
   * @param numBytes the split's size as Arrow data in memory ({@code datasets}' {@code num_bytes}),
   *     or empty where it cannot be known exactly (a format's own layout)
   */
  public record Split(
      String name, List<String> dataFiles, long numExamples, Optional<Long> numBytes) {
    public Split {
      Objects.requireNonNull(name, "name");
      dataFiles = List.copyOf(dataFiles);
      Objects.requireNonNull(numBytes, "numBytes");
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
   * @param otherStages what each stage the fields above do not describe left out, in run order
   */
  public record Curation(
      double minScore,
      long belowThreshold,
      long received,
      String dedup,
      double dedupThreshold,
      long duplicates,
      String duplicatesFile,
      Decontamination decontamination,
      List<LeftOut> otherStages) {
    public static final Curation NONE =
        new Curation(Double.NaN, 0, 0, "none", 0, 0, "", Decontamination.NONE, List.of());

    public Curation {
      otherStages = List.copyOf(otherStages);
    }
  }

  /**
   * What one stage left out of a config, by the name the summary gives it ({@code short answers}).
   *
   * @param log the stage's log's path in the dataset, or empty
   */
  public record LeftOut(String label, long count, String log) {}

  /**
   * What {@code --decontaminate} left out of a config: the references by file name and sha256
   * (never a local path), the threshold, how many pairs, and the log's path in the dataset.
   */
  public record Decontamination(
      List<Reference> references, double threshold, long removed, String log) {
    public static final Decontamination NONE = new Decontamination(List.of(), 0, 0, "");

    public Decontamination {
      references = List.copyOf(references);
    }
  }

  /** One reference file: its name, the sha256 of its bytes, its number of questions. */
  public record Reference(String fileName, String sha256, long questions) {}

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
