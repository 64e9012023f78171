package io.qaexport.domain.dedup;

import java.util.Arrays;

/**
 * Near-duplicate measures on normalised questions: the set of character {@value #K}-grams of its
 * words (as exact ids), its exact Jaccard similarity, and its MinHash signature folded into LSH
 * band keys. Character grams rather than words: a Swedish inflection ({@code handskar}, {@code
 * handskarna}) changes one word but few of its grams; grams within words, so reordered words still
 * match.
 */
public final class Shingles {
  /** Gram length, measured on Swedish questions in bench/RESULTS.md. */
  public static final int K = 4;

  private Shingles() {}

  /**
   * The distinct gram ids of a normalised question, sorted: the {@value #K}-grams of each word with
   * a space on either side (a shorter word is one gram), so the order of the words does not count
   * but their boundaries do. Ids are exact ({@link GramIds}): equal ids, equal grams.
   */
  public static int[] of(String normalised, GramIds ids) {
    var grams = new Ints(normalised.length() + 8);
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
          grams.add(ids.idOf(word, 0, word.length));
        } else {
          for (int i = 0; i + K <= word.length; i++) {
            grams.add(ids.idOf(word, i, i + K));
          }
        }
      }
      start = end + 1;
    }
    int[] sorted = grams.toArray();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, distinct);
  }

  /** A growable int array, so a text's grams need no boxing. */
  private static final class Ints {
    private int[] values;
    private int size;

    Ints(int capacity) {
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

  /**
   * Whether sets of these sizes can reach Jaccard {@code threshold}: the similarity is at most the
   * smaller size over the larger, so a candidate that fails this needs no verification.
   */
  public static boolean canReach(int size, int otherSize, double threshold) {
    int small = Math.min(size, otherSize);
    int large = Math.max(size, otherSize);
    return large == 0 || small >= threshold * large - 1e-9; // never cut a pair at exactly t
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
   * The LSH band keys of a gram set: bands × rows MinHash values (hash i of a gram is {@code h1 +
   * i·h2} of its fingerprint, the double-hashing family), each band's rows hashed to one int. Two
   * questions share a band's key when all its rows agree (or, rarely, by chance: a candidate is
   * always verified on the grams).
   */
  public static int[] bandKeys(int[] grams, GramIds ids, LshParameters lsh) {
    long[] min = new long[lsh.bands() * lsh.rows()];
    Arrays.fill(min, Long.MAX_VALUE);
    for (int gram : grams) {
      long h1 = ids.fingerprint(gram);
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
    int[] keys = new int[lsh.bands()];
    for (int band = 0; band < keys.length; band++) {
      long h = band;
      for (int row = 0; row < lsh.rows(); row++) {
        h = QuestionKey.mix(h ^ min[band * lsh.rows() + row]);
      }
      keys[band] = (int) h;
    }
    return keys;
  }
}
