package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.StagedLog;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A stage that logs each pair it leaves out, with its facts, to a log beside the output ({@code
 * <output>.duplicates.jsonl}): staged on the first pair, and removed at commit when this run leaves
 * none out, since an earlier run's log would describe other data.
 */
abstract class LoggingStage extends Stage {
  private final boolean applies;
  private final OutputTransaction outputs;
  private final StagedLog<LeftOutLog> log;
  private final String logDescription;

  /**
   * @param applies whether the stage runs on this output; if not, it passes every pair on and keeps
   *     no log
   */
  LoggingStage(
      String key,
      String label,
      String logDescription,
      boolean applies,
      Path log,
      OutputTransaction outputs,
      LeftOutLog.Factory logs,
      RecordShape shape) {
    super(key, label);
    this.applies = applies;
    this.outputs = outputs;
    this.logDescription = logDescription;
    this.log = new StagedLog<>(log, outputs, file -> logs.open(file, shape));
  }

  /** The facts to log about a pair this stage leaves out, or empty to pass it on. */
  protected abstract Optional<List<LeftOutLog.Fact>> leftOut(long lineNumber, HfRecord record)
      throws ExportException;

  @Override
  protected final boolean keeps(long lineNumber, HfRecord record) throws ExportException {
    if (!applies) {
      return true;
    }
    Optional<List<LeftOutLog.Fact>> facts = leftOut(lineNumber, record);
    if (facts.isEmpty()) {
      return true;
    }
    log.append(opened -> opened.append(facts.get(), record));
    return false;
  }

  @Override
  public final void finish() throws ExportException {
    if (applies) {
      log.finish();
      if (count().count() == 0) {
        outputs.removeOnCommit(log.path());
      }
    }
    super.finish();
  }

  @Override
  protected final String logDescription() {
    return logDescription;
  }

  @Override
  protected final Optional<Path> log() {
    return Optional.of(log.path());
  }

  @Override
  public final void abandon() {
    log.abandon();
  }
}
