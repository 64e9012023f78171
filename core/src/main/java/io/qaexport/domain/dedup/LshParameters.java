package io.qaexport.domain.dedup;

/**
 * MinHash LSH bands and rows for a similarity threshold: a pair at the threshold becomes a
 * candidate in at least one band with probability {@code 1 − (1 − t^rows)^bands} ≥ {@value
 * #RECALL}, more above it. Among the choices that reach it, the one with the most rows (fewest
 * dissimilar candidates) within {@value #MAX_BANDS} bands (memory per question) and {@value
 * #MAX_HASHES} MinHash values (time per question).
 */
public record LshParameters(int bands, int rows) {
  static final double RECALL = 0.995;
  static final int MAX_BANDS = 32;
  static final int MAX_HASHES = 200;

  public LshParameters {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows are at least 1");
    }
  }

  /** The parameters for {@code threshold}, above 0 and at most 1. */
  public static LshParameters forThreshold(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the threshold is above 0 and at most 1: " + threshold);
    }
    for (int rows = MAX_HASHES; rows >= 1; rows--) {
      double perBand = Math.pow(threshold, rows);
      double bands = perBand >= 1 ? 1 : Math.ceil(Math.log(1 - RECALL) / Math.log1p(-perBand));
      if (bands >= 1 && bands <= MAX_BANDS && bands * rows <= MAX_HASHES) {
        return new LshParameters((int) bands, rows);
      }
    }
    // Below about 0.15 no choice reaches the recall within the limits: the most bands of 1 row.
    return new LshParameters(MAX_BANDS, 1);
  }

  /** The probability that a pair of Jaccard similarity {@code s} becomes a candidate. */
  public double candidateProbability(double s) {
    return 1 - Math.pow(1 - Math.pow(s, rows), bands);
  }
}
