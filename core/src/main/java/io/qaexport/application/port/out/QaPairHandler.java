package io.qaexport.application.port.out;

import io.qaexport.domain.QaPair;

/**
 * Receives what a {@link QaPairSource} finds, line by line and in order. Line numbers are 1-based.
 * A handler may throw to stop the reading; the exception reaches the caller of {@code read}.
 */
public interface QaPairHandler {

  void onPair(long lineNumber, QaPair pair, RawLine raw);

  /** A line that is empty or holds only whitespace. */
  void onBlankLine(long lineNumber);

  /**
   * A line that holds no valid pair.
   *
   * @param column 1-based column where the problem was found, or 0 when unknown
   */
  void onInvalidLine(long lineNumber, int column, String reason, RawLine raw);

  /** How far reading has come, in bytes of the file; called once per buffer read. */
  default void onBytesRead(long bytes) {}
}
