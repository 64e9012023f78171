package io.qaexport.adapter.in.cli.flag;

import static io.qaexport.adapter.in.cli.flag.Flags.DEFAULT_DEDUP;
import static io.qaexport.adapter.in.cli.flag.Flags.DEFAULT_DEDUP_THRESHOLD;
import static io.qaexport.adapter.in.cli.flag.Flags.DEFAULT_MAX_SHARD_SIZE;

import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.domain.SplitAssignment;
import java.nio.file.Path;
import java.util.List;

/** The training-set stages' flags (threshold, dedup, decontamination, splits, shards). */
public final class TrainingSetFlags {
  public static final Flag<Double> MIN_SCORE =
      Flag.valued(
          "min-score",
          "X",
          "passed pairs whose validation_score is below X move to the"
              + " rejected output, with the reason",
          FlagValues::number);

  public static final Flag<TrainingSet.Dedup> DEDUP =
      Flag.valued(
              "dedup",
              "MODE",
              "drop duplicate questions among the passed pairs, keeping the"
                  + " best-scored: none (default), exact (equal once normalised) or near (MinHash,"
                  + " verified Jaccard similarity); dropped pairs go to <output>.duplicates.jsonl",
              FlagValues::dedup)
          .withDefault(DEFAULT_DEDUP);

  public static final Flag<Double> DEDUP_THRESHOLD =
      Flag.valued(
          "dedup-threshold",
          "J",
          "the Jaccard similarity from which --dedup near and"
              + " --split-groups near call two questions duplicates (default: "
              + DEFAULT_DEDUP_THRESHOLD
              + ")",
          FlagValues::similarity);

  public static final Flag<Path> DECONTAMINATE =
      Flag.valued(
          "decontaminate",
          "PATH",
          "leave out passed pairs whose question matches a"
              + " reference question (normalised-equal, or verified Jaccard similarity of"
              + " --decontaminate-threshold or more); PATH: a JSONL file with a question per record"
              + " (compressed too), a Parquet file with a question column, a .txt file (or a"
              + " pipe) of one question per line, or an earlier export's"
              + " directory, or - for stdin; repeatable; left-out pairs go to"
              + " <output>.decontaminated.jsonl",
          FlagValues::input);

  public static final Flag<Double> DECONTAMINATE_THRESHOLD =
      Flag.valued(
          "decontaminate-threshold",
          "J",
          "the Jaccard similarity from which"
              + " --decontaminate calls a question a match (default: --dedup-threshold, else "
              + DEFAULT_DEDUP_THRESHOLD
              + ")",
          FlagValues::similarity);

  public static final Flag<List<SplitAssignment.Split>> SPLIT =
      Flag.valued(
          "split",
          "NAME=FRACTION,...",
          "split the passed pairs, e.g."
              + " train=0.9,test=0.1, by a stable hash of the normalised question: a re-export keeps"
              + " every pair in its split",
          FlagValues::splits);

  public static final Flag<Long> SPLIT_SEED =
      Flag.valued(
          "split-seed", "N", "another seed gives another split (default: 0)", FlagValues::seed);

  public static final Flag<Boolean> SPLIT_GROUPS =
      Flag.valued(
          "split-groups",
          "MODE",
          "which questions share a split: exact (default:"
              + " equal once normalised) or near (also paraphrases, verified Jaccard similarity of"
              + " --dedup-threshold or more, even when --dedup keeps them; reads the passed file"
              + " twice)",
          FlagValues::nearGroups);

  public static final Flag<String> STRATIFY =
      Flag.valued(
          "stratify",
          "FIELD",
          "with --split: the pairs of each value of FIELD follow the"
              + " fractions exactly (FIELD: persona, or a kept string column); a re-export may"
              + " then move pairs next to a cut",
          FlagValues::text);

  public static final Flag<Long> MAX_SHARD_SIZE =
      Flag.valued(
              "max-shard-size",
              "SIZE",
              "a split larger than SIZE is written as Hub-named"
                  + " shards, e.g. 500MB or 1GiB (default: "
                  + DEFAULT_MAX_SHARD_SIZE
                  + ")",
              FlagValues::shardSize)
          .withDefault(DEFAULT_MAX_SHARD_SIZE);

  /**
   * In the order {@code --help} shows them, among {@link Flags#ALL}: a new stage's flag is defined
   * and listed here, and nowhere else.
   */
  static final List<Flag<?>> ALL =
      List.of(
          MIN_SCORE,
          DEDUP,
          DEDUP_THRESHOLD,
          DECONTAMINATE,
          DECONTAMINATE_THRESHOLD,
          SPLIT,
          SPLIT_SEED,
          SPLIT_GROUPS,
          STRATIFY,
          MAX_SHARD_SIZE);

  private TrainingSetFlags() {}
}
