package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportException;
import io.qaexport.application.port.in.ExportIoException;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.InvalidInputException;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.UsageException;
import io.qaexport.application.port.out.CorruptInputException;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.DefaultCounts;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.RecordMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Exports one input file: pulls its lines one at a time, maps each pair, and passes the records
 * on to the output; invalid lines go to the error policy. Every failure is caught at the call
 * that caused it and named there.
 */
final class FileExport {
  static final String ERRORS_SUFFIX = ".errors.jsonl";
  private static final int PROGRESS_EVERY_LINES = 1024;

  private final QaPairSource source;
  private final OutputFormat format;
  private final ExportCommand command;
  private final OutputTransaction outputs;
  private final InvalidLineLog.Factory invalidLineLogs;
  private long bytesReported;

  FileExport(QaPairSource source, OutputFormat format, ExportCommand command,
      OutputTransaction outputs, InvalidLineLog.Factory invalidLineLogs) {
    this.source = source;
    this.format = format;
    this.command = command;
    this.outputs = outputs;
    this.invalidLineLogs = invalidLineLogs;
  }

  FileSummary export(ExportJob job) throws ExportException {
    ExportProgress progress = command.progress();
    Path input = job.input();
    Path outputPath =
        command.outputDir().resolve(job.outputBaseName() + "." + format.fileExtension());
    var mapper = new RecordMapper(command.strict());
    var defaults = new DefaultCounts();
    var invalid = new InvalidLines(command.errorPolicy(), input, errorsPath(outputPath), outputs,
        invalidLineLogs);
    bytesReported = 0;
    long linesRead = 0;
    long blankLines = 0;
    long outputBytes;
    try (PairReader reader = open(input);
        RecordOutput output = RecordOutput.open(format, job.shape(), outputPath, outputs)) {
      progress.fileStarted(input, reader.sizeBytes());
      RecordSink records = output; // stages between mapping and writing wrap it here
      for (SourceLine line = next(reader, input, linesRead); line != null;
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
      return summary(job, output, outputBytes, linesRead, blankLines, invalid, defaults);
    } catch (IOException closingTheInput) {
      throw ExportIoException.of("cannot read " + input, closingTheInput);
    } finally {
      invalid.abandon();
    }
  }

  private FileSummary summary(ExportJob job, RecordOutput output, long outputBytes,
      long linesRead, long blankLines, InvalidLines invalid, DefaultCounts defaults) {
    if (invalid.count() == 0) {
      // A log from an earlier run would describe other data: it goes when these outputs land.
      outputs.removeOnCommit(invalid.logPath());
    }
    if (linesRead == 0) {
      command.progress().notice(new Notice.EmptyInput(job.input()));
    }
    command.progress().fileFinished(job.input());
    long exported = output.statistics().records();
    return new FileSummary(job.input(), job.shape(), output.path(), linesRead, exported,
        invalid.count(), blankLines, defaults.nonZero(),
        invalid.count() > 0 ? Optional.of(invalid.logPath()) : Optional.empty(), outputBytes,
        output.statistics().personaCounts(), output.statistics().scores());
  }

  private PairReader open(Path input) throws ExportException {
    try {
      return source.open(input);
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
  private static InvalidInputException corrupt(Path input, long linesRead,
      CorruptInputException e) {
    return InvalidInputException.unreadable(input, linesRead + 1, e.getMessage());
  }

  static Path errorsPath(Path output) {
    return output.resolveSibling(output.getFileName() + ERRORS_SUFFIX);
  }

}
