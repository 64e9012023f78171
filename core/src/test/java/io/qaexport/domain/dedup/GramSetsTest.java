package io.qaexport.domain.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramSetsTest {
  @Test
  void everySetComesBackAsStoredAndItsJaccardIsTheArraysOne() {
    var random = new Random(11);
    var sets = new GramSets();
    List<int[]> stored = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      int size = i % 97 == 0 ? 0 : 1 + random.nextInt(i % 5 == 0 ? 400 : 90);
      // Ids up to 2^31 - 1: gaps of one to five varint bytes.
      int bound = i % 3 == 0 ? 7_000 : Integer.MAX_VALUE;
      int[] set = random.ints(0, bound).distinct().limit(size).sorted().toArray();
      sets.put(i, set);
      stored.add(set);
    }
    for (int i = 0; i < stored.size(); i++) {
      assertArrayEquals(stored.get(i), sets.get(i), "set " + i);
    }
    for (int trial = 0; trial < 5_000; trial++) {
      int a = random.nextInt(stored.size());
      int b = random.nextInt(stored.size());
      assertEquals(Shingles.jaccard(stored.get(a), stored.get(b)), sets.jaccard(a, b), 0.0);
    }
  }

  @Test
  void aSetLargerThanABlockGetsItsOwn() {
    var sets = new GramSets();
    int[] small = {0, 5_000, 10_000};
    int[] huge = new int[400_000]; // up to 5 bytes an id: 2 MB, more than a block
    for (int i = 0; i < huge.length; i++) {
      huge[i] = i * 5_000;
    }
    sets.put(0, small);
    sets.put(1, huge);
    sets.put(2, small);
    assertArrayEquals(small, sets.get(0));
    assertArrayEquals(huge, sets.get(1));
    assertArrayEquals(small, sets.get(2));
    assertEquals(3.0 / huge.length, sets.jaccard(1, 0), 1e-12);
  }
}
