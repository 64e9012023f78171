package io.qaexport.domain.dedup;

import java.util.Arrays;

/**
 * Near-duplicate measures on normalised questions: the set of character {@value #K}-grams of
 * its words, its exact Jaccard similarity, and its MinHash signature folded into LSH band keys.
 * Character grams rather than words: a Swedish inflection ({@code handskar}, {@code handskarna})
 * changes one word but few of its grams; grams within words, so reordered words still match.
 */
public final class Shingles {
  /** Gram length, measured on Swedish questions in bench/RESULTS.md. */
  public static final int K = 4;
  /** LSH bands × rows: a pair at Jaccard 0.8 becomes a candidate with probability ≥ 0.999. */
  public static final int BANDS = 20;
  public static final int ROWS = 5;

  private Shingles() {}

  /**
   * The distinct gram hashes of a normalised question, sorted: the {@value #K}-grams of each word
   * with a space on either side (a shorter word is one gram), so the order of the words does not
   * count but their boundaries do.
   */
  public static int[] of(String normalised) {
    var grams = new IntArray(normalised.length() + 8);
    int start = 0;
    while (start <= normalised.length()) {
      int end = normalised.indexOf(' ', start);
      if (end < 0) {
        end = normalised.length();
      }
      if (end > start) {
        // Code points, not chars: an emoji inside a word is one letter of it.
        int[] word = (" " + normalised.substring(start, end) + " ").codePoints().toArray();
        if (word.length <= K) {
          grams.add(gram(word, 0, word.length));
        } else {
          for (int i = 0; i + K <= word.length; i++) {
            grams.add(gram(word, i, i + K));
          }
        }
      }
      start = end + 1;
    }
    int[] sorted = grams.toArray();
    if (sorted.length == 0) {
      return sorted;
    }
    java.util.Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  private static int gram(int[] codePoints, int from, int to) {
    int h = 0;
    for (int j = from; j < to; j++) {
      h = 31 * h + codePoints[j];
    }
    return (int) QuestionKey.mix(h);
  }

  /** A growable int array, so a text's grams need no boxing. */
  private static final class IntArray {
    private int[] values;
    private int size;

    IntArray(int capacity) {
      values = new int[Math.max(4, capacity)];
    }

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
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
    int union = a.length + b.length - common;
    return union == 0 ? 1.0 : (double) common / union;
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
