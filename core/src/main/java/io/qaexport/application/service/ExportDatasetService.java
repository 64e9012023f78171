package io.qaexport.application.service;

import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportDatasetUseCase;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.ReferenceQuestionReader;
import io.qaexport.application.service.commit.FileIdentity;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.DatasetFiles;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.application.service.stage.References;
import io.qaexport.application.service.stage.RejectedSurvey;
import io.qaexport.domain.SplitAssignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The export use case: resolve the format, open the output transaction, export each input file,
 * plan the dataset card, and commit every output together — or, on any failure, none.
 */
public final class ExportDatasetService implements ExportDatasetUseCase {
  private final QaPairSource source;
  private final FormatCatalog formats;
  private final InvalidLineLog.Factory invalidLineLogs;
  private final DatasetCardWriter cardWriter;
  private final LeftOutLog.Factory leftOutLogs;
  private final Supplier<ReferenceQuestionReader> parquetReferences;

  /**
   * @param formats output formats by name; only the chosen one is obtained from its supplier
   * @param parquetReferences reads {@code --decontaminate}'s Parquet references; obtained only when
   *     one is given
   */
  public ExportDatasetService(
      QaPairSource source,
      Map<String, Supplier<OutputFormat>> formats,
      InvalidLineLog.Factory invalidLineLogs,
      DatasetCardWriter cardWriter,
      LeftOutLog.Factory leftOutLogs,
      Supplier<ReferenceQuestionReader> parquetReferences) {
    this.source = source;
    this.formats = new FormatCatalog(formats);
    this.invalidLineLogs = invalidLineLogs;
    this.cardWriter = cardWriter;
    this.leftOutLogs = leftOutLogs;
    this.parquetReferences = parquetReferences;
  }

  @Override
  public List<FormatInfo> availableFormats() {
    return formats.infos();
  }

  @Override
  public ExportSummary export(ExportCommand command) throws ExportException {
    OutputFormat format = formats.find(command.formatName());
    requireInputs(command.jobs());
    requireReferencesApart(command);
    format = FormatCatalog.configured(format, command.formatOptions());
    OutputPaths.requireFree(command, format, List.of());
    List<ExportJob> jobs = jobsTheFormatTakes(command, format);
    // Read whole before anything is written: a reference may be an earlier export here.
    References references =
        References.read(command.trainingSet().decontamination(), source, parquetReferences);
    DatasetFiles.Layout rejectedLayout =
        format.refusal(command.rejectedShape()).isPresent()
            ? DatasetFiles.Layout.single(1)
            : RejectedSurvey.layout(
                source,
                jobs,
                command.strict(),
                command.trainingSet(),
                format.extraBytesPerRow(command.rejectedShape()),
                command.progress());
    try (OutputTransaction outputs =
            OutputTransaction.begin(
                command.outputDir(),
                command.progress(),
                OutputTransaction.FileOps.REAL,
                ownNames(command),
                cardOutside(command));
        RejectedOutput rejected = new RejectedOutput(format, command, outputs, rejectedLayout)) {
      long started = System.nanoTime(); // after any wait for another run's lock
      outputs.protect(command.jobs().stream().map(ExportJob::input).toList());
      var fileExport =
          new FileExport(
              source, format, command, outputs, invalidLineLogs, leftOutLogs, references);
      List<FileSummary> files = new ArrayList<>();
      for (ExportJob job : jobs) {
        files.add(fileExport.export(job, rejected));
      }
      boolean rejectedInput = files.stream().anyMatch(f -> f.shape().hasFailureReason());
      if (rejected.holdsOnlyMovedPairs(rejectedInput)) {
        files.add(fileExport.movedPairsOnly(files.get(0), rejected));
      }
      fileExport.requireRecordsExported(files);
      command
          .trainingSet()
          .split()
          .ifPresent(split -> tellSplitsFarFromTheirShare(split, files, command.progress()));
      Optional<Path> card =
          new CardPlanner(cardWriter, command.progress(), references.files())
              .stage(command.datasetCard(), format, files, command.trainingSet(), outputs);
      outputs.commit();
      return new ExportSummary(
          files,
          format.name(),
          format.hfBuilderName(),
          command.outputDir(),
          Duration.ofNanos(System.nanoTime() - started),
          card,
          references.files());
    }
  }

