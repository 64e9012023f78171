package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.CorruptInputException;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.service.commit.FileIdentity;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.DatasetFiles;
import io.qaexport.application.service.files.InvalidLines;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.application.service.files.QuestionHashes;
import io.qaexport.application.service.files.SkipBudget;
import io.qaexport.application.service.stage.PassedSurvey;
import io.qaexport.application.service.stage.References;
import io.qaexport.application.service.stage.Stages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports one input file: pulls its lines one at a time, maps each pair, and passes the records on
 * through the training-set stages (score threshold, deduplication) to the output's files; invalid
 * lines go to the error policy. Deduplication and shard sizes need a first pass over the passed
 * file ({@link PassedSurvey}). Every failure is caught at the call that caused it and named there.
 */
final class FileExport {
  private final QaPairSource source;
  private final OutputFormat format;
  private final ExportCommand command;
  private final OutputTransaction outputs;
  private final InvalidLineLog.Factory invalidLineLogs;
  private final SkipBudget skips;
  private final LeftOutLog.Factory leftOutLogs;
  private final References references;
  private final FileSummaries summaries;

  FileExport(
      QaPairSource source,
      OutputFormat format,
      ExportCommand command,
      OutputTransaction outputs,
      InvalidLineLog.Factory invalidLineLogs,
      LeftOutLog.Factory leftOutLogs,
      References references) {
    this.source = source;
    this.format = format;
    this.command = command;
    this.outputs = outputs;
    this.invalidLineLogs = invalidLineLogs;
    this.skips = new SkipBudget(command.maxErrors());
    this.leftOutLogs = leftOutLogs;
    this.references = references;
    this.summaries = new FileSummaries(command, outputs);
  }

  /** After the last file: each file that had records skipped must have had valid ones. */
  void requireRecordsExported(List<FileSummary> files) throws ExportException {
    for (FileSummary file : files) {
      skips.requireValidRecords(
          file.input(), file.skipped(), file.exported() + file.curation().leftOut());
    }
  }

  /**
   * Reads one input through the mapper and the stages into its output: the passed file into its
   * own, the rejected file into {@code rejected}, which it completes (its last source).
   */
  FileSummary export(ExportJob job, RejectedOutput rejected) throws ExportException {
    ExportProgress progress = command.progress();
    Path input = job.input();
    Path outputPath = OutputPaths.outputPath(command, job, format);
    TrainingSet training = command.trainingSet();
    boolean passed = !job.shape().hasFailureReason();
    PassedSurvey.Result survey =
        passed && needsSurvey(job, training)
            ? PassedSurvey.run(
                source,
                input,
                job.shape(),
                command.strict(),
                training,
                references,
                format.extraBytesPerRow(job.shape()),
                progress)
            : PassedSurvey.Result.none(training, passed);
    var invalid =
        new InvalidLines(
            command.errorPolicy(),
            input,
            OutputPaths.errorsLog(outputPath),
            outputs,
            invalidLineLogs,
            skips);
    var hashes = new QuestionHashes();
    Stages stages = null;
    try (PairReader reader = open(input, job);
        DatasetFiles output =
            passed ? passedFiles(job, outputPath, hashes, survey) : rejected.files()) {
      progress.fileStarted(input, reader.sizeBytes());
      stages =
          Stages.open(
              new Stages.Setup(
                  job,
                  training,
                  outputPath,
                  outputs,
                  leftOutLogs,
                  rejected.movedPairsSink(),
                  survey.verdicts(),
                  hashes,
                  references),
              output);
      InputReading.Read read =
          new InputReading(command).readAll(reader, job, stages.head(), invalid);
      long outputBytes = output.complete();
      invalid.finish();
      if (passed
          && training.minScore().isPresent()
          && read.maxScore() > Double.NEGATIVE_INFINITY
          && read.maxScore() < training.minScore().getAsDouble()) {
        progress.notice(
            new Notice.ThresholdAboveEveryScore(
                training.minScore().getAsDouble(), read.maxScore()));
      }
      try {
        for (Path stale : output.staleFiles()) {
          if (command.jobs().stream().noneMatch(j -> FileIdentity.sameFile(stale, j.input()))) {
            progress.notice(new Notice.StaleFileRemoved(stale)); // an input is kept: no notice
          }
          outputs.removeOnCommit(stale);
        }
      } catch (IOException e) {
        throw ExportIoException.of("cannot list " + command.outputDir(), e);
      }
      return summaries.of(
          job,
          output,
          outputBytes,
          read.lines(),
          invalid,
          stages.counts(),
          passed ? 0 : rejected.movedPairs());
    } catch (IOException closingTheInput) {
      throw ExportIoException.of("cannot read " + input, closingTheInput);
    } finally {
      invalid.abandon();
      if (stages != null) {
        stages.abandon();
      }
    }
  }

  /** The rejected output when only pairs moved below the threshold fill it. */
  FileSummary movedPairsOnly(FileSummary passed, RejectedOutput rejected) throws ExportException {
    return summaries.movedPairsOnly(passed, rejected);
  }

  /**
   * Whether the passed file needs a first pass: to find duplicates, to stratify, or to size its
   * shards. A stream (stdin, a pipe) cannot be read twice: it is not sharded, and deduplication and
   * stratification refuse it.
   */
  private boolean needsSurvey(ExportJob job, TrainingSet training) throws ExportException {
    boolean needsAllPairs =
        training.dedup() != TrainingSet.Dedup.NONE
            || training.stratifies()
            || training.clustersForSplit();
    if (!Files.isRegularFile(job.input())) {
      if (needsAllPairs) {
        throw new UsageException(
            job.input()
                + " is not a regular file: deduplication and"
                + " stratification read the passed pairs twice, which a stream cannot give");
      }
      return false;
    }
    if (needsAllPairs) {
      return true;
    }
    // The output is smaller than the plain input but for defaults and the format's extra bytes
    // per row; at half the shard size no split can need two shards.
    int extraBytesPerRow = format.extraBytesPerRow(job.shape());
    long plainSize;
    try (PairReader probe = open(job.input(), job)) {
      plainSize = DatasetFiles.plainSizeBound(probe, job.input());
      if (extraBytesPerRow > 0) {
        if (probe.sizeBytes() < 0) {
          return true; // compressed: its lines are not counted without decoding it
        }
        plainSize += (lineBreaks(job.input()) + 1) * extraBytesPerRow;
      }
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + job.input(), e);
    }
    return plainSize > training.maxShardBytes() / 2;
  }

  /**
   * The {@code \n} bytes of a plain file: a bound on its rows at a small fraction of a first pass's
   * cost (no parsing), so a format's extra bytes per row need that pass only when they can matter.
   */
  private static long lineBreaks(Path file) throws IOException {
    long count = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            count++;
          }
        }
      }
    }
    return count;
  }

  private DatasetFiles passedFiles(
      ExportJob job, Path outputPath, QuestionHashes hashes, PassedSurvey.Result survey)
      throws ExportException {
    return new DatasetFiles(
        format,
        job.shape(),
        outputPath,
        outputs,
        command.trainingSet().split().orElse(null),
        survey.chooser(),
        hashes,
        survey.layout());
  }

  private PairReader open(Path input, ExportJob job) throws ExportException {
    try {
      return source.open(input, job.shape());
    } catch (CorruptInputException e) {
      throw InputReading.corrupt(input, 0, e);
    } catch (NoSuchFileException e) {
      throw new UsageException(input + ": no such file");
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + input, e);
    }
  }
}
