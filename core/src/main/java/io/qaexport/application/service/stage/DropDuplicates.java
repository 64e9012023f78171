package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.DuplicateLog;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.application.service.files.QuestionHashes;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.application.service.files.StagedLog;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.dedup.DuplicateVerdicts;
import java.nio.file.Path;

/**
 * {@code --dedup}: a pair the first pass found to duplicate a kept one leaves the output and goes
 * to {@code <output>.duplicates.jsonl} with the kept pair's line and their similarity; the log is
 * staged with the outputs on the first one.
 */
public final class DropDuplicates implements RecordSink {

  private final DuplicateVerdicts verdicts;
  private final QuestionHashes hashes;
  private final OutputTransaction outputs;
  private final StagedLog<DuplicateLog> log;
  private final RecordSink next;
  private long count;

  public DropDuplicates(DuplicateVerdicts verdicts, QuestionHashes hashes, Path output,
      OutputTransaction outputs, DuplicateLog.Factory logs, RecordSink next) {
    this.verdicts = verdicts;
    this.hashes = hashes;
    this.outputs = outputs;
    this.log = new StagedLog<>(OutputPaths.duplicatesLog(output), outputs, logs::open);
    this.next = next;
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

  public long count() {
    return count;
  }

  /** The log, if any pair was dropped. */
  public Path logPath() {
    return log.path();
  }

  /** Closes the log after a failure; the transaction removes its file. */
  public void abandon() {
    log.abandon();
  }
}
