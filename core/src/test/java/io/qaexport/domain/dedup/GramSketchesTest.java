package io.qaexport.domain.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramSketchesTest {
  private static final GramIds IDS = new GramIds();

  static {
    int[] letters = new int[4];
    for (int i = 0; i < 5000; i++) { // 5,000 distinct grams to draw from
      letters[0] = 'a' + i % 26;
      letters[1] = 'a' + i / 26 % 26;
      letters[2] = 'a' + i / 676 % 26;
      letters[3] = 'å';
      IDS.idOf(letters, 0, 4);
    }
  }

  private static int[] randomSet(Random random, int size) {
    return random.ints(0, IDS.size()).distinct().limit(size).sorted().toArray();
  }

  /** Two sets of sizes near each other sharing a random part, as near-duplicate candidates do. */
  @Test
  void theBoundNeverCutsAPairThatReachesTheThreshold() {
    var random = new Random(22);
    var sketches = new GramSets.Sketches();
    int cut = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      int[] a = randomSet(random, 1 + random.nextInt(300));
      int[] b = a.clone();
      for (int change = random.nextInt(a.length + 1); change > 0; change--) {
        b[random.nextInt(b.length)] = random.nextInt(IDS.size());
      }
      if (random.nextBoolean()) {
        b = Arrays.copyOf(b, Math.max(0, b.length - random.nextInt(5)));
      }
      b = Arrays.stream(b).distinct().sorted().toArray();
      sketches.put(0, a, IDS);
      sketches.put(1, b, IDS);
      double exact = Shingles.jaccard(a, b);
      for (double t : new double[] {0.3, 0.5, 0.8, 0.9, 1.0}) {
        if (exact >= t) {
          assertTrue(sketches.canReach(0, 1, t), exact + " at " + t);
          assertTrue(sketches.canReach(1, 0, t), "symmetric");
        } else if (!sketches.canReach(0, 1, t)) {
          cut++;
        }
      }
    }
    assertTrue(cut > 20_000, "the bound cuts dissimilar candidates: " + cut);
  }

  /** The components copy a bucket's sketches side by side; the bound must not change. */
  @Test
  void aCopiedSketchGivesTheSameBound() {
    var random = new Random(5);
    var sketches = new GramSets.Sketches();
    long[] copied = new long[2 * GramSets.Sketches.WORDS + 3];
    for (int trial = 0; trial < 2_000; trial++) {
      int[] a = randomSet(random, random.nextInt(200));
      int[] b = randomSet(random, random.nextInt(200));
      sketches.put(trial, a, IDS);
      sketches.put(trial + 1, b, IDS);
      sketches.copy(trial, copied, 3);
      sketches.copy(trial + 1, copied, 3 + GramSets.Sketches.WORDS);
      for (double t : new double[] {0.1, 0.5, 0.8, 1.0}) {
        assertEquals(
            sketches.canReach(trial, trial + 1, t),
            GramSets.Sketches.canReach(
                copied,
                3,
                sketches.size(trial),
                copied,
                3 + GramSets.Sketches.WORDS,
                sketches.size(trial + 1),
                t));
      }
      assertEquals(a.length, sketches.size(trial));
      // The kept questions' copy (another Sketches) bounds exactly as the original.
      var kept = new GramSets.Sketches();
      kept.put(trial % 7, sketches, trial + 1);
      for (double t : new double[] {0.1, 0.5, 0.8, 1.0}) {
        assertEquals(
            Shingles.jaccard(a, b) >= t || sketches.canReach(trial, trial + 1, t),
            sketches.canReach(trial, kept, trial % 7, t));
        if (Shingles.jaccard(a, b) >= t) {
          assertTrue(sketches.canReach(trial, kept, trial % 7, t), "never below the truth");
        }
      }
    }
  }

  @Test
  void emptySetsAreEqualAndAnEmptySetReachesNoOther() {
    var sketches = new GramSets.Sketches();
    sketches.put(0, new int[0], IDS);
    sketches.put(1, new int[0], IDS);
    sketches.put(2, new int[] {1, 2}, IDS);
    assertTrue(sketches.canReach(0, 1, 1.0));
    assertFalse(sketches.canReach(0, 2, 0.5));
  }

  @Test
  void setsAreReplacedAndTheStoreGrows() {
    var sketches = new GramSets.Sketches();
    int[] set = {3, 4, 5};
    sketches.put(5000, set, IDS);
    sketches.put(0, set, IDS);
    assertTrue(sketches.canReach(0, 5000, 1.0));
    sketches.put(0, new int[] {6, 7, 8, 9, 10, 11}, IDS);
    assertFalse(sketches.canReach(0, 5000, 0.9));
  }
}
