package io.qaexport.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.domain.dedup.QuestionKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitAssignmentTest {
  private static final List<SplitAssignment.Split> EIGHTY_TEN_TEN =
      List.of(
          new SplitAssignment.Split("train", 0.8),
          new SplitAssignment.Split("validation", 0.1),
          new SplitAssignment.Split("test", 0.1));

  @Test
  void aQuestionAlwaysGoesToTheSameSplitForTheSameSeed() {
    var a = new SplitAssignment(EIGHTY_TEN_TEN, 7);
    var b = new SplitAssignment(EIGHTY_TEN_TEN, 7);
    for (int i = 0; i < 1000; i++) {
      long hash = QuestionKey.of("fråga " + i);
      assertEquals(a.splitOf(hash), b.splitOf(hash));
    }
  }

  @Test
  void theSplitsFollowTheFractionsAndAnotherSeedGivesAnotherSplit() {
    var seed0 = new SplitAssignment(EIGHTY_TEN_TEN, 0);
    var seed1 = new SplitAssignment(EIGHTY_TEN_TEN, 1);
    int[] counts = new int[3];
    int moved = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      long hash = QuestionKey.of("fråga nummer " + i);
      counts[seed0.splitOf(hash)]++;
      moved += seed0.splitOf(hash) != seed1.splitOf(hash) ? 1 : 0;
    }
    // Binomial: 4 standard deviations are under 0.5 % of n here.
    assertEquals(0.8 * n, counts[0], 0.005 * n);
    assertEquals(0.1 * n, counts[1], 0.005 * n);
    assertEquals(0.1 * n, counts[2], 0.005 * n);
    assertNotEquals(0, moved);
  }

  @Test
  void fractionsMustAddUpToOne() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SplitAssignment(
                List.of(
                    new SplitAssignment.Split("train", 0.8),
                    new SplitAssignment.Split("test", 0.1)),
                0));
  }
}
