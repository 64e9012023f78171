package io.qaexport.application.service.files;

import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.InvalidInputException;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.RawLine;
import io.qaexport.application.service.commit.OutputTransaction;
import java.nio.file.Path;

/**
 * The error policy, applied to one input file's invalid lines: under {@code fail} the first one
 * stops the run; under {@code skip} each is counted and copied to the errors log, which is opened
 * (staged with the outputs) on the first one.
 */
public final class InvalidLines {
  private final ErrorPolicy policy;
  private final Path input;
  private final StagedLog<InvalidLineLog> log;
  private final SkipBudget budget;
  private long count;

  public InvalidLines(
      ErrorPolicy policy,
      Path input,
      Path logPath,
      OutputTransaction outputs,
      InvalidLineLog.Factory logs,
      SkipBudget budget) {
    this.budget = budget;
    this.policy = policy;
    this.input = input;
    this.log = new StagedLog<>(logPath, outputs, logs::open);
  }

  /**
   * @param column 1-based, or 0 when no single place is to blame
   */
  public void add(long lineNumber, int column, String reason, RawLine raw) throws ExportException {
    if (policy == ErrorPolicy.FAIL) {
      throw new InvalidInputException(input, lineNumber, column, reason);
    }
    count++;
    budget.spend(input, lineNumber);
    byte[] bytes = raw.copyBytes();
    log.append(opened -> opened.append(lineNumber, column, reason, bytes));
  }

  public long count() {
    return count;
  }

  /** The log of this run's skipped lines, if any were skipped. */
  public Path logPath() {
    return log.path();
  }

  /** Completes the log, if one was opened. */
  public void finish() throws ExportIoException {
    log.finish();
  }

  /** Closes the log after a failure; the transaction removes its file. */
  public void abandon() {
    log.abandon();
  }
}
