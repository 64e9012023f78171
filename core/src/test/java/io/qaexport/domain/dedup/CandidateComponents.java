package io.qaexport.domain.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain definition of the split's components, for tests: every pair of distinct questions that
 * shares a band key in some band and whose grams reach the threshold is joined, by brute force over
 * all pairs; each question of a component of two or more is keyed by the component's smallest hash.
 * {@link NearGroups#componentKeys} must give exactly this, however it searches.
 */
final class CandidateComponents {
  private CandidateComponents() {}

  static Map<Long, Long> keys(List<String> normalised, double threshold) {
    var ids = new GramIds();
    var lsh = LshParameters.forThreshold(threshold);
    Map<Long, int[]> gramsByHash = new LinkedHashMap<>();
    for (String question : normalised) {
      gramsByHash.computeIfAbsent(QuestionKey.hash(question), h -> Shingles.of(question, ids));
    }
    List<Long> hashes = new ArrayList<>(gramsByHash.keySet());
    List<int[]> grams = new ArrayList<>(gramsByHash.values());
    List<int[]> bandKeys = new ArrayList<>();
    for (int[] set : grams) {
      bandKeys.add(Shingles.bandKeys(set, ids, lsh));
    }
    int n = hashes.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (shareABand(bandKeys.get(i), bandKeys.get(j))
            && Shingles.jaccard(grams.get(i), grams.get(j)) >= threshold) {
          parent[root(parent, i)] = root(parent, j);
        }
      }
    }
    Map<Integer, List<Long>> components = new HashMap<>();
    for (int i = 0; i < n; i++) {
      components.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(hashes.get(i));
    }
    Map<Long, Long> keys = new HashMap<>();
    for (List<Long> members : components.values()) {
      if (members.size() > 1) {
        long key = members.stream().mapToLong(Long::longValue).min().orElseThrow();
        for (long member : members) {
          keys.put(member, key);
        }
      }
    }
    return keys;
  }

  /** Whether two questions' band keys agree in some band: a candidate pair. */
  static boolean shareABand(int[] a, int[] b) {
    for (int band = 0; band < a.length; band++) {
      if (a[band] == b[band]) {
        return true;
      }
    }
    return false;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }
}
