package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.ReferenceFile;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.domain.card.DatasetCard;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The dataset card's configs: what each output file holds, its splits and its curation. */
final class CardConfigs {
  private final ExportProgress progress;
  private final List<ReferenceFile> references;

  CardConfigs(ExportProgress progress, List<ReferenceFile> references) {
    this.progress = progress;
    this.references = references;
  }

  /** One config per file with records: {@code default} for passed pairs, else {@code rejected}. */
  List<DatasetCard.Config> of(
      OutputFormat format, List<FileSummary> files, Path cardDir, TrainingSet training) {
    List<DatasetCard.Config> configs = new ArrayList<>();
    for (FileSummary file : files) {
      if (file.rows() == 0) {
        progress.notice(new Notice.CardConfigLeftOut(file.input()));
        continue;
      }
      boolean layoutIsShape = format.writesShapeColumns();
      List<DatasetCard.Split> splits = new ArrayList<>();
      List<FileSummary.SplitFiles> splitFiles = file.curation().splits();
      if (splitFiles.isEmpty()) {
        splits.add(
            new DatasetCard.Split(
                "train",
                List.of(relative(cardDir, file.output())),
                file.rows(),
                layoutIsShape ? Optional.of(file.arrowBytes()) : Optional.empty()));
      }
      for (FileSummary.SplitFiles split : splitFiles) {
        if (split.rows() > 0) {
          Optional<Long> numBytes =
              layoutIsShape ? Optional.of(split.arrowBytes()) : Optional.empty();
          splits.add(
              new DatasetCard.Split(
                  split.name(),
                  split.files().stream().map(path -> relative(cardDir, path)).toList(),
                  split.rows(),
                  numBytes));
        }
      }
      configs.add(
          new DatasetCard.Config(
              file.shape().hasFailureReason() ? "rejected" : "default",
              file.shape(),
              format.features(file.shape()).orElseThrow(),
              layoutIsShape,
              splits,
              file.input().getFileName().toString(),
              file.personas(),
              file.scores(),
              file.defaultsApplied(),
              file.sample(),
              curation(file, training, cardDir)));
    }
    return configs;
  }

  /** The stages the card has sentences of their own for; any other gets the general one. */
  private static final Set<String> DESCRIBED_STAGES =
      Set.of("below_threshold", "duplicates", "decontaminated");

  private DatasetCard.Curation curation(FileSummary file, TrainingSet training, Path cardDir) {
    FileSummary.Curation done = file.curation();
    if (!done.active()) {
      return DatasetCard.Curation.NONE;
    }
    boolean passed = !file.shape().hasFailureReason();
    return new DatasetCard.Curation(
        training.minScore().orElse(Double.NaN),
        done.count("below_threshold"),
        done.received(),
        passed ? training.dedup().name().toLowerCase(Locale.ROOT) : "none",
        training.dedupThreshold(),
        done.count("duplicates"),
        done.log("duplicates").map(path -> relative(cardDir, path)).orElse(""),
        passed && training.decontamination().active()
            ? new DatasetCard.Decontamination(
                references.stream()
                    .map(
                        reference ->
                            new DatasetCard.Reference(
                                reference.path().getFileName().toString(),
                                reference.sha256(),
                                reference.questions()))
                    .toList(),
                training.decontamination().threshold(),
                done.count("decontaminated"),
                done.log("decontaminated").map(path -> relative(cardDir, path)).orElse(""))
            : DatasetCard.Decontamination.NONE,
        done.stages().stream()
            .filter(stage -> !DESCRIBED_STAGES.contains(stage.key()) && stage.count() > 0)
            .map(
                stage ->
                    new DatasetCard.LeftOut(
                        stage.label(),
                        stage.count(),
                        stage.log().map(path -> relative(cardDir, path)).orElse("")))
            .toList());
  }

  private static String relative(Path cardDir, Path file) {
    return cardDir.relativize(file.toAbsolutePath()).toString().replace(File.separatorChar, '/');
  }
}
