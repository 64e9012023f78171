package io.qaexport.domain.dedup;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Near-duplicate groups of the passed pairs (SPEC §6): exact duplicates are collapsed first; then,
 * best score first (ties: earliest line), a question is dropped when its exact Jaccard similarity
 * with a question already kept reaches the threshold, else it is kept. The kept questions are found
 * through an LSH index of MinHash band keys ({@link LshParameters}, tuned to the threshold) and
 * verified on the grams themselves ({@link GramIds}), so a similarity is never a hash collision.
 * Only kept questions enter the index, and no candidate pair is stored: memory is the per-question
 * state (its gram ids, about 1.3 bytes each, a 36-byte sketch and two ints a band) and the
 * verdicts, whatever the size of a cluster of near-identical questions. Texts are never held.
 */
public final class NearGroups {
  private static final int NONE = -1;

  private final double threshold;
  private final LshParameters lsh;
  private final GramIds gramIds = new GramIds();
  private final ExactGroups exact = new ExactGroups();
  // Per pair, in line order.
  private final LongArray recordLines = new LongArray();
  private final IntArray recordGroups = new IntArray();
  private final IntArray recordPayloads = new IntArray();
  // Per distinct question (group), by ordinal.
  private final GramSets grams = new GramSets();
  private final GramSketches sketches = new GramSketches();
  // Released once the bucket index is built from them: a NearGroups is resolved once.
  private IntArray bandKeys = new IntArray();
  private final LongArray hashes = new LongArray();
  private final LongArray bestLines = new LongArray();
  private double[] bestScores = new double[1024];

  /**
   * @param threshold the Jaccard similarity from which two questions are near duplicates
   */
  public NearGroups(double threshold) {
    this.threshold = threshold;
    this.lsh = LshParameters.forThreshold(threshold);
  }

  public void add(long line, double score, long hash, String normalised, int payload) {
    int group = exact.offer(hash, line, score, payload);
    if (group == hashes.size()) {
      if (group == bestScores.length) {
        bestScores = Arrays.copyOf(bestScores, group * 2);
      }
      int[] ids = Shingles.of(normalised, gramIds);
      grams.put(group, ids);
      sketches.put(group, ids, gramIds);
      for (int key : Shingles.bandKeys(ids, gramIds, lsh)) {
        bandKeys.add(key);
      }
      hashes.add(hash);
      bestLines.add(line);
      bestScores[group] = score;
    } else if (score > bestScores[group]) {
      bestLines.set(group, line);
      bestScores[group] = score;
    }
    recordLines.add(line);
    recordGroups.add(group);
    recordPayloads.add(payload);
  }

  /** The pairs' fates: who is dropped (and for whom), and each kept pair to {@code kept}. */
  public Resolution resolve(ExactGroups.KeptAction kept) {
    int groups = hashes.size();
    Integer[] order = new Integer[groups];
    for (int g = 0; g < groups; g++) {
      order[g] = g;
    }
    Arrays.sort(
        order,
        (a, b) ->
            bestScores[a] != bestScores[b]
                ? Double.compare(bestScores[b], bestScores[a])
                : Long.compare(bestLines.get(a), bestLines.get(b)));
    var index = new BucketIndex(groups);
    boolean[] isKept = new boolean[groups];
    int[] target = new int[groups];
    double[] similarity = new double[groups];
    int[] seen = new int[groups]; // the last group (plus one) that looked at this one
    for (int g : order) {
      int best = NONE;
      double bestSimilarity = 0;
      for (int band = 0; band < lsh.bands(); band++) {
        for (int other = index.first(band, g); other != NONE; other = index.next(band, other)) {
          if (seen[other] == g + 1) {
            continue; // met in an earlier band
          }
          seen[other] = g + 1;
          if (!sketches.canReach(g, other, threshold)) {
            continue;
          }
          double s = grams.jaccard(g, other);
          if (s >= threshold
              && (s > bestSimilarity
                  || (s == bestSimilarity && bestLines.get(other) < bestLines.get(best)))) {
            best = other;
            bestSimilarity = s;
          }
        }
      }
      if (best == NONE) {
        isKept[g] = true;
        index.insert(g);
      } else {
        target[g] = best;
        similarity[g] = bestSimilarity;
      }
    }
    var dropped = new Resolution();
    for (int r = 0; r < recordLines.size(); r++) {
      long line = recordLines.get(r);
      int g = recordGroups.get(r);
      if (!isKept[g]) {
        dropped.add(line, bestLines.get(target[g]), similarity[g]);
      } else if (line != bestLines.get(g)) {
        dropped.add(line, bestLines.get(g), 1.0);
      } else {
        kept.accept(hashes.get(g), line, recordPayloads.get(r));
      }
    }
    return dropped;
  }

