package io.qaexport.application.port.out;

import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;

/** Reads the validation step's pairs from a file, streaming: it never holds the whole file. */
public interface QaPairSource {

  /**
   * Opens {@code file} to be read one line at a time.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws IOException when the file cannot be opened
   */
  PairReader open(Path file) throws IOException;

  /**
   * Opens {@code file} for records of {@code shape}: a field the shape does not export need not be
   * read, and its type then makes no record invalid. By default {@link #open(Path)}.
   */
  default PairReader open(Path file, RecordShape shape) throws IOException {
    return open(file);
  }
}
