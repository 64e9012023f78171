package io.qaexport.application.port.in;

import java.nio.file.Path;

/**
 * Hears how far an export has come, and what the user should know. Calls come from the exporting
 * thread, except {@link Notice.OutputsReleased}, which a shutdown hook (Ctrl-C, SIGTERM) may send
 * from its own thread.
 */
public interface ExportProgress {

  ExportProgress NONE = new ExportProgress() {};

  /** A file is about to be read; {@code sizeBytes} is -1 when unknown. */
  default void fileStarted(Path input, long sizeBytes) {}

  /**
   * The first of two passes over {@code input} started (dedup, near split groups, stratification or
   * shard sizes read the passed file before the export does); ends with {@link #fileFinished}.
   */
  default void firstPassStarted(Path input, long sizeBytes) {
    fileStarted(input, sizeBytes);
  }

  /** Called every thousand or so lines with the lines read so far in the current file. */
  default void linesRead(long lines) {}

  /** Called as the current file is read, with the bytes read so far. */
  default void bytesRead(long bytes) {}

  default void fileFinished(Path input) {}

  /** Something worth telling that is not a failure, such as an empty input file. */
  default void notice(Notice notice) {}
}
