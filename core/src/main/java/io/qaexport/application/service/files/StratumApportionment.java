package io.qaexport.application.service.files;

import io.qaexport.domain.SplitAssignment;
import java.util.Arrays;

/**
 * How many of each stratum's questions go to each split. Rounded stratum by stratum, a hundred
 * strata of one question each would all go to the largest split and leave the others empty; here
 * each stratum gets its share rounded down, and the questions left over go, one per split at most,
 * to the splits furthest below their share of all strata so far. So each stratum is within one
 * question of its fractions, and each split within about one question of its share of the whole.
 */
final class StratumApportionment {

  private final double[] fractions;

  /** Per split: its share of the questions of the strata so far, and what it got of them. */
  private final double[] owed;

  private final long[] given;

  StratumApportionment(SplitAssignment assignment) {
    fractions = new double[assignment.size()];
    for (int i = 0; i < fractions.length; i++) {
      fractions[i] = assignment.splits().get(i).fraction();
    }
    owed = new double[fractions.length];
    given = new long[fractions.length];
  }

  /** Each split's count of the next stratum's {@code size} questions; they add up to it. */
  int[] next(int size) {
    int[] counts = new int[fractions.length];
    int left = size;
    for (int i = 0; i < fractions.length; i++) {
      owed[i] += size * fractions[i];
      counts[i] = Math.min(left, (int) Math.floor(size * fractions[i]));
      left -= counts[i];
    }
    boolean[] topped = new boolean[fractions.length];
    while (left > 0) {
      int furthest = -1;
      for (int i = 0; i < fractions.length; i++) {
        if (!topped[i]
            && (furthest < 0
                || owed[i] - given[i] - counts[i]
                    > owed[furthest] - given[furthest] - counts[furthest])) {
          furthest = i;
        }
      }
      if (furthest < 0) { // fractions that add up to under one by rounding: start a new round
        Arrays.fill(topped, false);
        continue;
      }
      topped[furthest] = true;
      counts[furthest]++;
      left--;
    }
    for (int i = 0; i < fractions.length; i++) {
      given[i] += counts[i];
    }
    return counts;
  }
}
