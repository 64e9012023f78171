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
    long[] sorted = new long[groups];
    firstBucket = new int[bands + 1];
    for (int band = 0; band < bands; band++) {
      firstBucket[band] = startList.size();
      for (int g = 0; g < groups; g++) {
        sorted[g] = ((long) bucketOf[g * bands + band] << 32) | g;
      }
      Arrays.sort(sorted);
      for (int i = 0; i < groups; ) {
        int end = i + 1;
        while (end < groups && (sorted[end] >>> 32) == (sorted[i] >>> 32)) {
          end++;
        }
        int bucket = NONE;
        if (end - i > 1) {
          bucket = startList.size();
          startList.add(memberList.size());
        }
        for (; i < end; i++) {
          int g = (int) sorted[i];
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
