package io.qaexport.application.port.in.failure;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Reading an input or writing an output failed: unreadable file, full disk, no permission. */
public final class ExportIoException extends ExportException {
  private static final long serialVersionUID = 1L;

  public ExportIoException(String message, IOException cause) {
    super(message, cause);
  }

  /** {@code what} failed, followed by the file system's reason ("No space left on device"). */
  public static ExportIoException of(String what, IOException cause) {
    return new ExportIoException(what + ": " + reason(cause), cause);
  }

  /** The file system's reason for {@code cause}, in words ("permission denied"), not a path. */
  public static String reason(IOException cause) {
    String detail = cause.getMessage();
    if (cause instanceof FileSystemException fse) {
      // The JDK leaves the reason out of some: the message is then only the path again.
      detail = fse.getReason() != null ? fse.getReason() : reasonOf(fse);
    }
    return detail == null ? cause.toString() : detail;
  }

  private static String reasonOf(FileSystemException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "file exists";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    return e.getMessage();
  }
}
