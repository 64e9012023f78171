package io.qaexport.application.port.in;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code --decontaminate}: reference questions (an evaluation set, an earlier release) kept out of
 * the passed output. A pair is left out when its normalised question equals a reference's, or their
 * Jaccard similarity reaches {@code threshold}.
 *
 * @param references the reference files and export directories, as given
 * @param maxLineBytes the longest line a text or JSON Lines reference may hold, as inputs
 */
public record Decontamination(List<Path> references, double threshold, int maxLineBytes) {
  public static final Decontamination NONE =
      new Decontamination(List.of(), TrainingSet.DEFAULT_DEDUP_THRESHOLD, Integer.MAX_VALUE);

  public Decontamination {
    references = List.copyOf(Objects.requireNonNull(references, "references"));
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the decontamination threshold is above 0, at most 1");
    }
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("a line holds at least one byte");
    }
  }

  public boolean active() {
    return !references.isEmpty();
  }
}
