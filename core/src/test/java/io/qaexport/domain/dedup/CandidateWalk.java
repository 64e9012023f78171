package io.qaexport.domain.dedup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain definition of near dedup's verdicts, for tests: exact repeats collapse onto their
 * best-scored line (ties: the earliest); then, best score first (ties: earliest line), each
 * distinct question is dropped for the kept question it shares a band key with that is most similar
 * at or above the threshold (ties: the earliest line), by brute force over every kept one, else
 * kept. {@link NearGroups#resolve} must give exactly this, however it searches.
 */
final class CandidateWalk {
  private CandidateWalk() {}

  /** One line of input: its number, score and normalised question. */
  record Line(long line, double score, String normalised) {}

  /**
   * Per line, in input order: "kept" or "LINE@SIMILARITY" (dropped for that line); then "kept" and
   * the kept lines in input order.
   */
  static List<String> fates(List<Line> lines, double threshold) {
    var ids = new GramIds();
    var lsh = LshParameters.forThreshold(threshold);
    Map<Long, Integer> groupOf = new LinkedHashMap<>();
    List<int[]> grams = new ArrayList<>();
    List<int[]> bandKeys = new ArrayList<>();
    List<Long> bestLine = new ArrayList<>();
    List<Double> bestScore = new ArrayList<>();
    int[] lineGroups = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      long hash = QuestionKey.hash(line.normalised());
      Integer group = groupOf.get(hash);
      if (group == null) {
        group = grams.size();
        groupOf.put(hash, group);
        int[] set = Shingles.of(line.normalised(), ids);
        grams.add(set);
        bandKeys.add(Shingles.bandKeys(set, ids, lsh));
        bestLine.add(line.line());
        bestScore.add(line.score());
      } else if (line.score() > bestScore.get(group)) {
        bestLine.set(group, line.line());
        bestScore.set(group, line.score());
      }
      lineGroups[i] = group;
    }
    int groups = grams.size();
    List<Integer> order = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      order.add(g);
    }
    order.sort(
        (a, b) ->
            !bestScore.get(a).equals(bestScore.get(b))
                ? Double.compare(bestScore.get(b), bestScore.get(a))
                : Long.compare(bestLine.get(a), bestLine.get(b)));
    List<Integer> kept = new ArrayList<>();
    int[] target = new int[groups];
    double[] similarity = new double[groups];
    boolean[] isKept = new boolean[groups];
    for (int g : order) {
      int best = -1;
      double bestSimilarity = 0;
      for (int other : kept) {
        if (!CandidateComponents.shareABand(bandKeys.get(g), bandKeys.get(other))) {
          continue;
        }
        double s = Shingles.jaccard(grams.get(g), grams.get(other));
        if (s >= threshold
            && (s > bestSimilarity
                || (s == bestSimilarity && bestLine.get(other) < bestLine.get(best)))) {
          best = other;
          bestSimilarity = s;
        }
      }
      if (best < 0) {
        isKept[g] = true;
        kept.add(g);
      } else {
        target[g] = best;
        similarity[g] = bestSimilarity;
      }
    }
    List<String> fates = new ArrayList<>();
    List<Long> keptLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      int g = lineGroups[i];
      long line = lines.get(i).line();
      if (!isKept[g]) {
        fates.add(bestLine.get(target[g]) + "@" + similarity[g]);
      } else if (line != bestLine.get(g)) {
        fates.add(bestLine.get(g) + "@" + 1.0);
      } else {
        fates.add("kept");
        keptLines.add(line);
      }
    }
    fates.add("kept " + keptLines);
    return fates;
  }
}
