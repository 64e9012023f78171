package io.qaexport.application.port.in.failure;

import java.util.OptionalLong;

/**
 * Under the skip policy, too many records were invalid: more than the limit the run was given, or,
 * without one, all of them (a run that exports nothing is no success).
 */
public final class InvalidRecordsLimitException extends ExportException {
  private static final long serialVersionUID = 1L;

  private final long skipped;
  private final transient OptionalLong limit;

  public InvalidRecordsLimitException(long skipped, OptionalLong limit, String where) {
    super(
        limit.isPresent()
            ? "more than "
                + limit.getAsLong()
                + " invalid records (the limit); the run stopped at "
                + where
            : "every record of " + where + " was invalid: " + skipped + " skipped, none exported",
        null);
    this.skipped = skipped;
    this.limit = limit;
  }

  /** Invalid records counted when the run stopped. */
  public long skipped() {
    return skipped;
  }

  /** The limit that was passed, or empty when the run exported no record at all. */
  public OptionalLong limit() {
    return limit;
  }
}
