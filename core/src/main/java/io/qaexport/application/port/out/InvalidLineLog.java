package io.qaexport.application.port.out;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Where {@code --on-error skip} keeps the lines it left out: verbatim, with line and reason. */
public interface InvalidLineLog extends Closeable {

  void append(long lineNumber, int column, String reason, byte[] rawLine) throws IOException;

  /** Opens a log that writes {@code file}. */
  @FunctionalInterface
  interface Factory {
    InvalidLineLog open(Path file) throws IOException;
  }
}
