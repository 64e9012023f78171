package io.qaexport.application.service.files;

import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.service.commit.OutputTransaction;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A log beside an output (skipped lines, dropped duplicates): staged with the outputs and opened on
 * its first entry, so a run with nothing to log writes none; every failure names the log.
 */
public final class StagedLog<L extends Closeable> {
  /** Opens a log that writes {@code file} (the staged temporary file). */
  public interface Opener<L> {
    L open(Path file) throws IOException;
  }

  /** Writes one entry. */
  public interface Entry<L> {
    void writeTo(L log) throws IOException;
  }

  private final Path path;
  private final OutputTransaction outputs;
  private final Opener<L> opener;
  private L log;
  private Path temporary;

  public StagedLog(Path path, OutputTransaction outputs, Opener<L> opener) {
    this.path = path;
    this.outputs = outputs;
    this.opener = opener;
  }

  public Path path() {
    return path;
  }

  public void append(Entry<L> entry) throws ExportIoException {
    try {
      if (log == null) {
        temporary = outputs.stage(path);
        log = opener.open(temporary);
      }
      entry.writeTo(log);
    } catch (IOException e) {
      throw ExportIoException.of("cannot write " + path, e);
    }
  }

  /** Completes the log, if one was opened. */
  public void finish() throws ExportIoException {
    if (log == null) {
      return;
    }
    try {
      log.close();
    } catch (IOException e) {
      throw ExportIoException.of("cannot write " + path, e);
    } finally {
      log = null;
    }
    outputs.written(temporary);
  }

  /** Closes the log after a failure; the transaction removes its file. */
  public void abandon() {
    if (log != null) {
      try {
        log.close();
      } catch (IOException ignored) {
        // The failure that ended the run is what the user is told.
      }
      log = null;
    }
  }
}
