package io.qaexport.domain.dedup;

import java.util.Arrays;

/**
 * Near-duplicate groups of the passed pairs (SPEC §6): exact duplicates are collapsed first;
 * the distinct questions' MinHash band keys give LSH candidates, each candidate pair is verified
 * by the exact Jaccard similarity of its gram sets, and then, best score first (ties: earliest
 * line), a question is dropped when it is similar to one already kept. So a kept pair is never a
 * verified duplicate of another kept pair, and every dropped pair names a kept one at or above
 * the threshold. Memory per pair: 16 bytes, and per distinct question its grams (4 bytes each),
 * 20 band keys and 24 bytes more; texts are never held.
 */
public final class NearGroups {
  /** Buckets larger than this pair each member with its next {@link #NEIGHBOURS} only. */
  private static final int FULL_BUCKET = 64;
  private static final int NEIGHBOURS = 16;

  private final ExactGroups exact = new ExactGroups();
  // Per pair, in line order.
  private final LongArray recordLines = new LongArray();
  private final IntArray recordGroups = new IntArray();
  private final IntArray recordPayloads = new IntArray();
  // Per distinct question (group), by ordinal.
  private int[][] grams = new int[1024][];
  private final IntArray bandKeys = new IntArray();
  private final LongArray hashes = new LongArray();
  private final LongArray bestLines = new LongArray();
  private double[] bestScores = new double[1024];

