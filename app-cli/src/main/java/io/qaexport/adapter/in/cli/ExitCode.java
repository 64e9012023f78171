package io.qaexport.adapter.in.cli;

/** The process exit codes, as documented in {@code --help}. */
public enum ExitCode {
  SUCCESS(0),
  INVALID_INPUT(1),
  USAGE(2),
  IO_FAILURE(3),
  INTERNAL_ERROR(4),
  /** As the JVM ends on Ctrl-C (128 + SIGINT); returned only where a wait is interrupted. */
  INTERRUPTED(130);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
