package io.qaexport.application.service;

import io.qaexport.application.port.in.CardPathTakenException;
import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ExportException;
import io.qaexport.application.port.in.ExportIoException;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
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
      List<FileSummary> files, OutputTransaction outputs) throws ExportException {
    if (request.isEmpty()) {
      return Optional.empty();
    }
    if (files.stream().allMatch(file -> file.exported() == 0)) {
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
          format.name(), format.hfBuilderName(), configs(files, cardDir));
      Files.createDirectories(cardDir);
      writer.write(outputs.stage(cardFile), card);
      return Optional.of(cardFile);
    } catch (IOException e) {
      throw ExportIoException.of("cannot write the dataset card " + cardFile, e);
    }
  }

  /** One config per file with records: {@code default} for passed pairs, else {@code rejected}. */
  private List<DatasetCard.Config> configs(List<FileSummary> files, Path cardDir) {
    List<DatasetCard.Config> configs = new ArrayList<>();
    for (FileSummary file : files) {
      if (file.exported() == 0) {
        progress.notice(new Notice.CardConfigLeftOut(file.input()));
        continue;
      }
      String relative = cardDir.relativize(file.output().toAbsolutePath()).toString()
          .replace(File.separatorChar, '/');
      configs.add(new DatasetCard.Config(
          file.shape().hasFailureReason() ? "rejected" : "default", file.shape(), relative,
          file.input().getFileName().toString(), file.exported(), file.personas(),
          file.scores(), file.defaultsApplied()));
    }
    return configs;
  }

  private static void requireFree(Path cardFile, List<FileSummary> files)
      throws CardPathTakenException {
    for (FileSummary file : files) {
      for (Path taken : List.of(file.input(), file.output(), FileExport.errorsPath(file.output()))) {
        if (OutputPaths.sameFile(cardFile, taken)) {
          throw new CardPathTakenException(cardFile, taken);
        }
      }
    }
  }
}
