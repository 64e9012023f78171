package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportException;
import io.qaexport.application.port.out.DuplicateLog;
import io.qaexport.domain.HfRecord;
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
  private final OutputTransaction outputs;
  private final StagedLog<DuplicateLog> log;
  private final RecordSink next;
  private long count;

  DropDuplicates(DuplicateVerdicts verdicts, QuestionHashes hashes, Path output,
      OutputTransaction outputs, DuplicateLog.Factory logs, RecordSink next) {
    this.verdicts = verdicts;
    this.hashes = hashes;
    this.outputs = outputs;
    this.log = new StagedLog<>(logPath(output), outputs, logs::open);
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
    log.append(opened -> opened.append(lineNumber, verdict.duplicateOf(), verdict.similarity(),
        record));
  }

  @Override
  public void finish() throws ExportException {
    log.finish();
    if (count == 0) {
      // A log from an earlier run would describe other data: it goes when these outputs land.
      outputs.removeOnCommit(log.path());
    }
    next.finish();
  }

  long count() {
    return count;
  }

  /** The log, if any pair was dropped. */
  Path logPath() {
    return log.path();
  }

  /** Closes the log after a failure; the transaction removes its file. */
  void abandon() {
    log.abandon();
  }
}
