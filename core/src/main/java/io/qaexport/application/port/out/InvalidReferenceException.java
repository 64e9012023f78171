package io.qaexport.application.port.out;

import java.io.IOException;

/**
 * A reference file is readable but is not what a reference must be: not the format it claims, no
 * {@code question} column, a column of another type, a row without a question. A usage error, not a
 * failure to read; the message names the problem but not the path, which the caller adds.
 */
public class InvalidReferenceException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidReferenceException(String message) {
    super(message);
  }

  public InvalidReferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
