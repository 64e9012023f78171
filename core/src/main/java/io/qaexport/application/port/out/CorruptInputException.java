package io.qaexport.application.port.out;

import java.io.IOException;

/**
 * The input's bytes cannot be decoded as what they claim to be (a corrupt or truncated compressed
 * file): invalid input data, not a failure to read.
 */
public class CorruptInputException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
