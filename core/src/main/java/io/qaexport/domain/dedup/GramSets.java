package io.qaexport.domain.dedup;

import java.util.Arrays;

/**
 * The gram-id sets of many questions, kept compact: each sorted set is stored as its size and the
 * gaps between its ids, seven bits a byte, in shared blocks. A question of ~90 grams takes ~1.3
 * bytes a gram instead of an {@code int[]}'s 4 plus its header (on 1M templated questions, 340 MB
 * of arrays became ~120 MB). A set is decoded only when a candidate passed the sketch check, a few
 * per question.
 */
final class GramSets {
  private static final int BLOCK = 1 << 20;

  private byte[][] blocks = new byte[16][];
  private int blockCount;
  private int used = BLOCK; // in the last block: full, so the first set opens one
  private long[] where = new long[1024]; // per set: block << 32 | offset
  private final Reader own = new Reader(); // for the owner's thread

  /** Stores set {@code index}, sorted distinct ids. */
  void put(int index, int[] sortedIds) {
    if (index >= where.length) {
      where = Arrays.copyOf(where, Math.max(index + 1, where.length * 2));
    }
    int most = 5 * (sortedIds.length + 1); // a varint is at most five bytes
    if (used + most > BLOCK) {
      newBlock(Math.max(BLOCK, most));
    }
    byte[] block = blocks[blockCount - 1];
    where[index] = (long) (blockCount - 1) << 32 | used;
    used = writeVarint(block, used, sortedIds.length);
    int previous = 0;
    for (int id : sortedIds) {
      used = writeVarint(block, used, id - previous);
      previous = id;
    }
  }

  /** The set {@code index} as sorted ids. */
  int[] get(int index) {
    return own.get(index);
  }

  /** |a ∩ b| / |a ∪ b| of sets {@code a} and {@code b}, as {@link Shingles#jaccard}. */
  double jaccard(int a, int b) {
    return own.jaccard(a, b);
  }

  /**
   * A reader of the stored sets for one thread (it decodes into buffers of its own); reading is
   * safe from many threads once no set is being put.
   */
  Reader reader() {
    return new Reader();
  }

  final class Reader {
    private int[] scratchA = new int[128];
    private int[] scratchB = new int[128];

    int[] get(int index) {
      scratchA = decode(index, scratchA);
      return Arrays.copyOf(scratchA, size(index));
    }

    double jaccard(int a, int b) {
      scratchA = decode(a, scratchA);
      scratchB = decode(b, scratchB);
      int sizeA = size(a);
      int sizeB = size(b);
      int[] x = scratchA;
      int[] y = scratchB;
      int i = 0;
      int j = 0;
      int common = 0;
      while (i < sizeA && j < sizeB) {
        if (x[i] == y[j]) {
          common++;
          i++;
          j++;
        } else if (x[i] < y[j]) {
          i++;
        } else {
          j++;
        }
      }
      int union = sizeA + sizeB - common;
      return union == 0 ? 1.0 : (double) common / union;
    }
  }