  /**
   * For the split without dropping anything: every question that has a verified near duplicate
   * (directly or through others: connected components) is mapped to one key shared by its
   * component, the smallest question hash in it, so the component lands in one split. Questions
   * alone in their component are left out (they keep their own hash).
   *
   * <p>A candidate already in the question's component needs no check, and a run of such candidates
   * in a bucket is passed in one step ({@link BucketIndex#skipComponent}): a cluster of hundreds of
   * near-identical questions shares nearly every band, and walking it member by member for each new
   * member made the split grow with the square of the cluster (74M bucket steps for 19M distinct
   * candidates on 200k templated questions).
   */
  public Map<Long, Long> componentKeys() {
    int groups = hashes.size();
    int[] parent = new int[groups];
    for (int g = 0; g < groups; g++) {
      parent[g] = g;
    }
    var index = new BucketIndex(groups);
    index.trackComponents();
    int[] seen = new int[groups];
    for (int g = 0; g < groups; g++) {
      for (int band = 0; band < lsh.bands(); band++) {
        int other = index.first(band, g);
        while (other != NONE) {
          int mine = root(parent, g);
          int theirs = root(parent, other);
          if (theirs == mine) {
            other = index.skipComponent(band, other, parent, mine);
          } else if (seen[other] != g + 1
              && sketches.canReach(g, other, threshold)
              && grams.jaccard(g, other) >= threshold) {
            seen[other] = g + 1;
            parent[Math.max(mine, theirs)] = Math.min(mine, theirs); // the next step skips it
          } else {
            seen[other] = g + 1; // met again in a later band: not verified twice
            other = index.next(band, other);
          }
        }
      }
      index.insert(g, parent);
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

  private static int root(int[] parent, int g) {
    while (parent[g] != g) {
      parent[g] = parent[parent[g]];
      g = parent[g];
    }
    return g;
  }

  /**
   * Per band, the questions inserted so far that share a question's band key: a singly linked list
   * per bucket, so a lookup walks only the bucket's inserted members. Bucket numbers come from
   * sorting each band's keys once and take the keys' place; two ints per question and band (three
   * when it tracks components), a question's bands side by side.
   */
  private final class BucketIndex {
    private final int bands = lsh.bands();
    // [g * bands + band]: g's bucket in the band, numbered across all bands; NONE when g is alone
    // in it (no candidate ever comes from it). Written over the band keys' own array.
    private final int[] bucketOf;
    private final int[] heads; // [bucket]
    private final int[] next; // [g * bands + band]
    // [g * bands + band]: the first member after g in its bucket that was not in g's component
    // when g was inserted (components only merge, so the members passed stay in it).
    private int[] skip;

    BucketIndex(int groups) {
      if (bandKeys == null) {
        throw new IllegalStateException("near groups are resolved once");
      }
      bucketOf = bandKeys.array();
      bandKeys = null;
      next = new int[bands * groups];
      long[] sorted = new long[groups];
      int buckets = 0;
      for (int band = 0; band < bands; band++) {
        for (int g = 0; g < groups; g++) {
          sorted[g] = ((long) bucketOf[g * bands + band] << 32) | g;
        }
        Arrays.sort(sorted);
        for (int i = 0; i < groups; ) {
          int end = i + 1;
          while (end < groups && (sorted[end] >>> 32) == (sorted[i] >>> 32)) {
            end++;
          }
          int bucket = end - i > 1 ? buckets++ : NONE;
          for (; i < end; i++) {
            bucketOf[(int) sorted[i] * bands + band] = bucket;
          }
        }
      }
      heads = new int[buckets];
      Arrays.fill(heads, NONE);
    }

    int first(int band, int g) {
      int bucket = bucketOf[g * bands + band];
      return bucket == NONE ? NONE : heads[bucket];
    }

    int next(int band, int g) {
      return next[g * bands + band];
    }

    void trackComponents() {
      skip = new int[next.length];
    }

    void insert(int g) {
      insert(g, null);
    }

    /** Inserts g; with components tracked, {@code parent} is the union-find they are read from. */
    void insert(int g, int[] parent) {
      for (int band = 0; band < bands; band++) {
        int at = g * bands + band;
        int bucket = bucketOf[at];
        if (bucket == NONE) {
          continue;
        }
        int head = heads[bucket];
        next[at] = head;
        if (skip != null) {
          skip[at] =
              head != NONE && root(parent, head) == root(parent, g)
                  ? skip[head * bands + band]
                  : head;
        }
        heads[bucket] = g;
      }
    }

    /**
     * The first member after {@code g} in its band's bucket that may lie outside component {@code
     * component}, which holds g: the members passed are in it. The jump found is remembered.
     */
    int skipComponent(int band, int g, int[] parent, int component) {
      int to = skip[g * bands + band];
      while (to != NONE && root(parent, to) == component) {
        to = skip[to * bands + band];
      }
      skip[g * bands + band] = to;
      return to;
    }
  }

  /** The dropped pairs in line order, asked with a cursor as the second pass reads on. */
  static final class Resolution implements DuplicateVerdicts {
    private final LongArray lines = new LongArray();
    private final LongArray duplicateOf = new LongArray();
    private final LongArray similarities = new LongArray();
    private int cursor;

    private void add(long line, long of, double similarity) {
      lines.add(line);
      duplicateOf.add(of);
      similarities.add(Double.doubleToRawLongBits(similarity));
    }

    int size() {
      return lines.size();
    }

    @Override
    public Verdict of(long lineNumber, long questionHash) {
      while (cursor < lines.size() && lines.get(cursor) < lineNumber) {
        cursor++;
      }
      if (cursor < lines.size() && lines.get(cursor) == lineNumber) {
        return new Verdict(
            duplicateOf.get(cursor), Double.longBitsToDouble(similarities.get(cursor)));
      }
      return null;
    }
  }
}
