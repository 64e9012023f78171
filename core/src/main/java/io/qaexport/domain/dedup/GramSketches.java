package io.qaexport.domain.dedup;

import java.util.Arrays;

/**
 * A 256-bit sketch of each gram set (a gram sets the bit its fingerprint picks), which bounds the
 * Jaccard similarity of two sets from above without reading their grams: every bit set in one
 * sketch and not in the other stands for at least one gram of the first set missing from the
 * second, so the sets share at most {@code size − that count} grams. A candidate whose bound is
 * below the threshold cannot be a near duplicate and skips the exact comparison; the bound is never
 * below the true similarity, so no pair is lost. Templated questions make many candidates that
 * share most of their grams but not enough (on 200k templated Swedish questions at 0.8, 9.1M
 * candidates for 82k duplicates): this check costs four words from one array instead of a merge of
 * two ~75-gram arrays.
 */
final class GramSketches {
  static final int WORDS = 4;

  private long[] words = new long[WORDS * 1024];
  private int[] sizes = new int[1024];

  /** Sets set {@code index}'s sketch from its gram ids. */
  void put(int index, int[] grams, GramIds ids) {
    if (index >= sizes.length) {
      int capacity = Math.max(index + 1, sizes.length * 2);
      sizes = Arrays.copyOf(sizes, capacity);
      words = Arrays.copyOf(words, capacity * WORDS);
    }
    sizes[index] = grams.length;
    int at = index * WORDS;
    Arrays.fill(words, at, at + WORDS, 0L);
    for (int gram : grams) {
      int bit = (int) (ids.fingerprint(gram) >>> 56); // 0..255, bits the band keys' hashes mix
      words[at + (bit >>> 6)] |= 1L << bit;
    }
  }

  /** Whether sets {@code a} and {@code b} may reach Jaccard {@code threshold}. */
  boolean canReach(int a, int b, double threshold) {
    int onlyA = 0;
    int onlyB = 0;
    int atA = a * WORDS;
    int atB = b * WORDS;
    for (int w = 0; w < WORDS; w++) {
      long x = words[atA + w];
      long y = words[atB + w];
      onlyA += Long.bitCount(x & ~y);
      onlyB += Long.bitCount(y & ~x);
    }
    int sizeA = sizes[a];
    int sizeB = sizes[b];
    int common = Math.min(sizeA - onlyA, sizeB - onlyB);
    int union = sizeA + sizeB - common;
    return union == 0 || common >= threshold * union - 1e-9; // never cut a pair at exactly t
  }
}
