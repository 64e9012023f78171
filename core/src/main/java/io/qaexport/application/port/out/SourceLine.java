package io.qaexport.application.port.out;

import io.qaexport.domain.QaPair;

/** One line of an input file, as a {@link PairReader} found it. Line numbers are 1-based. */
public sealed interface SourceLine {

  long lineNumber();

  /** A line that holds a pair whose fields have the right JSON types. */
  record Pair(long lineNumber, QaPair pair, RawLine raw) implements SourceLine {}

  /** A line that is empty or holds only whitespace. */
  record Blank(long lineNumber) implements SourceLine {}

  /**
   * A line that holds no valid pair.
   *
   * @param column 1-based column where the problem was found, or 0 when unknown
   */
  record Invalid(long lineNumber, int column, String reason, RawLine raw) implements SourceLine {}
}
