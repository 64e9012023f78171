package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.StageCount;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.InvalidInputException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.CorruptInputException;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.DatasetFiles;
import io.qaexport.application.service.files.InvalidLines;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.application.service.files.QuestionHashes;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.application.service.files.SkipBudget;
import io.qaexport.application.service.stage.PassedSurvey;
import io.qaexport.application.service.stage.References;
import io.qaexport.application.service.stage.Stages;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.mapping.DefaultCounts;
import io.qaexport.domain.mapping.RecordMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Exports one input file: pulls its lines one at a time, maps each pair, and passes the records on
 * through the training-set stages (score threshold, deduplication) to the output's files; invalid
 * lines go to the error policy. Deduplication and shard sizes need a first pass over the passed
 * file ({@link PassedSurvey}). Every failure is caught at the call that caused it and named there.
 */
final class FileExport {
  private static final int PROGRESS_EVERY_LINES = 1024;

  private final QaPairSource source;
  private final OutputFormat format;
  private final ExportCommand command;
  private final OutputTransaction outputs;
  private final InvalidLineLog.Factory invalidLineLogs;
  private final SkipBudget skips;
  private final LeftOutLog.Factory leftOutLogs;
  private final References references;
  private final DatasetFiles.Layout rejectedLayout;
  private long bytesReported;

  FileExport(
      QaPairSource source,
      OutputFormat format,
      ExportCommand command,
      OutputTransaction outputs,
      InvalidLineLog.Factory invalidLineLogs,
      LeftOutLog.Factory leftOutLogs,
      References references,
      DatasetFiles.Layout rejectedLayout) {
    this.source = source;
    this.format = format;
    this.command = command;
    this.outputs = outputs;
    this.invalidLineLogs = invalidLineLogs;
    this.skips = new SkipBudget(command.maxErrors());
    this.leftOutLogs = leftOutLogs;
    this.references = references;
    this.rejectedLayout = rejectedLayout;
  }

  /** After the last file: a run that skipped records must have exported some, unless limited. */
  void requireRecordsExported(List<FileSummary> files) throws ExportException {
    skips.requireRecordsExported(files.stream().mapToLong(FileSummary::exported).sum());
  }

  /**
   * @param moved for the passed file, where pairs below the score threshold go; for the rejected
   *     file, the output they were written to, which its records then follow
   */
  FileSummary export(ExportJob job, MovedPairs moved) throws ExportException {
    ExportProgress progress = command.progress();
    Path input = job.input();
    Path outputPath = OutputPaths.outputPath(command, job, format);
    TrainingSet training = command.trainingSet();
    boolean passed = !job.shape().hasFailureReason();
    PassedSurvey.Result survey =
        passed && needsSurvey(job, training)
            ? PassedSurvey.run(
                source, input, job.shape(), command.strict(), training, references, progress)
            : PassedSurvey.Result.none(training, passed);
    var mapper = new RecordMapper(command.strict());
    var defaults = new DefaultCounts();
    var invalid =
        new InvalidLines(
            command.errorPolicy(),
            input,
            OutputPaths.errorsLog(outputPath),
            outputs,
            invalidLineLogs,
            skips);
    var hashes = new QuestionHashes();
    long received = passed ? 0 : moved.count();
    bytesReported = 0;
    long linesRead = 0;
    long blankLines = 0;
    double maxScore = Double.NEGATIVE_INFINITY;
    long outputBytes;
    Stages stages = null;
    try (PairReader reader = open(input, job);
        DatasetFiles output = outputFor(job, outputPath, passed, moved, hashes, survey)) {
      progress.fileStarted(input, reader.sizeBytes());
      stages =
          Stages.open(
              new Stages.Setup(
                  job,
                  training,
                  outputPath,
                  outputs,
                  leftOutLogs,
                  format.refusal(command.rejectedShape()).isEmpty() ? moved : null,
                  survey.verdicts(),
                  hashes,
                  references),
              output);
      RecordSink records = stages.head();
      for (SourceLine line = next(reader, input, linesRead);
          line != null;
          line = next(reader, input, linesRead)) {
        if (++linesRead % PROGRESS_EVERY_LINES == 0) {
          progress.linesRead(linesRead);
        }
        if (line instanceof SourceLine.Pair pair) {
          HfRecord record;
          try {
            record = mapper.map(pair.pair(), job.shape(), defaults);
          } catch (InvalidRecordException e) {
            invalid.add(pair.lineNumber(), 0, e.reason(), pair.raw());
            continue;
          }
          maxScore = Math.max(maxScore, record.validationScore());
          records.accept(pair.lineNumber(), record);
        } else if (line instanceof SourceLine.Invalid bad) {
          invalid.add(bad.lineNumber(), bad.column(), bad.reason(), bad.raw());
        } else {
          blankLines++;
        }
      }
      records.finish();
      outputBytes = output.complete();
      invalid.finish();
      var curation = curation(training, stages.counts(), received, output);
      if (passed
          && training.minScore().isPresent()
          && maxScore > Double.NEGATIVE_INFINITY
          && maxScore < training.minScore().getAsDouble()) {
        progress.notice(
            new Notice.ThresholdAboveEveryScore(training.minScore().getAsDouble(), maxScore));
      }
      try {
        output.staleFiles().forEach(outputs::removeOnCommit);
      } catch (IOException e) {
        throw ExportIoException.of("cannot list " + command.outputDir(), e);
      }
      return summary(job, output, outputBytes, linesRead, blankLines, invalid, defaults, curation);
    } catch (IOException closingTheInput) {
      throw ExportIoException.of("cannot read " + input, closingTheInput);
    } finally {
      invalid.abandon();
      if (stages != null) {
        stages.abandon();
      }
    }
  }

