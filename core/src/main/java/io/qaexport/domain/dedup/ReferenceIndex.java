package io.qaexport.domain.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference questions (an evaluation set, an earlier release) that pairs are checked against: a
 * question matches a reference when their normalised texts are equal, or their exact Jaccard
 * similarity on the grams reaches the threshold; it matches the most similar one (ties: the
 * reference added first). Near candidates come from MinHash LSH tuned to the threshold ({@link
 * LshParameters}) and are verified on the grams ({@link GramIds}). Memory grows with the references
 * only (their texts, gram ids and band keys), never with the questions checked.
 */
public final class ReferenceIndex {
  /** A reference question that a checked question matched. */
  public record Match(int source, long line, String question, double similarity) {}

  private final double threshold;
  private final LshParameters lsh;
  private final GramIds gramIds = new GramIds();
  private final Map<Long, Integer> byHash = new HashMap<>();
  private final List<String> questions = new ArrayList<>();
  private final IntArray sources = new IntArray();
  private final LongArray lines = new LongArray();
  private final List<int[]> grams = new ArrayList<>();
  private final IntArray bandKeys = new IntArray();
  private long[][] buckets; // per band: (key << 32 | reference), sorted; built on first lookup
  private int[] seen; // per reference: the last query that verified it
  private int query;

  public ReferenceIndex(double threshold) {
    this.threshold = threshold;
    this.lsh = LshParameters.forThreshold(threshold);
  }

  /**
   * Adds a reference question of reference file {@code source}, at {@code line} (from 1), unless it
   * normalises to nothing (punctuation or a source tag alone): that would match every question that
   * also does, such as a defaulted empty one.
   *
   * @return whether it was added
   */
  public boolean add(int source, long line, String question) {
    if (buckets != null) {
      throw new IllegalStateException("references are added before the first lookup");
    }
    String normalised = QuestionKey.normalise(question);
    if (normalised.isEmpty()) {
      return false;
    }
    int reference = questions.size();
    byHash.putIfAbsent(QuestionKey.hash(normalised), reference);
    questions.add(question);
    sources.add(source);
    lines.add(line);
    int[] ids = Shingles.of(normalised, gramIds);
    grams.add(ids);
    for (int key : Shingles.bandKeys(ids, gramIds, lsh)) {
      bandKeys.add(key);
    }
    return true;
  }

  public int size() {
    return questions.size();
  }

  /** The reference the question matches, or null. */
  public synchronized Match match(String question) {
    if (buckets == null) {
      buckets = buckets();
      seen = new int[questions.size()];
    }
    String normalised = QuestionKey.normalise(question);
    if (normalised.isEmpty()) {
      return null; // no reference is empty
    }
    Integer equal = byHash.get(QuestionKey.hash(normalised));
    if (equal != null) {
      return match(equal, 1.0);
    }
    // Grams the references never had get ids too: a few per question, far fewer than texts.
    int[] ids = Shingles.of(normalised, gramIds);
    int[] keys = Shingles.bandKeys(ids, gramIds, lsh);
    int best = -1;
    double bestSimilarity = 0;
    query++;
    for (int band = 0; band < keys.length; band++) {
      long[] bucket = buckets[band];
      long from = (long) keys[band] << 32;
      int i = Arrays.binarySearch(bucket, from);
      for (i = i < 0 ? -i - 1 : i; i < bucket.length && (bucket[i] >>> 32) == (from >>> 32); i++) {
        int reference = (int) bucket[i];
        if (seen[reference] == query) {
          continue; // met in an earlier band: verified once
        }
        seen[reference] = query;
        int[] other = grams.get(reference);
        if (!Shingles.canReach(ids.length, other.length, threshold)) {
          continue;
        }
        double s = Shingles.jaccard(ids, other);
        if (s >= threshold && (s > bestSimilarity || (s == bestSimilarity && reference < best))) {
          best = reference;
          bestSimilarity = s;
        }
      }
    }
    return best < 0 ? null : match(best, bestSimilarity);
  }

  private Match match(int reference, double similarity) {
    return new Match(
        sources.get(reference), lines.get(reference), questions.get(reference), similarity);
  }

  private long[][] buckets() {
    int bands = lsh.bands();
    long[][] built = new long[bands][questions.size()];
    for (int band = 0; band < bands; band++) {
      for (int r = 0; r < questions.size(); r++) {
        built[band][r] = ((long) bandKeys.get(r * bands + band) << 32) | r;
      }
      Arrays.sort(built[band]);
    }
    return built;
  }
}
