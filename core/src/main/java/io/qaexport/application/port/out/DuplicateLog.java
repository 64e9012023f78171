package io.qaexport.application.port.out;

import io.qaexport.domain.HfRecord;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where deduplication keeps the pairs it dropped: each with its line, the line of the pair it
 * duplicates (the one kept) and their similarity, so nothing is lost.
 */
public interface DuplicateLog extends Closeable {

  void append(long lineNumber, long duplicateOf, double similarity, HfRecord record)
      throws IOException;

  /** Opens a log that writes {@code file}. */
  @FunctionalInterface
  interface Factory {
    DuplicateLog open(Path file) throws IOException;
  }
}
