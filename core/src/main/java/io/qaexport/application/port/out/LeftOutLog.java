package io.qaexport.application.port.out;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a training-set stage keeps the pairs it left out (duplicates, contaminated pairs): each
 * with the stage's facts about it (its line, the pair or reference it matched, their similarity),
 * then the pair's columns as in the output, so nothing is lost.
 */
public interface LeftOutLog extends Closeable {

  /** One fact about a left-out pair: a name and a {@code Long}, {@code Double} or text value. */
  record Fact(String name, Object value) {
    public Fact {
      Objects.requireNonNull(name, "name");
      if (!(value instanceof Long || value instanceof Double || value instanceof String)) {
        throw new IllegalArgumentException(name + ": a fact is a Long, Double or String");
      }
    }
  }

  void append(List<Fact> facts, HfRecord record) throws IOException;

  /** Opens a log that writes {@code file}, with the columns of {@code shape} after the facts. */
  @FunctionalInterface
  interface Factory {
    LeftOutLog open(Path file, RecordShape shape) throws IOException;
  }
}
