package io.qaexport.domain;

import java.util.Arrays;

/**
 * Near-duplicate measures on normalised questions: the set of character {@value #K}-grams
 * (spaces included, so word boundaries count), its exact Jaccard similarity, and its MinHash
 * signature folded into LSH band keys. Character grams rather than words: a Swedish inflection
 * ({@code handske}, {@code handskarna}) changes one word but few of its grams.
 */
public final class Shingles {
  /** Gram length, measured on Swedish questions in bench/RESULTS.md. */
  public static final int K = 4;
  /** LSH bands × rows: a pair at Jaccard 0.8 becomes a candidate with probability ≥ 0.999. */
  public static final int BANDS = 20;
  public static final int ROWS = 5;

  private Shingles() {}

  /** The distinct gram hashes of a normalised question, sorted; a short text is one gram. */
  public static int[] of(String normalised) {
    if (normalised.length() <= K) {
      return new int[] {normalised.hashCode() * 0x9E3779B1};
    }
    int[] grams = new int[normalised.length() - K + 1];
    for (int i = 0; i < grams.length; i++) {
      int h = 0;
      for (int j = i; j < i + K; j++) {
        h = 31 * h + normalised.charAt(j);
      }
      grams[i] = (int) QuestionKey.mix(h);
    }
    Arrays.sort(grams);
    int distinct = 0;
    for (int i = 0; i < grams.length; i++) {
      if (i == 0 || grams[i] != grams[i - 1]) {
        grams[distinct++] = grams[i];
      }
    }
    return distinct == grams.length ? grams : Arrays.copyOf(grams, distinct);
  }

  /** |a ∩ b| / |a ∪ b| of two sorted, distinct sets. */
  public static double jaccard(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }

  /**
   * The LSH band keys of a gram set: {@link #BANDS} × {@link #ROWS} MinHash values (hash i of a
   * gram is {@code h1 + i·h2}, the double-hashing family), each band's rows hashed to one int.
   */
  public static int[] bandKeys(int[] grams) {
    long[] min = new long[BANDS * ROWS];
    Arrays.fill(min, Long.MAX_VALUE);
    for (int gram : grams) {
      long h1 = QuestionKey.mix(gram);
      long h2 = QuestionKey.mix(h1) | 1;
      long h = h1;
      for (int i = 0; i < min.length; i++) {
        // Unsigned order as signed: flip the sign bit once.
        long v = h ^ Long.MIN_VALUE;
        if (v < min[i]) {
          min[i] = v;
        }
        h += h2;
      }
    }
    int[] keys = new int[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long h = band;
      for (int row = 0; row < ROWS; row++) {
        h = QuestionKey.mix(h ^ min[band * ROWS + row]);
      }
      keys[band] = (int) h;
    }
    return keys;
  }
}
