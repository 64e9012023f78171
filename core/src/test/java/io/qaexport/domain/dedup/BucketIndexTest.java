package io.qaexport.domain.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketIndexTest {
  /** Questions 0..4 in three bands; a band where every key differs has no bucket at all. */
  @Test
  void bucketsAreNumberedBandByBandAndHoldTheInsertedQuestionsSharingAKey() {
    int[] keys = {
      // band 0, 1, 2 of question 0 … 4
      7, 1, 5,
      7, 2, 5,
      9, 3, 5,
      9, 4, 6,
      7, 5, 6,
    };
    var index = new BucketIndex(keys, 3, 5);

    assertEquals(4, index.buckets(), "band 0: {0,1,4} and {2,3}; band 1: none; band 2: two");
    assertEquals(BucketIndex.NONE, index.bucket(1, 0), "alone in its band-1 bucket");
    for (int g = 0; g < 5; g++) {
      index.insert(g);
    }
    assertEquals(List.of(0, 1, 4), members(index, index.bucket(0, 0)));
    assertEquals(List.of(2, 3), members(index, index.bucket(0, 2)));
    assertEquals(List.of(0, 1, 2), members(index, index.bucket(2, 0)));
    assertEquals(List.of(3, 4), members(index, index.bucket(2, 4)));
    for (int g = 0; g < 5; g++) {
      assertEquals(0, index.bandOf(index.bucket(0, g)));
      assertEquals(2, index.bandOf(index.bucket(2, g)), "band 1 has no bucket and is skipped");
    }
  }

  /** Keys that differ in one digit of the sort only, and negative keys, each their own bucket. */
  @Test
  void keysAreToldApartInEveryBitAndOrderedBySign() {
    int[] distinct = {
      0, 1, 1 << 11, 1 << 22, 1 << 30, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, -(1 << 22), 0x7FF
    };
    int[] keys = new int[distinct.length * 3]; // each key held by three questions, interleaved
    for (int i = 0; i < keys.length; i++) {
      keys[i] = distinct[i % distinct.length];
    }
    var index = new BucketIndex(keys.clone(), 1, keys.length);
    assertEquals(distinct.length, index.buckets());
    for (int g = 0; g < keys.length; g++) {
      index.insert(g);
    }
    int[] bySign = distinct.clone();
    Arrays.sort(bySign);
    for (int k = 0; k < distinct.length; k++) {
      int bucket = index.bucket(0, k);
      assertEquals(
          List.of(k, k + distinct.length, k + 2 * distinct.length), members(index, bucket));
      assertEquals(
          Arrays.binarySearch(bySign, distinct[k]),
          bucket,
          "buckets numbered in the keys' signed order");
    }
  }

  @Test
  void onlyTheInsertedQuestionsAreMembers() {
    int[] keys = {3, 3, 3, 3};
    var index = new BucketIndex(keys, 1, 4);
    index.insert(2);
    index.insert(0);
    assertEquals(List.of(2, 0), members(index, index.bucket(0, 1)));
  }

  private static List<Integer> members(BucketIndex index, int bucket) {
    List<Integer> members = new ArrayList<>();
    for (int m = index.from(bucket); m < index.filledTo(bucket); m++) {
      members.add(index.member(m));
    }
    return members;
  }
}
