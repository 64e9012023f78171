package io.qaexport.application.port.out;

import java.io.IOException;
import java.nio.file.Path;

/** Reads the validation step's pairs from a file, streaming: it never holds the whole file. */
public interface QaPairSource {

  /**
   * Reads every line of {@code file} and reports it to {@code handler}.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws IOException when the file cannot be read
   */
  void read(Path file, QaPairHandler handler) throws IOException;
}
