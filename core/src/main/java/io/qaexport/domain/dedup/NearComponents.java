package io.qaexport.domain.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The connected components of verified near duplicates, for a split that keeps every pair: each
 * question with a near duplicate (directly or through others) is mapped to one key shared by its
 * component, the smallest question hash in it, so the component lands in one split; a question
 * alone keeps its own hash.
 *
 * <p>Every question is in the index, so the search goes bucket by bucket: a bucket's sketches and
 * components are copied side by side first and its pairs checked there. Checking question by
 * question read another question's sketch from a random place for each candidate, which was ~60 %
 * of a 1M split's samples (JFR, issue 22). A pair already in one component is not checked, so a
 * large cluster costs about one check a member; a pair that shares an earlier band was checked in
 * that band's bucket. Rounds of buckets are checked on all threads (finding edges; the components
 * are only read), then joined on one; the components do not depend on the order their edges are
 * found in.
 */
final class NearComponents {
  private final double threshold;
  private final int block;
  private final GramSets grams;
  private final GramSets.Sketches sketches;
  private final LongArray hashes;

  /**
   * @param block buckets checked in one round before their edges are joined
   */
  NearComponents(
      double threshold, int block, GramSets grams, GramSets.Sketches sketches, LongArray hashes) {
    this.threshold = threshold;
    this.block = block;
    this.grams = grams;
    this.sketches = sketches;
    this.hashes = hashes;
  }

  Map<Long, Long> keys(BucketIndex index, int threads) {
    int groups = hashes.size();
    int[] parent = new int[groups];
    for (int g = 0; g < groups; g++) {
      parent[g] = g;
      index.insert(g);
    }
    int buckets = index.buckets();
    try (var workers = new Workers(threads)) {
      BucketCheck[] checks = new BucketCheck[workers.threads()];
      for (int w = 0; w < checks.length; w++) {
        checks[w] = new BucketCheck(index, parent);
      }
      for (int start = 0; start < buckets; start += block) {
        int from = start;
        workers.run(Math.min(block, buckets - start), (w, i) -> checks[w].check(from + i));
        for (BucketCheck check : checks) {
          IntArray found = check.edges;
          for (int e = 0; e < found.size(); e += 2) {
            union(parent, found.get(e), found.get(e + 1));
          }
          found.clear();
        }
      }
    }
    long[] key = new long[groups];
    int[] size = new int[groups];
    Arrays.fill(key, Long.MAX_VALUE);
    for (int g = 0; g < groups; g++) {
      int r = root(parent, g);
      key[r] = Math.min(key[r], hashes.get(g));
      size[r]++;
    }
    var keys = new HashMap<Long, Long>();
    for (int g = 0; g < groups; g++) {
      int r = root(parent, g);
      if (size[r] > 1) {
        keys.put(hashes.get(g), key[r]);
      }
    }
    return keys;
  }

  /** One thread's checking of whole buckets, with its buffers and the edges it found. */
  private final class BucketCheck {
    private final BucketIndex index;
    private final int[] parent;
    private final GramSets.Reader reader = grams.reader();
    final IntArray edges = new IntArray();
    private int[] members = new int[64];
    private int[] components = new int[64];
    private int[] sizes = new int[64];
    private long[] words = new long[64 * GramSets.Sketches.WORDS];

    BucketCheck(BucketIndex index, int[] parent) {
      this.index = index;
      this.parent = parent;
    }

    void check(int bucket) {
      int first = index.from(bucket);
      int count = index.filledTo(bucket) - first;
      if (count > members.length) {
        int capacity = Math.max(count, members.length * 2);
        members = new int[capacity];
        components = new int[capacity];
        sizes = new int[capacity];
        words = new long[capacity * GramSets.Sketches.WORDS];
      }
      for (int m = 0; m < count; m++) {
        int g = index.member(first + m);
        members[m] = g;
        components[m] = find(parent, g);
        sizes[m] = sketches.size(g);
        sketches.copy(g, words, m * GramSets.Sketches.WORDS);
      }
      int band = -1;
      for (int a = 1; a < count; a++) {
        int atA = a * GramSets.Sketches.WORDS;
        for (int b = 0; b < a; b++) {
          if (components[a] == components[b]
              || !GramSets.Sketches.canReach(
                  words, atA, sizes[a], words, b * GramSets.Sketches.WORDS, sizes[b], threshold)) {
            continue;
          }
          if (band < 0) {
            band = index.bandOf(bucket);
          }
          if (sharedEarlier(members[a], members[b], band)
              || reader.jaccard(members[a], members[b]) < threshold) {
            continue;
          }
          edges.add(members[a]);
          edges.add(members[b]);
          int joined = components[a];
          for (int m = 0; m < count; m++) {
            if (components[m] == joined) {
              components[m] = components[b];
            }
          }
        }
      }
    }

    /** Whether g and h share a bucket in a band before {@code band}: checked there. */
    private boolean sharedEarlier(int g, int h, int band) {
      for (int earlier = 0; earlier < band; earlier++) {
        int bucket = index.bucket(earlier, g);
        if (bucket != BucketIndex.NONE && bucket == index.bucket(earlier, h)) {
          return true;
        }
      }
      return false;
    }
  }

  private static void union(int[] parent, int a, int b) {
    int ra = root(parent, a);
    int rb = root(parent, b);
    parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /** The root without shortening the path: safe while other threads read {@code parent}. */
  private static int find(int[] parent, int g) {
    while (parent[g] != g) {
      g = parent[g];
    }
    return g;
  }

  private static int root(int[] parent, int g) {
    while (parent[g] != g) {
      parent[g] = parent[parent[g]];
      g = parent[g];
    }
    return g;
  }
}