  /**
   * Splits at least ten rows away from their share, and under half or over one and a half times it,
   * and splits left empty: a user who asked for 50/50 and got 99/1, or a test split of nothing,
   * should hear of it, not find it in the card.
   */
  private static void tellSplitsFarFromTheirShare(
      SplitAssignment split, List<FileSummary> files, ExportProgress progress) {
    for (FileSummary file : files) {
      List<FileSummary.SplitFiles> splits = file.curation().splits();
      if (file.shape().hasFailureReason() || splits.size() != split.size()) {
        continue;
      }
      for (int i = 0; i < splits.size(); i++) {
        if (!splits.get(i).name().equals(split.name(i))) {
          return; // not in the assignment's order: nothing to compare
        }
      }
      long total = splits.stream().mapToLong(FileSummary.SplitFiles::rows).sum();
      for (int i = 0; i < splits.size(); i++) {
        double expected = split.splits().get(i).fraction() * total;
        long rows = splits.get(i).rows();
        boolean far =
            Math.abs(rows - expected) >= 10 && (rows < expected / 2 || rows > expected * 1.5);
        if (far || (rows == 0 && total > 0)) {
          progress.notice(
              new Notice.SplitFarFromItsShare(
                  splits.get(i).name(), rows, total, split.splits().get(i).fraction()));
        }
      }
    }
  }

  @Override
  public void checkOutputs(ExportCommand command, List<Path> callerOutputs) throws ExportException {
    OutputPaths.requireFree(command, formats.find(command.formatName()), callerOutputs);
  }

  /** The dataset card, when this run writes it outside the output directory. */
  private static Set<Path> cardOutside(ExportCommand command) {
    Path directory = command.outputDir().toAbsolutePath().normalize();
    return command
        .datasetCard()
        .map(card -> card.file().toAbsolutePath().normalize())
        .filter(card -> !directory.equals(card.getParent()))
        .map(Set::of)
        .orElse(Set.of());
  }

  /** The names of this run's outputs: each output's base name (and its logs, splits, shards). */
  private static Predicate<String> ownNames(ExportCommand command) {
    List<String> stems = new ArrayList<>();
    command.jobs().forEach(job -> stems.add(job.outputBaseName()));
    stems.add(command.trainingSet().rejectedOutputBaseName());
    command.datasetCard().ifPresent(card -> stems.add(card.file().getFileName().toString()));
    stems.add(CardRequest.FILE_NAME); // an earlier card there is withdrawn when none is written

    return name -> stems.stream().anyMatch(name::startsWith);
  }

  private static void requireInputs(List<ExportJob> jobs) throws ExportException {
    for (ExportJob job : jobs) {
      try {
        Files.readAttributes(job.input(), BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        throw new UsageException(job.input() + ": no such file");
      } catch (IOException e) {
        throw ExportIoException.of("cannot read " + job.input(), e); // e.g. permission denied
      }
    }
  }

  /**
   * A decontamination reference that is the passed file itself would leave out every passed pair: a
   * mistake, not a dataset.
   */
  private static void requireReferencesApart(ExportCommand command) throws UsageException {
    for (Path reference : command.trainingSet().decontamination().references()) {
      for (ExportJob job : command.jobs()) {
        if (!job.shape().hasFailureReason()
            && Files.isRegularFile(reference)
            && FileIdentity.sameFile(reference, job.input())) {
          throw new UsageException(
              "the decontamination reference "
                  + reference
                  + " is the passed file itself: every passed pair would be left out");
        }
      }
    }
  }

  /** The inputs the format takes; those it refuses are left out, with a notice. */
  private static List<ExportJob> jobsTheFormatTakes(ExportCommand command, OutputFormat format)
      throws UsageException {
    List<ExportJob> jobs = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    for (ExportJob job : command.jobs()) {
      Optional<String> refusal = format.refusal(job.shape());
      if (refusal.isPresent()) {
        refusals.add(job.input() + " was not exported: " + refusal.get());
        command.progress().notice(new Notice.InputRefused(job.input(), refusal.get()));
      } else {
        jobs.add(job);
      }
    }
    if (jobs.isEmpty()) {
      throw new UsageException(
          "format '"
              + format.name()
              + "' exports none of the inputs: "
              + String.join("; ", refusals));
    }
    return jobs;
  }
}
