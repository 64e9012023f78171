package io.qaexport.application.port.in;

import java.nio.file.Path;

/** An invalid record stopped the run: {@code FILE:LINE[:COLUMN]: reason}. */
public final class InvalidInputException extends ExportException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final int column;
  private final String reason;

  public InvalidInputException(Path file, long line, int column, String reason) {
    super(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + reason, null);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public Path file() {
    return file;
  }

  public long line() {
    return line;
  }

  /** 1-based, or 0 when unknown. */
  public int column() {
    return column;
  }

  public String reason() {
    return reason;
  }
}
