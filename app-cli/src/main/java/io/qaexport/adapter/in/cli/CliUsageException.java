package io.qaexport.adapter.in.cli;

/** The command line itself is wrong: unknown option, bad value, stray argument. Exit code 2. */
public final class CliUsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public CliUsageException(String message) {
    super(message);
  }
}
