package io.qaexport.domain.dedup;

import java.util.Arrays;
import java.util.Map;

/**
 * Near-duplicate groups of the passed pairs (SPEC §6): exact duplicates are collapsed first; then,
 * best score first (ties: earliest line), a question is dropped when its exact Jaccard similarity
 * with a question already kept reaches the threshold, else it is kept. The kept questions are found
 * through an LSH index of MinHash band keys ({@link LshParameters}, tuned to the threshold) and
 * verified on the grams themselves ({@link GramIds}, {@link GramSets}), so a similarity is never a
 * hash collision. Only kept questions enter the index, and no candidate pair is stored: memory is
 * the per-question state (its gram ids, about 1.3 bytes each, a 36-byte sketch, copied once more
 * when it is kept, and two ints a band) and the verdicts, whatever the size of a cluster of
 * near-identical questions. Texts are never held.
 */
public final class NearGroups {
  private static final int NONE = BucketIndex.NONE;
  // Questions checked together against the earlier ones (and the components' buckets per round):
  // large enough that the threads' hand-over is negligible, small enough that few matches fall
  // within one block (those are checked alone).
  private static final int BLOCK = 4096;
  private static final int THREADS = Runtime.getRuntime().availableProcessors();
  private final int block;
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
  private final GramSets.Sketches sketches = new GramSets.Sketches();
  // Released once the bucket index is built from them: a NearGroups is resolved once.
  private BandKeyWriter bandKeys;
  private final LongArray hashes = new LongArray();
  private final LongArray bestLines = new LongArray();
  private double[] bestScores = new double[1024];

  /** {@code threshold}: the Jaccard similarity from which two questions are near duplicates. */
  public NearGroups(double threshold) {
    this(threshold, BLOCK);
  }

