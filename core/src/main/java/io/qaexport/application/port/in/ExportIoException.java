package io.qaexport.application.port.in;

import java.io.IOException;
import java.nio.file.FileSystemException;

/** Reading an input or writing an output failed: unreadable file, full disk, no permission. */
public final class ExportIoException extends ExportException {
  private static final long serialVersionUID = 1L;

  public ExportIoException(String message, IOException cause) {
    super(message, cause);
  }

  /** {@code what} failed, followed by the file system's reason ("No space left on device"). */
  public static ExportIoException of(String what, IOException cause) {
    String detail = cause.getMessage();
    if (cause instanceof FileSystemException fse && fse.getReason() != null) {
      detail = fse.getReason();
    }
    return new ExportIoException(what + ": " + (detail == null ? cause.toString() : detail),
        cause);
  }
}
