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
    // One word at a time as code points (an emoji inside a word is one letter of it), framed by
    // spaces, in one reused buffer: no substring or array per word.
    int[] word = new int[normalised.length() + 2];
    int length = 0;
    for (int i = 0; i <= normalised.length(); ) {
      int c = i < normalised.length() ? normalised.codePointAt(i) : ' ';
      i += i < normalised.length() ? Character.charCount(c) : 1;
      if (c != ' ') {
        word[++length] = c;
      } else if (length > 0) {
        word[0] = ' ';
        word[++length] = ' ';
        length++;
        if (length <= K) {
          grams.add(ids.idOf(word, 0, length));
        } else {
          for (int from = 0; from + K <= length; from++) {
            grams.add(ids.idOf(word, from, from + K));
          }
        }
        length = 0;
      }
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
   *
   * <p>The inner loop is written so that the JIT makes vector instructions of it (twice as fast on
   * templated Swedish questions, bench/RESULTS.md): the multiplier comes from an array instead of a
   * running sum, and the minimum is taken without a branch on values shifted to 63 bits (unsigned
   * order, the lowest bit dropped). Weaker 32-bit families that vectorise further were measured and
   * refused: on real questions their rows agree more often than the Jaccard similarity, which made
   * twice the candidates.
   */
  public static int[] bandKeys(int[] grams, GramIds ids, LshParameters lsh) {
    return bandKeys(fingerprints(grams, ids), lsh);
  }

  /** The grams' fingerprints, all a band key needs of them (so another thread can compute it). */
  static long[] fingerprints(int[] grams, GramIds ids) {
    long[] fingerprints = new long[grams.length];
    for (int i = 0; i < grams.length; i++) {
      fingerprints[i] = ids.fingerprint(grams[i]);
    }
    return fingerprints;
  }

  /** As {@link #bandKeys(int[], GramIds, LshParameters)}, from the grams' fingerprints. */
  static int[] bandKeys(long[] fingerprints, LshParameters lsh) {
    int hashes = lsh.bands() * lsh.rows();
    long[] min = new long[hashes];
    Arrays.fill(min, Long.MAX_VALUE);
    long[] steps = STEPS;
    for (long h1 : fingerprints) {
      long h2 = QuestionKey.mix(h1) | 1;
      for (int i = 0; i < hashes; i++) {
        long difference = ((h1 + steps[i] * h2) >>> 1) - min[i];
        min[i] += difference & (difference >> 63);
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

  /** 0, 1, 2, …: the i of hash i, as an array the vectorised loop can read. */
  private static final long[] STEPS = new long[LshParameters.MAX_HASHES];

  static {
    for (int i = 0; i < STEPS.length; i++) {
      STEPS[i] = i;
    }
  }
}