  /**
   * With blocks of {@code block} questions, and rounds of {@code block} buckets for the components
   * (tests make the threads meet on small inputs).
   */
  NearGroups(double threshold, int block) {
    this.threshold = threshold;
    this.lsh = LshParameters.forThreshold(threshold);
    this.block = block;
    this.bandKeys = new BandKeyWriter(lsh, THREADS > 1);
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
      bandKeys.add(Shingles.fingerprints(ids, gramIds));
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
  public DuplicateVerdicts.InLineOrder resolve(ExactGroups.KeptAction kept) {
    return resolve(kept, THREADS);
  }

  /**
   * As {@link #resolve(ExactGroups.KeptAction)} on {@code threads} threads, with the same result
   * whatever their number: the questions are taken in blocks, in score order; each question of a
   * block is checked against the questions kept before the block on all threads at once (the index
   * is only read then), then, in order on one thread, against those kept earlier in its own block.
   * The two best matches are combined by the one rule (most similar, then earliest line), so the
   * verdict is the one-by-one walk's.
   */
  DuplicateVerdicts.InLineOrder resolve(ExactGroups.KeptAction kept, int threads) {
    int groups = hashes.size();
    int[] order = scoreOrder(groups);
    var index = bucketIndex(groups);
    // The kept questions' sketches side by side, by the order they were kept in (the numbers the
    // index holds): a candidate's sketch is then read from a third of the memory, which the cache
    // holds at 1M questions (a 1M near run: -10 % CPU, -11 to -17 % wall; bench/RESULTS.md).
    var keptSketches = new GramSets.Sketches();
    var keptGroups = new IntArray();
    boolean[] isKept = new boolean[groups];
    int[] target = new int[groups];
    double[] similarity = new double[groups];
    int[] blockBest = new int[block];
    double[] blockSimilarity = new double[block];
    try (var workers = new Workers(threads)) {
      Matcher[] matchers = new Matcher[workers.threads() + 1];
      for (int m = 0; m < matchers.length; m++) {
        matchers[m] = new Matcher(groups);
      }
      Matcher inBlock = matchers[workers.threads()];
      for (int start = 0; start < groups; start += block) {
        int from = start;
        int size = Math.min(block, groups - start);
        int keptBefore = keptGroups.size();
        workers.run(
            size,
            (worker, i) -> {
              Matcher matcher = matchers[worker];
              int g = order[from + i];
              matcher.reset();
              for (int band = 0; band < lsh.bands(); band++) {
                int bucket = index.bucket(band, g);
                if (bucket != NONE) {
                  for (int m = index.from(bucket), end = index.filledTo(bucket); m < end; m++) {
                    matcher.consider(g, index.member(m), keptSketches, keptGroups);
                  }
                }
              }
              blockBest[i] = matcher.best;
              blockSimilarity[i] = matcher.bestSimilarity;
            });
        for (int i = 0; i < size; i++) {
          int g = order[start + i];
          inBlock.reset();
          inBlock.best = blockBest[i];
          inBlock.bestSimilarity = blockSimilarity[i];
          for (int band = 0; band < lsh.bands(); band++) {
            int bucket = index.bucket(band, g);
            if (bucket != NONE) {
              // Kept in this block: the bucket's last members, inserted in score order.
              for (int m = index.filledTo(bucket) - 1; m >= index.from(bucket); m--) {
                int other = index.member(m);
                if (other < keptBefore) {
                  break;
                }
                inBlock.consider(g, other, keptSketches, keptGroups);
              }
            }
          }
          if (inBlock.best == NONE) {
            isKept[g] = true;
            index.insert(g, keptGroups.size());
            keptSketches.put(keptGroups.size(), sketches, g);
            keptGroups.add(g);
          } else {
            target[g] = inBlock.best;
            similarity[g] = inBlock.bestSimilarity;
          }
        }
      }
    }
    var dropped = new DuplicateVerdicts.InLineOrder();
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

  /** Best score first; ties: the earliest line. */
  private int[] scoreOrder(int groups) {
    Integer[] boxed = new Integer[groups];
    for (int g = 0; g < groups; g++) {
      boxed[g] = g;
    }
    Arrays.sort(
        boxed,
        (a, b) ->
            bestScores[a] != bestScores[b]
                ? Double.compare(bestScores[b], bestScores[a])
                : Long.compare(bestLines.get(a), bestLines.get(b)));
    int[] order = new int[groups];
    for (int r = 0; r < groups; r++) {
      order[r] = boxed[r];
    }
    return order;
  }

  /**
   * One thread's search for a question's best verified match: each candidate once (a question met
   * in an earlier band is skipped), the sketch bound first, then the exact Jaccard.
   */
  private final class Matcher {
    private final int[] seen; // by kept number: the last question (plus one) that looked at it
    private final GramSets.Reader reader = grams.reader();
    int best;
    double bestSimilarity;

    Matcher(int groups) {
      seen = new int[groups];
    }

    void reset() {
      best = NONE;
      bestSimilarity = 0;
    }

    /** Question g against the {@code k}th kept question. */
    void consider(int g, int k, GramSets.Sketches keptSketches, IntArray keptGroups) {
      if (seen[k] == g + 1) {
        return; // met in an earlier band
      }
      seen[k] = g + 1;
      if (!sketches.canReach(g, keptSketches, k, threshold)) {
        return;
      }
      int other = keptGroups.get(k);
      double s = reader.jaccard(g, other);
      if (s >= threshold
          && (s > bestSimilarity
              || (s == bestSimilarity && bestLines.get(other) < bestLines.get(best)))) {
        best = other;
        bestSimilarity = s;
      }
    }
  }

  /**
   * For the split without dropping anything: every question that has a verified near duplicate
   * (directly or through others: connected components) mapped to one key shared by its component,
   * the smallest question hash in it ({@link NearComponents}).
   */
  public Map<Long, Long> componentKeys() {
    return componentKeys(THREADS);
  }

  Map<Long, Long> componentKeys(int threads) {
    return new NearComponents(threshold, block, grams, sketches, hashes)
        .keys(bucketIndex(hashes.size()), threads);
  }

  /** The band keys become the index's bucket numbers: a NearGroups is resolved once. */
  private BucketIndex bucketIndex(int groups) {
    if (bandKeys == null) {
      throw new IllegalStateException("near groups are resolved once");
    }
    int[] keys = bandKeys.finish();
    bandKeys = null;
    return new BucketIndex(keys, lsh.bands(), groups);
  }
}
