package io.qaexport.application.port.in;

import java.io.IOException;

/** Reading an input or writing an output failed: unreadable file, full disk, no permission. */
public final class ExportIoException extends ExportException {
  private static final long serialVersionUID = 1L;

  public ExportIoException(String message, IOException cause) {
    super(message, cause);
  }
}
