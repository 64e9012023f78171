package io.qaexport.adapter.in.cli.flag;

/** The command line itself is wrong: unknown option, bad value, stray argument. Exit code 2. */
public final class CliUsageException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean pointsToHelp;

  public CliUsageException(String message) {
    this(message, true);
  }

  /**
   * @param pointsToHelp whether the error is followed by "Try 'qa-export --help'"
   */
  public CliUsageException(String message, boolean pointsToHelp) {
    super(message);
    this.pointsToHelp = pointsToHelp;
  }

  public boolean pointsToHelp() {
    return pointsToHelp;
  }
}