  /** How many ids set {@code index} holds (its first varint). */
  private int size(int index) {
    byte[] block = blocks[(int) (where[index] >>> 32)];
    int at = (int) where[index];
    int value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = block[at++];
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  /** Decodes set {@code index} into {@code into}, or into a larger array it returns. */
  private int[] decode(int index, int[] into) {
    byte[] block = blocks[(int) (where[index] >>> 32)];
    int at = (int) where[index];
    int value = 0;
    int shift = 0;
    int size = -1;
    int count = 0;
    int previous = 0;
    while (size < 0 || count < size) {
      byte b = block[at++];
      value |= (b & 0x7F) << shift;
      shift += 7;
      if (b >= 0) {
        if (size < 0) {
          size = value;
          if (into.length < size) {
            into = new int[Math.max(size, into.length * 2)];
          }
        } else {
          previous += value;
          into[count++] = previous;
        }
        value = 0;
        shift = 0;
      }
    }
    return into;
  }

  private void newBlock(int size) {
    if (blockCount == blocks.length) {
      blocks = Arrays.copyOf(blocks, blockCount * 2);
    }
    blocks[blockCount++] = new byte[size];
    used = 0;
  }

  private static int writeVarint(byte[] block, int at, int value) {
    while ((value & ~0x7F) != 0) {
      block[at++] = (byte) (value & 0x7F | 0x80);
      value >>>= 7;
    }
    block[at++] = (byte) value;
    return at;
  }

  /**
   * A 256-bit sketch of each gram set (a gram sets the bit its fingerprint picks), which bounds the
   * Jaccard similarity of two sets from above without reading their grams: every bit set in one
   * sketch and not in the other stands for at least one gram of the first set missing from the
   * second, so the sets share at most {@code size − that count} grams. A candidate whose bound is
   * below the threshold cannot be a near duplicate and skips the exact comparison; the bound is
   * never below the true similarity, so no pair is lost. Templated questions make many candidates
   * that share most of their grams but not enough (on 200k templated Swedish questions at 0.8, 9.1M
   * candidates for 82k duplicates): this check costs four words from one array instead of a merge
   * of two ~75-gram arrays.
   */
  static final class Sketches {
    static final int WORDS = 4;

    private long[] words = new long[WORDS * 1024];
    private int[] sizes = new int[1024];

    /** Sets set {@code index}'s sketch from its gram ids. */
    void put(int index, int[] grams, GramIds ids) {
      ensure(index);
      sizes[index] = grams.length;
      int at = index * WORDS;
      Arrays.fill(words, at, at + WORDS, 0L);
      for (int gram : grams) {
        int bit = (int) (ids.fingerprint(gram) >>> 56); // 0..255, bits the band keys' hashes mix
        words[at + (bit >>> 6)] |= 1L << bit;
      }
    }

    private void ensure(int index) {
      if (index >= sizes.length) {
        int capacity = Math.max(index + 1, sizes.length * 2);
        sizes = Arrays.copyOf(sizes, capacity);
        words = Arrays.copyOf(words, capacity * WORDS);
      }
    }

    /** Whether sets {@code a} and {@code b} may reach Jaccard {@code threshold}. */
    boolean canReach(int a, int b, double threshold) {
      return canReach(words, a * WORDS, sizes[a], words, b * WORDS, sizes[b], threshold);
    }

    /**
     * Whether set {@code a} here and set {@code b} of {@code others} may reach {@code threshold}.
     */
    boolean canReach(int a, Sketches others, int b, double threshold) {
      return canReach(
          words, a * WORDS, sizes[a], others.words, b * WORDS, others.sizes[b], threshold);
    }

    /** Sets set {@code index} to {@code source}'s set {@code from}. */
    void put(int index, Sketches source, int from) {
      ensure(index);
      sizes[index] = source.sizes[from];
      System.arraycopy(source.words, from * WORDS, words, index * WORDS, WORDS);
    }

    /** Set {@code index}'s gram count. */
    int size(int index) {
      return sizes[index];
    }

    /** Copies set {@code index}'s sketch to {@code into[at … at + WORDS)}. */
    void copy(int index, long[] into, int at) {
      System.arraycopy(words, index * WORDS, into, at, WORDS);
    }

    /** {@link #canReach(int, int, double)} on sketches copied out with {@link #copy}. */
    static boolean canReach(
        long[] wordsA, int atA, int sizeA, long[] wordsB, int atB, int sizeB, double threshold) {
      int onlyA = 0;
      int onlyB = 0;
      for (int w = 0; w < WORDS; w++) {
        long x = wordsA[atA + w];
        long y = wordsB[atB + w];
        onlyA += Long.bitCount(x & ~y);
        onlyB += Long.bitCount(y & ~x);
      }
      int common = Math.min(sizeA - onlyA, sizeB - onlyB);
      int union = sizeA + sizeB - common;
      return union == 0 || common >= threshold * union - 1e-9; // never cut a pair at exactly t
    }
  }
}
