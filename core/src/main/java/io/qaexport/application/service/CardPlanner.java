package io.qaexport.application.service;

import io.qaexport.application.port.in.CardPathTakenException;
import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ExportException;
import io.qaexport.application.port.in.ExportIoException;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.domain.DatasetCard;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the run gets a dataset card and what it says, and stages it with the outputs.
 * A README that qa-export did not write is never replaced.
 */
final class CardPlanner {
  private final DatasetCardWriter writer;
  private final ExportProgress progress;

  CardPlanner(DatasetCardWriter writer, ExportProgress progress) {
    this.writer = writer;
    this.progress = progress;
  }

  /** The card staged for this run's files, or empty when there is none (and why, as a notice). */
  Optional<Path> stage(Optional<CardRequest> request, OutputFormat format,
      List<FileSummary> files, TrainingSet training, OutputTransaction outputs)
      throws ExportException {
    if (request.isEmpty()) {
      return Optional.empty();
    }
    if (files.stream().allMatch(file -> file.rows() == 0)) {
      progress.notice(new Notice.NoCardForEmptyDataset());
      return Optional.empty();
    }
    if (!format.writesShapeColumns()) {
      progress.notice(new Notice.NoCardForOwnLayout(format.name()));
      return Optional.empty();
    }
    Path cardFile = request.get().file();
    requireFree(cardFile, files);
    try {
      if (Files.exists(cardFile) && !writer.isGeneratedCard(cardFile)) {
        progress.notice(new Notice.ForeignCardKept(cardFile));
        return Optional.empty();
      }
      Path cardDir = cardFile.toAbsolutePath().getParent();
      var card = new DatasetCard(request.get().prettyName(), request.get().license(),
          format.name(), format.hfBuilderName(), configs(files, cardDir, training));
      Files.createDirectories(cardDir);
      writer.write(outputs.stage(cardFile), card);
      return Optional.of(cardFile);
    } catch (IOException e) {
      throw ExportIoException.of("cannot write the dataset card " + cardFile, e);
    }
  }

  /** One config per file with records: {@code default} for passed pairs, else {@code rejected}. */
  private List<DatasetCard.Config> configs(List<FileSummary> files, Path cardDir,
      TrainingSet training) {
    List<DatasetCard.Config> configs = new ArrayList<>();
    for (FileSummary file : files) {
      if (file.rows() == 0) {
        progress.notice(new Notice.CardConfigLeftOut(file.input()));
        continue;
      }
      List<DatasetCard.Split> splits = new ArrayList<>();
      for (FileSummary.SplitFiles split : file.curation().splits()) {
        if (split.rows() > 0) {
          splits.add(new DatasetCard.Split(split.name(), split.rows(),
              split.files().stream().map(path -> relative(cardDir, path)).toList()));
        }
      }
      configs.add(new DatasetCard.Config(
          file.shape().hasFailureReason() ? "rejected" : "default", file.shape(),
          relative(cardDir, file.output()), file.input().getFileName().toString(), file.rows(),
          file.personas(), file.scores(), file.defaultsApplied(), splits,
          curation(file, training, cardDir)));
    }
    return configs;
  }

  private static DatasetCard.Curation curation(FileSummary file, TrainingSet training,
      Path cardDir) {
    FileSummary.Curation done = file.curation();
    if (!done.active()) {
      return DatasetCard.Curation.NONE;
    }
    boolean passed = !file.shape().hasFailureReason();
    return new DatasetCard.Curation(training.minScore().orElse(Double.NaN),
        done.belowThreshold(), done.received(),
        passed ? training.dedup().name().toLowerCase(java.util.Locale.ROOT) : "none",
        training.dedupThreshold(), done.duplicates(),
        done.duplicatesFile().map(path -> relative(cardDir, path)).orElse(""));
  }

  private static String relative(Path cardDir, Path file) {
    return cardDir.relativize(file.toAbsolutePath()).toString().replace(File.separatorChar, '/');
  }

  private static void requireFree(Path cardFile, List<FileSummary> files)
      throws CardPathTakenException {
    for (FileSummary file : files) {
      for (Path taken : List.of(file.input(), file.output(), FileExport.errorsPath(file.output()))) {
        if (sameFile(cardFile, taken)) {
          throw new CardPathTakenException(cardFile, taken);
        }
      }
    }
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
