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

  /** Fails a run without a limit that skipped records and exported none. */
  public void requireRecordsExported(long exported) throws InvalidRecordsLimitException {
    if (limit.isEmpty() && skipped > 0 && exported == 0) {
      throw new InvalidRecordsLimitException(skipped, limit, "");
    }
  }
}
