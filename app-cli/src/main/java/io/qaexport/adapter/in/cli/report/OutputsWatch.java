package io.qaexport.adapter.in.cli.report;

import io.qaexport.application.port.in.Notice;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Follows the run's hold on its output directory, so that the message a signal (Ctrl-C, SIGTERM)
 * ends the run with can say whether this run's outputs were already in place: the transaction's own
 * shutdown hook, running at the same time, first finishes or undoes a commit under way.
 */
public final class OutputsWatch {
  private boolean locked;
  private boolean released;
  private Path committedIn;

  /** Takes the notices about the output directory; false for any other notice. */
  synchronized boolean take(Notice notice) {
    if (notice instanceof Notice.OutputsLocked) {
      locked = true;
    } else if (notice instanceof Notice.OutputsCommitted committed) {
      committedIn = committed.directory();
    } else if (notice instanceof Notice.OutputsReleased) {
      released = true;
      notifyAll();
    } else {
      return false;
    }
    return true;
  }

  /**
   * Where this run's outputs were moved into place, if they were, once the run has let go of the
   * output directory (waiting at most {@code waitMillis} for that); empty if they were not, or if
   * the run still held the directory when the wait ended.
   */
  public synchronized Optional<Path> committedAfterRelease(long waitMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + waitMillis * 1_000_000;
    while (locked && !released) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return Optional.ofNullable(committedIn);
  }
}
