package io.qaexport.domain.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Exact ids for character grams, so that Jaccard similarity is computed on the grams themselves:
 * two grams share an id only if they are the same code points. A gram of Basic Multilingual Plane
 * letters packs into one long (16 bits a letter, plus one, so a short gram differs from a padded
 * one) kept in an open-addressing table; the rare others (an emoji) go by their text. Hand-written
 * rather than a {@code HashMap<Long, Integer>}: no boxing for millions of grams.
 */
public final class GramIds {
  private long[] keys = new long[1 << 12]; // 0: free slot (a packed gram is never 0)
  private int[] ids = new int[1 << 12];
  private int packedCount;
  private final Map<String, Integer> others = new HashMap<>();
  private long[] fingerprints = new long[1 << 12];
  private int size;

  /** The id of the gram {@code codePoints[from, to)}, given a new one at its first sight. */
  int idOf(int[] codePoints, int from, int to) {
    long packed = pack(codePoints, from, to);
    if (packed == 0) {
      String text = new String(codePoints, from, to - from);
      Integer known = others.get(text);
      if (known != null) {
        return known;
      }
      int id = newId(QuestionKey.mix(text.hashCode() ^ 0x5DEECE66DL) ^ to - from);
      others.put(text, id);
      return id;
    }
    if (2 * (packedCount + 1) > keys.length) {
      grow();
    }
    int slot = slot(packed);
    if (keys[slot] == 0) {
      keys[slot] = packed;
      ids[slot] = newId(QuestionKey.mix(packed));
      packedCount++;
    }
    return ids[slot];
  }

  /** A well-mixed 64-bit value of the gram, for MinHash only (never for verification). */
  long fingerprint(int id) {
    return fingerprints[id];
  }

  /** How many distinct grams have ids. */
  public int size() {
    return size;
  }

  private int newId(long fingerprint) {
    if (size == fingerprints.length) {
      fingerprints = Arrays.copyOf(fingerprints, size * 2);
    }
    fingerprints[size] = fingerprint;
    return size++;
  }

  /** The gram's letters, each plus one, in 16-bit lanes; 0 if one does not fit. */
  private static long pack(int[] codePoints, int from, int to) {
    if (to - from > 4) {
      return 0;
    }
    long packed = 0;
    for (int i = from; i < to; i++) {
      if (codePoints[i] >= 0xFFFF) {
        return 0;
      }
      packed = (packed << 16) | (codePoints[i] + 1);
    }
    return packed;
  }

  private int slot(long packed) {
    int mask = keys.length - 1;
    int slot = (int) QuestionKey.mix(packed) & mask;
    while (keys[slot] != 0 && keys[slot] != packed) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        ids[slot] = oldIds[i];
      }
    }
  }
}
