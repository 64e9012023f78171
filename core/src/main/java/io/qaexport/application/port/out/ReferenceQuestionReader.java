package io.qaexport.application.port.out;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the {@code question} column of a Parquet reference of {@code --decontaminate} (an
 * evaluation set, any HuggingFace dataset file, an earlier qa-export export), streaming: a reader
 * holds one row group's pages at a time, never the whole file.
 */
public interface ReferenceQuestionReader {

  /** Receives each row's question, in file order. */
  @FunctionalInterface
  interface Questions {
    /**
     * @param row the row's number in the file, from 1
     * @param question the row's question; {@code null} where the row holds none
     * @throws InvalidReferenceException to stop reading: this row makes the reference unusable
     */
    void accept(long row, String question) throws InvalidReferenceException;
  }

  /**
   * Gives every row's question of {@code file} to {@code questions}.
   *
   * @throws InvalidReferenceException when the file is not a readable Parquet file with a string
   *     {@code question} column (its message says why, without the path), or {@code questions}
   *     stopped the reading
   * @throws java.nio.file.NoSuchFileException when the file does not exist
   * @throws IOException when the file cannot be read
   */
  void read(Path file, Questions questions) throws IOException;
}
