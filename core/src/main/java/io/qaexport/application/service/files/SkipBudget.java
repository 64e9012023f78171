package io.qaexport.application.service.files;

import io.qaexport.application.port.in.failure.InvalidRecordsLimitException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The invalid records a run skips, counted across its files against its limit. Without a limit, any
 * number may be skipped, but not every record: a run that exports nothing fails.
 */
public final class SkipBudget {
  private final OptionalLong limit;
  private long skipped;

  public SkipBudget(OptionalLong limit) {
    this.limit = limit;
  }

  /** Counts one skipped record; past the limit, the run stops. */
  void spend(Path input, long lineNumber) throws InvalidRecordsLimitException {
    skipped++;
    if (limit.isPresent() && skipped > limit.getAsLong()) {
      throw new InvalidRecordsLimitException(skipped, limit, input + ":" + lineNumber);
    }
  }

  /**
   * Without a limit, fails a run with a file whose every record was skipped: a foreign file (the
   * wrong one, gzipped, UTF-16) is no empty dataset, even when the run's other file has records.
   *
   * @param valid the file's records that were valid (exported or left out by a stage)
   */
  public void requireValidRecords(Path input, long skippedInFile, long valid)
      throws InvalidRecordsLimitException {
    if (limit.isEmpty() && skippedInFile > 0 && valid == 0) {
      throw new InvalidRecordsLimitException(skippedInFile, limit, input.toString());
    }
  }
}
