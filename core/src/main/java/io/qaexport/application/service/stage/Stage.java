package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.StageCount;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.domain.HfRecord;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One training-set stage on one output: it sees each record in input order and either passes it on
 * to the next sink or leaves it out, counting what it left out under its own names. A stage that
 * does not apply to a file (no {@code --min-score}, the rejected file) passes all on.
 */
public abstract class Stage implements RecordSink {
  private final String key;
  private final String label;
  private RecordSink next;
  private long count;

  /**
   * @see StageCount
   */
  protected Stage(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /**
   * Whether the record goes on; a stage that leaves it out has done what it does with it (moved it,
   * logged it) when it returns false.
   */
  protected abstract boolean keeps(long lineNumber, HfRecord record) throws ExportException;

  @Override
  public final void accept(long lineNumber, HfRecord record) throws ExportException {
    if (keeps(lineNumber, record)) {
      next.accept(lineNumber, record);
    } else {
      count++;
    }
  }

  @Override
  public void finish() throws ExportException {
    next.finish();
  }

  /** Closes what the stage opened after a failure; the transaction removes its files. */
  public void abandon() {}

  /** What the stage's log holds, for the summary; empty if it keeps none. */
  protected String logDescription() {
    return "";
  }

  /** The log, if the stage keeps one and left a pair out. */
  protected Optional<Path> log() {
    return Optional.empty();
  }

  public final StageCount count() {
    return new StageCount(
        key, label, count, logDescription(), count > 0 ? log() : Optional.empty());
  }

  final void sendTo(RecordSink next) {
    this.next = next;
  }
}
