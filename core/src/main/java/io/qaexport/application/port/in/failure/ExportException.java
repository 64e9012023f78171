package io.qaexport.application.port.in.failure;

/**
 * Why an export failed, as one line a user can act on. Subclasses tell what kind of failure it was,
 * which the command line turns into its exit code.
 */
public abstract class ExportException extends Exception {
  private static final long serialVersionUID = 1L;

  protected ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
