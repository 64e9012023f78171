package io.qaexport.application.port.in.failure;

/** The run was asked for something that cannot be: an unknown format, a missing input file. */
public class UsageException extends ExportException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null);
  }
}
