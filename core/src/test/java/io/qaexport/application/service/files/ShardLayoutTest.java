package io.qaexport.application.service.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.RecordShape;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Shard cuts, shard and split file names, and the names a later run treats as its own. */
class ShardLayoutTest {
  @Test
  void everyShardGetsRowsInOrderAndTheirCountsDifferByAtMostOne() {
    for (long rows = 1; rows <= 120; rows++) {
      for (int shards = 1; shards <= rows; shards++) {
        long[] perShard = new long[shards];
        int previous = 0;
        for (long row = 0; row < rows; row++) {
          int shard = SplitWriter.shardOf(row, shards, rows);
          assertTrue(shard >= previous && shard < shards, rows + "/" + shards + " row " + row);
          perShard[shard]++;
          previous = shard;
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long count : perShard) {
          min = Math.min(min, count);
          max = Math.max(max, count);
        }
        assertTrue(min >= 1 && max - min <= 1, rows + " rows in " + shards + " shards");
      }
    }
    assertEquals(0, SplitWriter.shardOf(5, 3, 0), "no expected rows: one shard");
    assertEquals(2, SplitWriter.shardOf(12, 3, 10), "rows beyond the expected go to the last");
  }

  private static String name(String base, String split, boolean named, int shard, int shards) {
    return new SplitWriter(
            Path.of("out", base), split, named, 10, shards, null, RecordShape.PASSED, null)
        .fileName(shard);
  }

  @Test
  void filesAreNamedAsTheHubNamesSplitsAndShards() {
    assertEquals("qa_pairs.jsonl", name("qa_pairs.jsonl", "train", false, 0, 1));
    assertEquals("qa_pairs-00001-of-00002.jsonl", name("qa_pairs.jsonl", "train", false, 1, 2));
    assertEquals("qa_pairs-train.parquet", name("qa_pairs.parquet", "train", true, 0, 1));
    assertEquals("qa_pairs-test-00002-of-00003.jsonl", name("qa_pairs.jsonl", "test", true, 2, 3));
    assertEquals("data-validation", name("data", "validation", true, 0, 1));
  }

  @Test
  void aLaterRunClaimsItsOwnNamesAndNeitherTheLogsNorOtherSplits() {
    Pattern ours = DatasetFiles.fileNames(Path.of("out/qa_pairs.jsonl"), List.of("train", "test"));
    for (String name :
        List.of(
            "qa_pairs.jsonl",
            "qa_pairs-train.jsonl",
            "qa_pairs-test-00000-of-00012.jsonl",
            "qa_pairs-00003-of-00004.jsonl")) {
      assertTrue(ours.matcher(name).matches(), name);
    }
    for (String name :
        List.of(
            "qa_pairs.duplicates.jsonl",
            "qa_pairs.decontaminated.jsonl",
            "qa_pairs-validation.jsonl",
            "qa_pairs-train-0001-of-00003.jsonl",
            "qa_pairs.parquet",
            "qa_rejected_hf.jsonl",
            "qa_pairsXjsonl")) {
      assertFalse(ours.matcher(name).matches(), name);
    }
  }
}