  /**
   * The summary of a rejected output that holds only pairs moved below the threshold: the stages of
   * {@code passed} ran on none of its pairs.
   */
  FileSummary movedOnly(FileSummary passed, MovedPairs moved) throws ExportException {
    Path passedInput = passed.input();
    try (DatasetFiles output = moved.take()) {
      long bytes = output.complete();
      var curation =
          new FileSummary.Curation(
              true,
              passed.curation().stages().stream().map(StageCount::none).toList(),
              moved.count(),
              output.splitFiles());
      return new FileSummary(
          passedInput,
          command.rejectedShape(),
          output.path(),
          0,
          0,
          0,
          0,
          java.util.Map.of(),
          Optional.empty(),
          bytes,
          output.statistics().personaCounts(),
          output.statistics().scores(),
          output.arrowBytes(),
          output.statistics().first(),
          curation,
          output.statistics().keptNulls());
    }
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
    // The output is smaller than the plain input but for defaults; at half the shard size no
    // split can need two shards.
    long plainSize;
    try (PairReader probe = open(job.input(), job)) {
      plainSize = DatasetFiles.plainSizeBound(probe, job.input());
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + job.input(), e);
    }
    return plainSize > training.maxShardBytes() / 2;
  }

  private DatasetFiles outputFor(
      ExportJob job,
      Path outputPath,
      boolean passed,
      MovedPairs moved,
      QuestionHashes hashes,
      PassedSurvey.Result survey)
      throws ExportException {
    if (!passed && moved.count() > 0) {
      return moved.take();
    }
    return new DatasetFiles(
        format,
        job.shape(),
        outputPath,
        outputs,
        passed ? command.trainingSet().split().orElse(null) : null,
        survey.chooser(),
        hashes,
        passed ? survey.layout() : rejectedLayout);
  }

  private static FileSummary.Curation curation(
      TrainingSet training, List<StageCount> stages, long received, DatasetFiles output) {
    List<FileSummary.SplitFiles> splits = output.splitFiles();
    boolean sharded = splits.stream().anyMatch(split -> split.files().size() > 1);
    // With any stage, every output states its splits, so the card gives exact sizes throughout.
    if (!training.curates() && received == 0 && !sharded) {
      return FileSummary.Curation.NONE;
    }
    return new FileSummary.Curation(true, stages, received, splits);
  }

  private FileSummary summary(
      ExportJob job,
      DatasetFiles output,
      long outputBytes,
      long linesRead,
      long blankLines,
      InvalidLines invalid,
      DefaultCounts defaults,
      FileSummary.Curation curation) {
    if (invalid.count() == 0) {
      // A log from an earlier run would describe other data: it goes when these outputs land.
      outputs.removeOnCommit(invalid.logPath());
    }
    if (linesRead == 0) {
      command.progress().notice(new Notice.EmptyInput(job.input()));
    }
    command.progress().fileFinished(job.input());
    List<Column.Kept> kept = job.shape().keptColumns();
    List<Long> keptNulls = output.statistics().keptNulls();
    for (int i = 0; i < keptNulls.size(); i++) {
      if (keptNulls.get(i) == output.statistics().records()) {
        command
            .progress()
            .notice(
                new Notice.KeptColumnAlwaysNull(
                    job.input(), kept.get(i).name(), kept.get(i).path()));
      }
    }
    long exported = output.statistics().records() - curation.received();
    return new FileSummary(
        job.input(),
        job.shape(),
        output.path(),
        linesRead,
        exported,
        invalid.count(),
        blankLines,
        defaults.nonZero(),
        invalid.count() > 0 ? Optional.of(invalid.logPath()) : Optional.empty(),
        outputBytes,
        output.statistics().personaCounts(),
        output.statistics().scores(),
        output.arrowBytes(),
        output.statistics().first(),
        curation,
        output.statistics().keptNulls());
  }

  private PairReader open(Path input, ExportJob job) throws ExportException {
    try {
      return source.open(input, job.shape());
    } catch (CorruptInputException e) {
      throw corrupt(input, 0, e);
    } catch (NoSuchFileException e) {
      throw new UsageException(input + ": no such file");
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + input, e);
    }
  }

  private SourceLine next(PairReader reader, Path input, long linesRead) throws ExportException {
    try {
      SourceLine line = reader.next();
      if (reader.bytesRead() != bytesReported) {
        bytesReported = reader.bytesRead();
        command.progress().bytesRead(bytesReported);
      }
      return line;
    } catch (CorruptInputException e) {
      throw corrupt(input, linesRead, e);
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + input, e);
    }
  }

  /** Undecodable bytes end the run whatever the error policy: no later line can be trusted. */
  private static InvalidInputException corrupt(
      Path input, long linesRead, CorruptInputException e) {
    return InvalidInputException.unreadable(input, linesRead + 1, e.getMessage());
  }
}
