package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportException;
import io.qaexport.application.port.in.ExportIoException;
import io.qaexport.application.port.out.DuplicateLog;
import io.qaexport.domain.HfRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --dedup}: a pair the first pass found to duplicate a kept one leaves the output and goes
 * to {@code <output>.duplicates.jsonl} with the kept pair's line and their similarity; the log is
 * staged with the outputs on the first one.
 */
final class DropDuplicates implements RecordSink {
  static final String SUFFIX = ".duplicates.jsonl";

  private final DuplicateVerdicts verdicts;
  private final QuestionHashes hashes;
  private final Path logPath;
  private final OutputTransaction outputs;
  private final DuplicateLog.Factory logs;
  private final RecordSink next;
  private DuplicateLog log;
  private long count;

  DropDuplicates(DuplicateVerdicts verdicts, QuestionHashes hashes, Path output,
      OutputTransaction outputs, DuplicateLog.Factory logs, RecordSink next) {
    this.verdicts = verdicts;
    this.hashes = hashes;
    this.logPath = logPath(output);
    this.outputs = outputs;
    this.logs = logs;
    this.next = next;
  }

  static Path logPath(Path output) {
    return output.resolveSibling(output.getFileName() + SUFFIX);
  }

  @Override
  public void accept(long lineNumber, HfRecord record) throws ExportException {
    DuplicateVerdicts.Verdict verdict = verdicts.of(lineNumber, hashes.of(record));
    if (verdict == null) {
      next.accept(lineNumber, record);
      return;
    }
    count++;
    try {
      if (log == null) {
        log = logs.open(outputs.stage(logPath));
      }
      log.append(lineNumber, verdict.duplicateOf(), verdict.similarity(), record);
    } catch (IOException e) {
      throw ExportIoException.of("cannot write " + logPath, e);
    }
  }

  @Override
  public void finish() throws ExportException {
    if (log != null) {
      try {
        log.close();
      } catch (IOException e) {
        throw ExportIoException.of("cannot write " + logPath, e);
      } finally {
        log = null;
      }
    }
    if (count == 0) {
      // A log from an earlier run would describe other data: it goes when these outputs land.
      outputs.removeOnCommit(logPath);
    }
    next.finish();
  }

  long count() {
    return count;
  }

  /** The log, if any pair was dropped. */
  Path logPath() {
    return logPath;
  }

  /** Closes the log after a failure; the transaction removes its file. */
  void abandon() {
    if (log != null) {
      try {
        log.close();
      } catch (IOException ignored) {
        // The failure that ended the run is what the user is told.
      }
      log = null;
    }
  }
}
