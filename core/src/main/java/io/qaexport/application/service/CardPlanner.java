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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  /**
   * The card staged for this run's files, or empty when there is none (and why, as a notice). When
   * the run writes no card in the output directory (none at all, or one elsewhere), qa-export's
   * card of an earlier export there is withdrawn: left as it was, {@code load_dataset(dir)} would
   * load the earlier export's files, which this run's cleanup then leaves in place.
   */
  Optional<Path> stage(
      Optional<CardRequest> request,
      OutputFormat format,
      List<FileSummary> files,
      TrainingSet training,
      OutputTransaction outputs)
      throws ExportException {
    Path inDirectory = outputs.directory().resolve(CardRequest.FILE_NAME);
    if (request.isEmpty()) {
      withdrawInDirectory(inDirectory, files, outputs, "it was asked to write none");
      return Optional.empty();
    }
    Path cardFile = request.get().file();
    if (!FileIdentity.sameFile(cardFile, inDirectory)) {
      withdrawInDirectory(inDirectory, files, outputs, "its card was written to another file");
    }
    return stageRequested(request.get(), format, files, training, outputs);
  }

  private Optional<Path> stageRequested(
      CardRequest request,
      OutputFormat format,
      List<FileSummary> files,
      TrainingSet training,
      OutputTransaction outputs)
      throws ExportException {
    if (files.stream().allMatch(file -> file.rows() == 0)) {
      progress.notice(new Notice.NoCardForEmptyDataset());
      withdrawEarlier(request.file(), files, outputs, "it exported no records");
      return Optional.empty();
    }
    Optional<FileSummary> passed =
        files.stream().filter(file -> !file.shape().hasFailureReason()).findFirst();
    if (passed.isPresent() && passed.get().rows() == 0) {
      progress.notice(new Notice.NoCardWithoutPassedPairs(passed.get().input()));
      withdrawEarlier(
          request.file(),
          files,
          outputs,
          "it kept no passed pair, and a card of the rejected pairs alone would make"
              + " `load_dataset(dir)` return them as the dataset");
      return Optional.empty();
    }
    for (FileSummary file : files) {
      if (format.features(file.shape()).isEmpty()) {
        progress.notice(new Notice.NoCardForOwnLayout(format.name()));
        withdrawEarlier(
            request.file(),
            files,
            outputs,
            "its format, '"
                + format.name()
                + "', has a row layout whose features a card cannot"
                + " declare");
        return Optional.empty();
      }
    }
    Path cardFile = request.file();
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
              prettyName(request, previous),
              license(request, previous, cardFile),
              request.repoId(),
              format.name(),
              format.hfBuilderName(),
              format.hubTask(),
              new CardConfigs(progress, references).of(format, files, cardDir, training));
      if (card.license().isUnknown()) {
        progress.notice(new Notice.NoLicense(cardFile));
      }
      previous.ifPresent(
          earlier ->
              StaleCardFiles.removeOnCommit(progress, earlier, card, cardDir, files, outputs));
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

  /**
   * When this run writes no card but qa-export's card of an earlier export is where it would go,
   * that card is staged without the earlier export's configs, features and counts: left as it was,
   * it would name files this run replaced or removed, and {@code load_dataset(dir)} would fail on
   * them (or count rows that are gone). A card qa-export did not write, or cannot update, is left.
   */
  private void withdrawEarlier(
      Path cardFile, List<FileSummary> files, OutputTransaction outputs, String why)
      throws ExportException {
    try {
      Optional<BasicFileAttributes> existing = FileKinds.of(cardFile);
      if (existing.isEmpty() || !existing.get().isRegularFile()) {
        return; // nothing there, or a link or directory, which is never qa-export's card
      }
      requireFree(cardFile, files);
      Optional<PreviousCard> previous;
      try {
        previous = writer.read(cardFile);
      } catch (DatasetCardWriter.NotUpdatableException e) {
        progress.notice(new Notice.CardNotUpdatable(cardFile, e.getMessage()));
        return;
      }
      if (previous.isEmpty()) {
        return;
      }
      Path cardDir = cardFile.toAbsolutePath().getParent();
      List<String> runFiles = new ArrayList<>();
      for (Path written : StaleCardFiles.writtenBy(files)) {
        if (written.startsWith(cardDir.normalize())) {
          runFiles.add(cardDir.normalize().relativize(written).toString().replace('\\', '/'));
        }
      }
      StaleCardFiles.removeOnCommit(
          progress, previous.get(), Set.copyOf(runFiles), cardDir, files, outputs);
      writer.withdraw(outputs.stage(cardFile), cardFile, why, runFiles);
      if (previous.get().declaresData()) {
        progress.notice(new Notice.CardWithdrawn(cardFile, why));
      }
    } catch (IOException e) {
      throw ExportIoException.of("cannot update the dataset card " + cardFile, e);
    }
  }

  /**
   * {@link #withdrawEarlier} for the output directory's card when the run was not asked for it: a
   * file there that cannot be read, or that the run reads or writes, is left as it is.
   */
  private void withdrawInDirectory(
      Path cardFile, List<FileSummary> files, OutputTransaction outputs, String why)
      throws ExportException {
    if (!Files.isReadable(cardFile) || taken(cardFile, files)) {
      return;
    }
    withdrawEarlier(cardFile, files, outputs, why);
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
  private HubLicense license(CardRequest request, Optional<PreviousCard> previous, Path cardFile) {
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
      progress.notice(new Notice.EarlierLicenseDropped(cardFile, earlier.license().get()));
      return HubLicense.UNKNOWN;
    }
  }

  private static boolean taken(Path cardFile, List<FileSummary> files) {
    try {
      requireFree(cardFile, files);
      return false;
    } catch (CardPathTakenException taken) {
      return true;
    }
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
