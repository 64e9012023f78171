package io.qaexport.domain.dedup;

/**
 * Groups of pairs whose questions normalise alike, by their 64-bit {@code QuestionKey} hash: an
 * open-addressing table holding, per group, the pair to keep (highest score, then earliest line)
 * and a small payload (the pair's ordinal in the first pass). 32 bytes a slot, a quarter to half
 * full: 64 to 128 bytes a distinct question. Two different questions sharing a 64-bit hash are
 * taken for one (at 1M questions the chance is about 3·10⁻⁸).
 */
public final class ExactGroups {
  private long[] hashes = new long[1024];
  private long[] lines = new long[1024]; // 0: empty slot (lines count from 1)
  private double[] scores = new double[1024];
  private int[] payloads = new int[1024];
  private int[] ordinals = new int[1024];
  private int size;

  /** Offers a pair; returns its group's ordinal (0, 1, … in order of first appearance). */
  public int offer(long hash, long line, double score, int payload) {
    if (2 * (size + 1) > hashes.length) {
      grow();
    }
    int slot = slot(hash);
    if (lines[slot] == 0) {
      hashes[slot] = hash;
      lines[slot] = line;
      scores[slot] = score;
      payloads[slot] = payload;
      ordinals[slot] = size;
      return size++;
    }
    // Lines come in increasing order: on equal scores the earlier pair, already here, stays.
    if (score > scores[slot]) {
      lines[slot] = line;
      scores[slot] = score;
      payloads[slot] = payload;
    }
    return ordinals[slot];
  }

  /** The line of the pair kept for this question, or 0 if no pair had it. */
  long keptLine(long hash) {
    return lines[slot(hash)];
  }

  double keptScore(long hash) {
    return scores[slot(hash)];
  }

  int size() {
    return size;
  }

  /** Calls {@code action} for each group's kept pair. */
  public void forEachKept(KeptAction action) {
    for (int i = 0; i < hashes.length; i++) {
      if (lines[i] != 0) {
        action.accept(hashes[i], lines[i], payloads[i]);
      }
    }
  }

  @FunctionalInterface
  public interface KeptAction {
    void accept(long hash, long line, int payload);
  }

  private int slot(long hash) {
    int mask = hashes.length - 1;
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (lines[slot] != 0 && hashes[slot] != hash) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldHashes = hashes;
    long[] oldLines = lines;
    double[] oldScores = scores;
    int[] oldPayloads = payloads;
    int[] oldOrdinals = ordinals;
    int capacity = hashes.length * 2;
    hashes = new long[capacity];
    lines = new long[capacity];
    scores = new double[capacity];
    payloads = new int[capacity];
    ordinals = new int[capacity];
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldLines[i] != 0) {
        int slot = slot(oldHashes[i]);
        hashes[slot] = oldHashes[i];
        lines[slot] = oldLines[i];
        scores[slot] = oldScores[i];
        payloads[slot] = oldPayloads[i];
        ordinals[slot] = oldOrdinals[i];
      }
    }
  }
}
