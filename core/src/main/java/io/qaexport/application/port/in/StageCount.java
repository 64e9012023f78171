package io.qaexport.application.port.in;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What one training-set stage did with one file: how many pairs it left out of the output, under
 * the stage's own names, and the log that lists them. Reports iterate these, so a new stage is
 * reported without a change to any report.
 *
 * @param key the count's key in {@code --summary-json} ({@code duplicates}); its log's key is
 *     {@code key + "_file"}
 * @param label how the summary's line identity names the count ({@code below threshold})
 * @param count pairs the stage left out of this file's output
 * @param logDescription what the stage's log holds, for the summary; empty if it keeps no log
 * @param log the log, if the stage keeps one and left a pair out
 */
public record StageCount(
    String key, String label, long count, String logDescription, Optional<Path> log) {
  public StageCount {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(logDescription, "logDescription");
    Objects.requireNonNull(log, "log");
  }

  /** The same stage having left nothing out (for an output no stage ran on). */
  public StageCount none() {
    return new StageCount(key, label, 0, logDescription, Optional.empty());
  }

  /** Whether the stage keeps a log (and the JSON summary names it, or null). */
  public boolean keepsLog() {
    return !logDescription.isEmpty();
  }

  /** The JSON summary's key of the log. */
  public String logKey() {
    return key + "_file";
  }
}
