package io.qaexport.application.service;

import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.ReferenceFile;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.in.failure.CardPathTakenException;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.application.port.out.DatasetCardWriter.PreviousCard;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.service.commit.FileIdentity;
import io.qaexport.application.service.commit.FileKinds;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.domain.card.DatasetCard;
import io.qaexport.domain.card.DatasetFacts;
import io.qaexport.domain.card.HubLicense;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the run gets a dataset card and what it says, and stages it with the outputs. A
 * README without qa-export's part is never replaced; in one with it, only that part changes. The
 * files an earlier card named that this export no longer writes go when the outputs land.
 */
final class CardPlanner {
  private final DatasetCardWriter writer;
  private final ExportProgress progress;
  private final List<ReferenceFile> references;

  /**
   * @param references the files {@code --decontaminate} read, which the card names
   */
  CardPlanner(DatasetCardWriter writer, ExportProgress progress, List<ReferenceFile> references) {
    this.writer = writer;
    this.progress = progress;
    this.references = references;
  }

  /** The card staged for this run's files, or empty when there is none (and why, as a notice). */
  Optional<Path> stage(
      Optional<CardRequest> request,
      OutputFormat format,
      List<FileSummary> files,
      TrainingSet training,
      OutputTransaction outputs)
      throws ExportException {
    if (request.isEmpty()) {
      return Optional.empty();
    }
    if (files.stream().allMatch(file -> file.rows() == 0)) {
      progress.notice(new Notice.NoCardForEmptyDataset());
      return Optional.empty();
    }
    Optional<FileSummary> passed =
        files.stream().filter(file -> !file.shape().hasFailureReason()).findFirst();
    if (passed.isPresent() && passed.get().rows() == 0) {
      progress.notice(new Notice.NoCardWithoutPassedPairs(passed.get().input()));
      return Optional.empty();
    }
    for (FileSummary file : files) {
      if (format.features(file.shape()).isEmpty()) {
        progress.notice(new Notice.NoCardForOwnLayout(format.name()));
        return Optional.empty();
      }
    }
    Path cardFile = request.get().file();
    requireFree(cardFile, files);
    try {
      Optional<PreviousCard> previous = Optional.empty();
      Optional<BasicFileAttributes> existing = FileKinds.of(cardFile);
      if (existing.isPresent() && existing.get().isSymbolicLink()) {
        // A link is not a card qa-export wrote: reading it could copy a private file's text.
        progress.notice(new Notice.ForeignCardKept(cardFile));
        return Optional.empty();
      }
      if (existing.isPresent() && !existing.get().isRegularFile()) {
        throw new ExportIoException(
            "cannot write the dataset card "
                + cardFile
                + ": it is "
                + FileKinds.describe(existing.get())
                + ", not a card; move it away",
            null);
      }
      if (existing.isPresent()) {
        try {
          previous = writer.read(cardFile);
        } catch (DatasetCardWriter.NotUpdatableException e) {
          progress.notice(new Notice.CardNotUpdatable(cardFile, e.getMessage()));
          return Optional.empty();
        }
        if (previous.isEmpty()) {
          progress.notice(new Notice.ForeignCardKept(cardFile));
          return Optional.empty();
        }
      }
      Path cardDir = cardFile.toAbsolutePath().getParent();
      var card =
          new DatasetCard(
              DatasetFacts.CARE_WORKER_QA,
              prettyName(request.get(), previous),
              license(request.get(), previous),
              request.get().repoId(),
              format.name(),
              format.hfBuilderName(),
              format.hubTask(),
              configs(format, files, cardDir, training));
      if (card.license().isUnknown()) {
        progress.notice(new Notice.NoLicense(cardFile));
      }
      previous.ifPresent(earlier -> removeStaleFiles(earlier, card, cardDir, files, outputs));
      Files.createDirectories(cardDir);
      writer.write(
          outputs.stage(cardFile),
          card,
          previous.isPresent() ? Optional.of(cardFile) : Optional.empty());
      return Optional.of(cardFile);
    } catch (IOException e) {
      throw ExportIoException.of("cannot write the dataset card " + cardFile, e);
    }
  }

