package io.qaexport.domain.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The connected components of verified near duplicates, for a split that keeps every pair: each
 * question with a near duplicate (directly or through others) is mapped to one key shared by its
 * component, the smallest question hash in it, so the component lands in one split; a question
 * alone keeps its own hash. A candidate already in the question's component is not verified again,
 * so a large cluster costs about one check a question. Blocks of questions are checked against the
 * earlier blocks on all threads (finding edges; the components are only read), then joined in order
 * on one thread; the components do not depend on the order their edges are found in.
 */
final class NearComponents {
  private static final int NONE = BucketIndex.NONE;

  private final LshParameters lsh;
  private final double threshold;
  private final int block;
  private final GramSets grams;
  private final GramSets.Sketches sketches;
  private final LongArray hashes;

  NearComponents(
      LshParameters lsh,
      double threshold,
      int block,
      GramSets grams,
      GramSets.Sketches sketches,
      LongArray hashes) {
    this.lsh = lsh;
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
    }
    try (var workers = new Workers(threads)) {
      int[][] seen = new int[workers.threads() + 1][groups];
      GramSets.Reader[] readers = new GramSets.Reader[workers.threads() + 1];
      IntArray[] edges = new IntArray[workers.threads()];
      IntArray[] joined = new IntArray[workers.threads()];
      for (int w = 0; w < joined.length; w++) {
        joined[w] = new IntArray();
      }
      for (int w = 0; w < readers.length; w++) {
        readers[w] = grams.reader();
      }
      for (int start = 0; start < groups; start += block) {
        int from = start;
        int size = Math.min(block, groups - start);
        for (int w = 0; w < edges.length; w++) {
          edges[w] = new IntArray();
        }
        workers.run(
            size,
            (worker, i) -> {
              int g = from + i;
              joined[worker].clear();
              for (int band = 0; band < lsh.bands(); band++) {
                int bucket = index.bucket(band, g);
                if (bucket == NONE) {
                  continue;
                }
                for (int m = index.from(bucket), end = index.filledTo(bucket); m < end; m++) {
                  int other = index.member(m);
                  if (seen[worker][other] == g + 1) {
                    continue;
                  }
                  seen[worker][other] = g + 1;
                  // A component g is already joined to needs no second edge: in a cluster of
                  // hundreds this keeps one check per component instead of one per member.
                  int theirs = find(parent, other);
                  if (joined[worker].contains(theirs)) {
                    continue;
                  }
                  if (sketches.canReach(g, other, threshold)
                      && readers[worker].jaccard(g, other) >= threshold) {
                    edges[worker].add(g);
                    edges[worker].add(other);
                    joined[worker].add(theirs);
                  }
                }
              }
            });
        for (IntArray found : edges) {
          for (int e = 0; e < found.size(); e += 2) {
            union(parent, found.get(e), found.get(e + 1));
          }
        }
        int[] mine = seen[workers.threads()];
        GramSets.Reader reader = readers[workers.threads()];
        for (int g = start; g < start + size; g++) {
          for (int band = 0; band < lsh.bands(); band++) {
            int bucket = index.bucket(band, g);
            if (bucket == NONE) {
              continue;
            }
            // Earlier questions of this block: the bucket's last members, inserted in order.
            for (int m = index.filledTo(bucket) - 1; m >= index.from(bucket); m--) {
              int other = index.member(m);
              if (other < start) {
                break;
              }
              if (mine[other] == g + 1 || root(parent, g) == root(parent, other)) {
                continue;
              }
              mine[other] = g + 1;
              if (sketches.canReach(g, other, threshold) && reader.jaccard(g, other) >= threshold) {
                union(parent, g, other);
              }
            }
          }
          index.insert(g);
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
