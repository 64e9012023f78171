package io.qaexport.adapter.in.cli;

import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.DECONTAMINATE;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.DECONTAMINATE_THRESHOLD;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.DEDUP;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.DEDUP_THRESHOLD;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.MAX_SHARD_SIZE;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.MIN_SCORE;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.SPLIT;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.SPLIT_GROUPS;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.SPLIT_SEED;
import static io.qaexport.adapter.in.cli.flag.TrainingSetFlags.STRATIFY;

import io.qaexport.adapter.in.cli.flag.CliUsageException;
import io.qaexport.adapter.in.cli.flag.Flag;
import io.qaexport.adapter.in.cli.flag.Flags;
import io.qaexport.application.port.in.Decontamination;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.StageSettings;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.domain.Column;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.SplitAssignment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;

/** The training-set stages' flags combined into a {@link TrainingSet}. */
final class TrainingSetOptions {
  private TrainingSetOptions() {}

  static TrainingSet of(CommandLine line, List<Column.Kept> kept) throws CliUsageException {
    return of(line, kept, Flags.ALL);
  }

  /** With {@code flags} as the command line's flags (a test adds a stage's flag). */
  static TrainingSet of(CommandLine line, List<Column.Kept> kept, List<Flag<?>> flags)
      throws CliUsageException {
    OptionalDouble minScore =
        MIN_SCORE.optional(line).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    TrainingSet.Dedup dedup = DEDUP.value(line);
    boolean splitNearGroups = SPLIT_GROUPS.optional(line).orElse(false);
    if (splitNearGroups && STRATIFY.given(line)) {
      throw new CliUsageException("--split-groups near and --stratify exclude each other");
    }
    if (DEDUP_THRESHOLD.given(line) && dedup != TrainingSet.Dedup.NEAR && !splitNearGroups) {
      throw new CliUsageException(
          "--dedup-threshold applies to --dedup near or --split-groups near only");
    }
    double threshold = DEDUP_THRESHOLD.optional(line).orElse(TrainingSet.DEFAULT_DEDUP_THRESHOLD);
    Optional<SplitAssignment> split = Optional.empty();
    if (SPLIT.given(line)) {
      split =
          Optional.of(new SplitAssignment(SPLIT.value(line), SPLIT_SEED.optional(line).orElse(0L)));
    }
    Optional<Column> stratify = Optional.empty();
    if (STRATIFY.given(line)) {
      stratify = Optional.of(stratifyBy(STRATIFY.value(line), kept));
    }
    return new TrainingSet(
        minScore,
        dedup,
        threshold,
        split,
        stratify,
        MAX_SHARD_SIZE.value(line),
        ExportJob.REJECTED_OUTPUT,
        splitNearGroups,
        decontamination(line, threshold),
        stageSettings(line, flags));
  }

  /** Every given flag that sets a stage setting, under its name: no stage is named here. */
  private static StageSettings stageSettings(CommandLine line, List<Flag<?>> flags)
      throws CliUsageException {
    StageSettings settings = StageSettings.NONE;
    for (Flag<?> flag : flags) {
      if (flag.stageSetting().isPresent() && flag.given(line)) {
        settings = settings.with(flag.stageSetting().get(), flag.value(line));
      }
    }
    return settings;
  }

  /** Persona, or a kept string column, by name. */
  private static Column stratifyBy(String name, List<Column.Kept> kept) throws CliUsageException {
    if (name.equalsIgnoreCase(RecordShape.PERSONA.name())) {
      return RecordShape.PERSONA;
    }
    for (Column.Kept column : kept) {
      if (column.name().equals(name)) {
        if (column.keptType() != KeptType.STRING) {
          throw new CliUsageException(
              "--stratify "
                  + name
                  + ": the kept column is "
                  + column.keptType().spelling()
                  + "; stratifying takes a string column");
        }
        return column;
      }
    }
    throw new CliUsageException(
        "--stratify takes 'persona' or a kept string column (--keep-columns), not '"
            + name
            + "'"
            + (kept.isEmpty()
                ? ""
                : "; kept: " + kept.stream().map(Column::name).collect(Collectors.joining(", "))));
  }

  private static Decontamination decontamination(CommandLine line, double dedupThreshold)
      throws CliUsageException {
    List<Path> references = DECONTAMINATE.values(line);
    if (references.isEmpty()) {
      return Decontamination.NONE;
    }
    return new Decontamination(
        references,
        DECONTAMINATE_THRESHOLD.optional(line).orElse(dedupThreshold),
        Flags.MAX_LINE_BYTES.value(line));
  }
}
