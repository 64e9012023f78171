package io.qaexport.application.port.in;

import io.qaexport.domain.Column;
import io.qaexport.domain.SplitAssignment;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What turns the export into a training set (SPEC §6), all optional: a score threshold, a
 * deduplication of the passed pairs, splits and shards.
 *
 * @param minScore passed pairs scoring below it move to the rejected output
 * @param dedupThreshold the Jaccard similarity from which {@link Dedup#NEAR} calls two questions
 *     duplicates
 * @param split how the passed pairs are split; empty: one {@code train} split
 * @param stratifyBy the column whose values' pairs each follow the split fractions ({@code
 *     persona}, or a kept string column)
 * @param splitNearGroups questions with a verified near duplicate (Jaccard at or above {@code
 *     dedupThreshold}) share a split even when none is dropped
 * @param maxShardBytes a split's output larger than this is cut into shards
 * @param rejectedOutputBaseName the rejected output's base name, where pairs below the threshold go
 *     even when no rejected input is read
 * @param decontamination reference questions kept out of the passed output
 * @param settings what other stages read by name (a stage added with its flag alone)
 */
public record TrainingSet(
    OptionalDouble minScore,
    Dedup dedup,
    double dedupThreshold,
    Optional<SplitAssignment> split,
    Optional<Column> stratifyBy,
    long maxShardBytes,
    String rejectedOutputBaseName,
    boolean splitNearGroups,
    Decontamination decontamination,
    StageSettings settings) {

  /** 500 MB, as {@code push_to_hub} uses. */
  public static final long DEFAULT_MAX_SHARD_BYTES = 500L * 1000 * 1000;

  public static final double DEFAULT_DEDUP_THRESHOLD = 0.8;

  /** Plain export: nothing filtered, one split, no shards below the default size. */
  public static final TrainingSet NONE =
      new TrainingSet(
          OptionalDouble.empty(),
          Dedup.NONE,
          DEFAULT_DEDUP_THRESHOLD,
          Optional.empty(),
          Optional.empty(),
          DEFAULT_MAX_SHARD_BYTES,
          ExportJob.REJECTED_OUTPUT,
          false,
          Decontamination.NONE,
          StageSettings.NONE);

  /** Which duplicates of a question are dropped: none, identical ones, or similar ones too. */
  public enum Dedup {
    NONE,
    EXACT,
    NEAR
  }

  public TrainingSet {
    Objects.requireNonNull(minScore, "minScore");
    Objects.requireNonNull(dedup, "dedup");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(stratifyBy, "stratifyBy");
    Objects.requireNonNull(rejectedOutputBaseName, "rejectedOutputBaseName");
    Objects.requireNonNull(decontamination, "decontamination");
    Objects.requireNonNull(settings, "settings");
    if (!(dedupThreshold > 0 && dedupThreshold <= 1)) {
      throw new IllegalArgumentException("the dedup threshold is above 0 and at most 1");
    }
    if (maxShardBytes < 1) {
      throw new IllegalArgumentException("the shard size is at least 1 byte");
    }
    if (stratifyBy.isPresent() && split.isEmpty()) {
      throw new IllegalArgumentException("stratifying needs splits");
    }
    if (splitNearGroups && (split.isEmpty() || stratifyBy.isPresent())) {
      throw new IllegalArgumentException("near groups for the split need splits, unstratified");
    }
  }

  /** Without near groups for the split (only identical questions share a split by themselves). */
  public TrainingSet(
      OptionalDouble minScore,
      Dedup dedup,
      double dedupThreshold,
      Optional<SplitAssignment> split,
      Optional<Column> stratifyBy,
      long maxShardBytes,
      String rejectedOutputBaseName) {
    this(
        minScore,
        dedup,
        dedupThreshold,
        split,
        stratifyBy,
        maxShardBytes,
        rejectedOutputBaseName,
        false,
        Decontamination.NONE,
        StageSettings.NONE);
  }

  /** This training set with {@code decontamination} instead. */
  public TrainingSet with(Decontamination decontamination) {
    return new TrainingSet(
        minScore,
        dedup,
        dedupThreshold,
        split,
        stratifyBy,
        maxShardBytes,
        rejectedOutputBaseName,
        splitNearGroups,
        decontamination,
        settings);
  }

  /** This training set with {@code settings} instead. */
  public TrainingSet with(StageSettings settings) {
    return new TrainingSet(
        minScore,
        dedup,
        dedupThreshold,
        split,
        stratifyBy,
        maxShardBytes,
        rejectedOutputBaseName,
        splitNearGroups,
        decontamination,
        settings);
  }

  /** Whether the splits are stratified by a column's values. */
  public boolean stratifies() {
    return stratifyBy.isPresent();
  }

  /** Whether the split needs near-duplicate components it does not get from dropping them. */
  public boolean clustersForSplit() {
    return splitNearGroups && dedup != Dedup.NEAR;
  }

  /** Whether any stage beyond the plain export is asked for. */
  public boolean curates() {
    return minScore.isPresent()
        || dedup != Dedup.NONE
        || split.isPresent()
        || decontamination.active()
        || !settings.isEmpty();
  }
}
