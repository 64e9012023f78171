package io.qaexport.domain.dedup;

import java.util.Arrays;

/**
 * Per band, the questions inserted so far that share a question's band key, each bucket's side by
 * side in a slot sized for all the bucket's questions (a lookup reads one contiguous run instead of
 * chasing links through memory, and only the inserted questions: in the dedup only the kept ones,
 * not the hundreds of near-identical questions of a template cluster). Buckets come from sorting
 * each band's keys once; a question alone in a bucket is left out, as no candidate comes from it.
 * About two ints per question and band, the keys' array reused.
 */
final class BucketIndex {
  static final int NONE = -1;

  private final int bands;
  private final int[] bucketOf; // [g * bands + band]: g's bucket in the band, or NONE
  // Bucket b's inserted questions at [starts[b], starts[b] + filled[b]).
  private final int[] members;
  private final int[] starts;
  private final int[] filled;
  // Band b's buckets are numbered [firstBucket[b], firstBucket[b + 1]).
  private final int[] firstBucket;

  /**
   * @param bandKeys {@code [g * bands + band]}: g's band key; overwritten with bucket numbers
   */
  BucketIndex(int[] bandKeys, int bands, int groups) {
    this.bands = bands;
    bucketOf = bandKeys;
    var memberList = new IntArray();
    var startList = new IntArray();
    var sorted = new KeySort(groups);
    firstBucket = new int[bands + 1];
    for (int band = 0; band < bands; band++) {
      firstBucket[band] = startList.size();
      sorted.sort(bucketOf, bands, band);
      int[] keys = sorted.keys;
      for (int i = 0; i < groups; ) {
        int end = i + 1;
        while (end < groups && keys[end] == keys[i]) {
          end++;
        }
        int bucket = NONE;
        if (end - i > 1) {
          bucket = startList.size();
          startList.add(memberList.size());
        }
        for (; i < end; i++) {
          int g = sorted.questions[i];
          bucketOf[g * bands + band] = bucket;
          if (bucket != NONE) {
            memberList.add(NONE);
          }
        }
      }
    }
    firstBucket[bands] = startList.size();
    startList.add(memberList.size());
    members = memberList.array();
    starts = startList.array();
    filled = new int[starts.length - 1];
  }

  /**
   * One band's keys in signed order, each with its question, ties in question order: the band's
   * column copied out, then three stable counting passes of 11 bits. Hand-written because it is
   * measurably faster: 1M questions in 23 bands, 1.15 s against 2.3 s for sorting (key, question)
   * longs with {@code Arrays.sort}, which was ~6 % of a 1M near run's samples (bench/RESULTS.md).
   */
  private static final class KeySort {
    private static final int BITS = 11;
    private static final int DIGITS = 1 << BITS;
    // The sorted keys and their questions, after sort.
    final int[] keys;
    final int[] questions;
    private final int[] column;
    private final int[] otherKeys;
    private final int[] otherQuestions;
    private final int[] counts = new int[DIGITS + 1];

    KeySort(int groups) {
      keys = new int[groups];
      questions = new int[groups];
      column = new int[groups];
      otherKeys = new int[groups];
      otherQuestions = new int[groups];
    }

    void sort(int[] bandKeys, int bands, int band) {
      for (int g = 0; g < column.length; g++) {
        column[g] = bandKeys[g * bands + band];
      }
      pass(column, null, keys, questions, 0, 0);
      pass(keys, questions, otherKeys, otherQuestions, BITS, 0);
      // The top 10 bits with the sign flipped: their unsigned order is the keys' signed order.
      pass(otherKeys, otherQuestions, keys, questions, 2 * BITS, 1 << (31 - 2 * BITS));
    }

    /** A stable pass on one digit; {@code fromQuestions} null: question i is at i. */
    private void pass(
        int[] fromKeys, int[] fromQuestions, int[] toKeys, int[] toQuestions, int shift, int flip) {
      Arrays.fill(counts, 0);
      for (int key : fromKeys) {
        counts[digit(key, shift, flip) + 1]++;
      }
      for (int d = 1; d <= DIGITS; d++) {
        counts[d] += counts[d - 1];
      }
      for (int i = 0; i < fromKeys.length; i++) {
        int key = fromKeys[i];
        int at = counts[digit(key, shift, flip)]++;
        toKeys[at] = key;
        toQuestions[at] = fromQuestions == null ? i : fromQuestions[i];
      }
    }

    private static int digit(int key, int shift, int flip) {
      return ((key >>> shift) & (DIGITS - 1)) ^ flip;
    }
  }

  void insert(int g) {
    insert(g, g);
  }

  /** Inserts question g into its buckets as {@code member}, the number a lookup reads. */
  void insert(int g, int member) {
    for (int band = 0; band < bands; band++) {
      int bucket = bucketOf[g * bands + band];
      if (bucket != NONE) {
        members[starts[bucket] + filled[bucket]++] = member;
      }
    }
  }

  /** How many buckets there are, numbered band by band. */
  int buckets() {
    return filled.length;
  }

  /** The band bucket {@code bucket} belongs to. */
  int bandOf(int bucket) {
    int band = 0;
    while (firstBucket[band + 1] <= bucket) {
      band++;
    }
    return band;
  }

  int bucket(int band, int g) {
    return bucketOf[g * bands + band];
  }

  /** Where bucket {@code bucket}'s inserted questions start in {@link #member}'s numbering. */
  int from(int bucket) {
    return starts[bucket];
  }

  int filledTo(int bucket) {
    return starts[bucket] + filled[bucket];
  }

  int member(int i) {
    return members[i];
  }
}