  public void add(long line, double score, long hash, String normalised, int payload) {
    int group = exact.offer(hash, line, score, payload);
    if (group == hashes.size()) {
      if (group == grams.length) {
        grams = Arrays.copyOf(grams, group * 2);
        bestScores = Arrays.copyOf(bestScores, group * 2);
      }
      grams[group] = Shingles.of(normalised);
      for (int key : Shingles.bandKeys(grams[group])) {
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
  public Resolution resolve(double threshold, ExactGroups.KeptAction kept) {
    int groups = hashes.size();
    long[] edges = verified(candidates(groups), threshold);
    Adjacency adjacency = new Adjacency(groups, edges);
    Integer[] order = new Integer[groups];
    for (int g = 0; g < groups; g++) {
      order[g] = g;
    }
    Arrays.sort(order, (a, b) -> bestScores[a] != bestScores[b]
        ? Double.compare(bestScores[b], bestScores[a])
        : Long.compare(bestLines.get(a), bestLines.get(b)));
    boolean[] isKept = new boolean[groups];
    int[] target = new int[groups];
    double[] similarity = new double[groups];
    for (int g : order) {
      int best = -1;
      double bestSimilarity = 0;
      for (int e = adjacency.start(g); e < adjacency.start(g + 1); e++) {
        int other = adjacency.neighbour(e);
        double s = adjacency.similarity(e);
        if (isKept[other] && (s > bestSimilarity || (s == bestSimilarity
            && bestLines.get(other) < bestLines.get(best)))) {
          best = other;
          bestSimilarity = s;
        }
      }
      if (best < 0) {
        isKept[g] = true;
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
   */
  public java.util.Map<Long, Long> componentKeys(double threshold) {
    int groups = hashes.size();
    long[] edges = verified(candidates(groups), threshold);
    int[] parent = new int[groups];
    for (int g = 0; g < groups; g++) {
      parent[g] = g;
    }
    for (int e = 0; e < edges.length; e += 2) {
      int a = root(parent, (int) (edges[e] >>> 32));
      int b = root(parent, (int) edges[e]);
      if (a != b) {
        parent[Math.max(a, b)] = Math.min(a, b);
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
    var keys = new java.util.HashMap<Long, Long>();
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

  /** Candidate pairs of groups (a < b, packed a << 32 | b), sorted, without repeats. */
  private long[] candidates(int groups) {
    // A set, not a list: a similar pair meets in many bands, and only its first meeting counts.
    var pairs = new LongSet();
    long[] bucketed = new long[groups];
    for (int band = 0; band < Shingles.BANDS; band++) {
      for (int g = 0; g < groups; g++) {
        bucketed[g] = ((long) bandKeys.get(g * Shingles.BANDS + band) << 32) | g;
      }
      Arrays.sort(bucketed);
      int start = 0;
      for (int i = 1; i <= groups; i++) {
        if (i == groups || (bucketed[i] >>> 32) != (bucketed[start] >>> 32)) {
          addBucket(bucketed, start, i, pairs);
          start = i;
        }
      }
    }
    long[] all = pairs.toArray();
    Arrays.sort(all);
    return all;
  }

  private static void addBucket(long[] bucketed, int start, int end, LongSet pairs) {
    int reach = end - start <= FULL_BUCKET ? end - start : NEIGHBOURS + 1;
    for (int i = start; i < end; i++) {
      for (int j = i + 1; j < Math.min(end, i + reach); j++) {
        int a = (int) bucketed[i];
        int b = (int) bucketed[j];
        pairs.add(((long) Math.min(a, b) << 32) | Math.max(a, b));
      }
    }
  }

  /** An open-addressing set of non-negative longs (packed pairs; -1 marks a free slot). */
  private static final class LongSet {
    private long[] slots = filled(1 << 12);
    private int size;

    public void add(long value) {
      if (2 * (size + 1) > slots.length) {
        long[] old = slots;
        slots = filled(old.length * 2);
        size = 0;
        for (long v : old) {
          if (v >= 0) {
            add(v);
          }
        }
      }
      int mask = slots.length - 1;
      int slot = (int) io.qaexport.domain.dedup.QuestionKey.mix(value) & mask;
      while (slots[slot] >= 0) {
        if (slots[slot] == value) {
          return;
        }
        slot = (slot + 1) & mask;
      }
      slots[slot] = value;
      size++;
    }

    long[] toArray() {
      long[] values = new long[size];
      int n = 0;
      for (long v : slots) {
        if (v >= 0) {
          values[n++] = v;
        }
      }
      return values;
    }

    private static long[] filled(int capacity) {
      long[] slots = new long[capacity];
      Arrays.fill(slots, -1);
      return slots;
    }
  }

  /** The candidates whose exact Jaccard similarity reaches the threshold, with it. */
  private long[] verified(long[] candidates, double threshold) {
    var edges = new LongArray();
    for (long pair : candidates) {
      int a = (int) (pair >>> 32);
      int b = (int) pair;
      double s = Shingles.jaccard(grams[a], grams[b]);
      if (s >= threshold) {
        edges.add(pair);
        edges.add(Double.doubleToRawLongBits(s));
      }
    }
    return edges.toArray();
  }

  /** Verified edges by group, both directions (compressed sparse rows). */
  private static final class Adjacency {
    private final int[] starts;
    private final int[] neighbours;
    private final double[] similarities;

    Adjacency(int groups, long[] edges) {
      starts = new int[groups + 1];
      for (int e = 0; e < edges.length; e += 2) {
        starts[(int) (edges[e] >>> 32) + 1]++;
        starts[(int) edges[e] + 1]++;
      }
      for (int g = 0; g < groups; g++) {
        starts[g + 1] += starts[g];
      }
      neighbours = new int[starts[groups]];
      similarities = new double[starts[groups]];
      int[] fill = Arrays.copyOf(starts, groups);
      for (int e = 0; e < edges.length; e += 2) {
        int a = (int) (edges[e] >>> 32);
        int b = (int) edges[e];
        double s = Double.longBitsToDouble(edges[e + 1]);
        neighbours[fill[a]] = b;
        similarities[fill[a]++] = s;
        neighbours[fill[b]] = a;
        similarities[fill[b]++] = s;
      }
    }

    int start(int group) {
      return starts[group];
    }

    int neighbour(int edge) {
      return neighbours[edge];
    }

    double similarity(int edge) {
      return similarities[edge];
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
        return new Verdict(duplicateOf.get(cursor),
            Double.longBitsToDouble(similarities.get(cursor)));
      }
      return null;
    }
  }
}
