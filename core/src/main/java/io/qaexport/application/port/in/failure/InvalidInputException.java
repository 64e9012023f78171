package io.qaexport.application.port.in.failure;

import java.nio.file.Path;

/** An invalid record stopped the run: {@code FILE:LINE[:COLUMN]: reason}. */
public final class InvalidInputException extends ExportException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final int column;
  private final String reason;
  private final boolean skippable;

  public InvalidInputException(Path file, long line, int column, String reason) {
    this(file, line, column, reason, true);
  }

  private InvalidInputException(
      Path file, long line, int column, String reason, boolean skippable) {
    super(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + reason, null);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.skippable = skippable;
  }

  /**
   * The file's bytes cannot be decoded from {@code line} on (a corrupt compressed file): no record
   * can be skipped past it.
   */
  public static InvalidInputException unreadable(Path file, long line, String reason) {
    return new InvalidInputException(file, line, 0, reason, false);
  }

  /** Whether {@code --on-error skip} could have left the record out and gone on. */
  public boolean skippable() {
    return skippable;
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