  /** The name given on this run, else the earlier card's, else the default. */
  private static String prettyName(CardRequest request, Optional<PreviousCard> previous) {
    return request
        .prettyName()
        .or(() -> previous.flatMap(PreviousCard::prettyName).filter(name -> !name.isBlank()))
        .orElse(CardRequest.DEFAULT_PRETTY_NAME);
  }

  /**
   * The license given on this run, else the earlier card's (set by an earlier run or by hand) if
   * the Hub accepts it, else unknown.
   */
  private static HubLicense license(CardRequest request, Optional<PreviousCard> previous) {
    if (request.license().isPresent()) {
      return request.license().get();
    }
    if (previous.isEmpty() || previous.get().license().isEmpty()) {
      return HubLicense.UNKNOWN;
    }
    PreviousCard earlier = previous.get();
    try {
      return new HubLicense(earlier.license().get(), earlier.licenseName(), earlier.licenseLink());
    } catch (IllegalArgumentException notAcceptedByTheHub) {
      return HubLicense.UNKNOWN;
    }
  }

  /**
   * The data files the earlier card named that this export does not write (e.g. its JSONL after a
   * Parquet export), and their errors logs: qa-export wrote them, and left in place they would be
   * published with the dataset. Removed when this run's outputs land. Only regular files in the
   * card's directory or below are considered, never a file this run writes or reads.
   */
  private void removeStaleFiles(
      PreviousCard previous,
      DatasetCard card,
      Path cardDir,
      List<FileSummary> files,
      OutputTransaction outputs) {
    var current = new java.util.HashSet<String>();
    card.configs().forEach(config -> config.splits().forEach(s -> current.addAll(s.dataFiles())));
    for (String dataFile : previous.dataFiles()) {
      if (current.contains(dataFile)) {
        continue;
      }
      Path stale = cardDir.resolve(dataFile).normalize();
      if (!stale.startsWith(cardDir.normalize())
          || !Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)
          || files.stream()
              .anyMatch(
                  f ->
                      FileIdentity.sameFile(stale, f.input())
                          || FileIdentity.sameFile(stale, f.output()))) {
        continue;
      }
      progress.notice(new Notice.StaleFileRemoved(stale));
      outputs.removeOnCommit(stale);
      outputs.removeOnCommit(OutputPaths.errorsLog(stale));
      earlierLogs(stale, files).forEach(outputs::removeOnCommit);
    }
  }

  /**
   * The logs an earlier export in another format kept beside the output {@code stale} belonged to
   * ({@code qa_pairs.jsonl.duplicates.jsonl} for {@code qa_pairs-train.jsonl}): they describe data
   * that is going. A log this run writes is never removed (the commit skips its targets).
   */
  private static List<Path> earlierLogs(Path stale, List<FileSummary> files) {
    String name = stale.getFileName().toString();
    int dot = name.lastIndexOf('.');
    List<Path> logs = new ArrayList<>();
    for (FileSummary file : files) {
      String current = file.output().getFileName().toString();
      String base = current.substring(0, Math.max(0, current.lastIndexOf('.')));
      if (dot > 0 && !base.isEmpty() && name.startsWith(base)) {
        Path earlierOutput = stale.resolveSibling(base + name.substring(dot));
        for (Path log :
            List.of(
                OutputPaths.errorsLog(earlierOutput),
                OutputPaths.duplicatesLog(earlierOutput),
                OutputPaths.decontaminatedLog(earlierOutput))) {
          if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            logs.add(log);
          }
        }
      }
    }
    return logs;
  }

  /** One config per file with records: {@code default} for passed pairs, else {@code rejected}. */
  private List<DatasetCard.Config> configs(
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
        passed ? training.dedup().name().toLowerCase(java.util.Locale.ROOT) : "none",
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
            : DatasetCard.Decontamination.NONE);
  }

  private static String relative(Path cardDir, Path file) {
    return cardDir.relativize(file.toAbsolutePath()).toString().replace(File.separatorChar, '/');
  }

  private static void requireFree(Path cardFile, List<FileSummary> files)
      throws CardPathTakenException {
    for (FileSummary file : files) {
      for (Path taken :
          List.of(file.input(), file.output(), OutputPaths.errorsLog(file.output()))) {
        if (FileIdentity.sameFile(cardFile, taken)) {
          throw new CardPathTakenException(cardFile, taken);
        }
      }
    }
  }
}
