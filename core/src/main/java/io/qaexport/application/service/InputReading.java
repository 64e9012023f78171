package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.InvalidInputException;
import io.qaexport.application.port.out.CorruptInputException;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.application.service.files.InvalidLines;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.mapping.RecordMapper;
import java.io.IOException;
import java.nio.file.Path;

/** One input's lines, pulled one at a time: pairs mapped and passed on, the rest counted. */
final class InputReading {
  private static final int PROGRESS_EVERY_LINES = 1024;

  private final ExportCommand command;
  private long bytesReported;

  InputReading(ExportCommand command) {
    this.command = command;
  }

  record Read(FileSummaries.LinesRead lines, double maxScore) {}

  /** Every line of the input: pairs mapped into {@code records}, the rest counted or refused. */
  Read readAll(PairReader reader, ExportJob job, RecordSink records, InvalidLines invalid)
      throws ExportException {
    Path input = job.input();
    var mapper = new RecordMapper(command.strict());
    bytesReported = 0;
    long linesRead = 0;
    long blankLines = 0;
    double maxScore = Double.NEGATIVE_INFINITY;
    for (SourceLine line = next(reader, input, linesRead);
        line != null;
        line = next(reader, input, linesRead)) {
      if (++linesRead % PROGRESS_EVERY_LINES == 0) {
        command.progress().linesRead(linesRead);
      }
      if (line instanceof SourceLine.Pair pair) {
        HfRecord record;
        try {
          record = mapper.map(pair.pair(), job.shape());
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
    return new Read(new FileSummaries.LinesRead(linesRead, blankLines), maxScore);
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
  static InvalidInputException corrupt(Path input, long linesRead, CorruptInputException e) {
    return InvalidInputException.unreadable(input, linesRead + 1, e.getMessage());
  }
}
