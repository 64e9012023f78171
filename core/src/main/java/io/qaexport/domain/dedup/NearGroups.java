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
  private static final int NONE = BucketIndex.NONE;

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
    var index = bucketIndex(groups);
    boolean[] isKept = new boolean[groups];
    int[] target = new int[groups];
    double[] similarity = new double[groups];
    int[] seen = new int[groups]; // the last group (plus one) that looked at this one
    for (int g : order) {
      int best = NONE;
      double bestSimilarity = 0;
      for (int band = 0; band < lsh.bands(); band++) {
        int bucket = index.bucket(band, g);
        if (bucket == NONE) {
          continue;
        }
        for (int i = index.from(bucket), end = index.filledTo(bucket); i < end; i++) {
          int other = index.member(i);
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
   * alone in their component are left out (they keep their own hash). A candidate already in the
   * question's component is not verified again, so a large cluster costs about one check each.
   */
  public Map<Long, Long> componentKeys() {
    int groups = hashes.size();
    int[] parent = new int[groups];
    for (int g = 0; g < groups; g++) {
      parent[g] = g;
    }
    var index = bucketIndex(groups);
    int[] seen = new int[groups];
    for (int g = 0; g < groups; g++) {
      for (int band = 0; band < lsh.bands(); band++) {
        int bucket = index.bucket(band, g);
        if (bucket == NONE) {
          continue;
        }
        for (int i = index.from(bucket), end = index.filledTo(bucket); i < end; i++) {
          int other = index.member(i);
          if (seen[other] == g + 1) {
            continue;
          }
          int mine = root(parent, g);
          int theirs = root(parent, other);
          if (mine == theirs) {
            continue;
          }
          seen[other] = g + 1;
          if (sketches.canReach(g, other, threshold) && grams.jaccard(g, other) >= threshold) {
            parent[Math.max(mine, theirs)] = Math.min(mine, theirs);
          }
        }
      }
      index.insert(g);
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

  /** The band keys become the index's bucket numbers: a NearGroups is resolved once. */
  private BucketIndex bucketIndex(int groups) {
    if (bandKeys == null) {
      throw new IllegalStateException("near groups are resolved once");
    }
    int[] keys = bandKeys.array();
    bandKeys = null;
    return new BucketIndex(keys, lsh.bands(), groups);
  }

  private static int root(int[] parent, int g) {
    while (parent[g] != g) {
      parent[g] = parent[parent[g]];
      g = parent[g];
    }
    return g;
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
