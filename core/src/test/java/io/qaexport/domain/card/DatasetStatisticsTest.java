package io.qaexport.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.HfRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetStatisticsTest {

  private static HfRecord record(String persona, double score) {
    return new HfRecord("q", "a", "s", persona, score, null);
  }

  @Test
  void countsPersonasMostCommonFirstThenByName() {
    var statistics = new DatasetStatistics();
    for (String persona : List.of("b", "a", "c", "a", "b", "a")) {
      statistics.add(record(persona, 0.5));
    }
    assertEquals(
        List.of(Map.entry("a", 3L), Map.entry("b", 2L), Map.entry("c", 1L)),
        statistics.personaCounts());
  }

  @Test
  void personasBeyondTheDistinctLimitAreCountedTogether() {
    var statistics = new DatasetStatistics();
    for (int i = 0; i < DatasetStatistics.MAX_DISTINCT_PERSONAS + 5; i++) {
      statistics.add(record("p" + i, 0.5));
    }
    List<Map.Entry<String, Long>> counts = statistics.personaCounts();
    assertEquals(DatasetStatistics.MAX_DISTINCT_PERSONAS + 1, counts.size());
    assertEquals(Map.entry(DatasetStatistics.OTHER_PERSONAS, 5L), counts.get(counts.size() - 1));
  }

  @Test
  void summarisesScoresWithMinMedianMaxAndTenBins() {
    var statistics = new DatasetStatistics();
    for (double score : new double[] {0.0, 0.05, 0.31, 0.5, 0.86, 0.9, 1.0}) {
      statistics.add(record("p", score));
    }
    ScoreSummary scores = statistics.scores();
    assertEquals(7, scores.count());
    assertEquals(0.0, scores.min());
    assertEquals(0.5, scores.median());
    assertEquals(1.0, scores.max());
    assertEquals(List.of(2L, 0L, 0L, 1L, 0L, 1L, 0L, 0L, 1L, 2L), scores.histogram());
  }

  @Test
  void theMedianOfAnEvenCountIsTheLowerMiddleAndOutliersAreCountedApart() {
    var statistics = new DatasetStatistics();
    for (double score : new double[] {-1.0, 0.25, 0.75, 3.0}) {
      statistics.add(record("p", score));
    }
    ScoreSummary scores = statistics.scores();
    assertEquals(0.25, scores.median());
    assertEquals(-1.0, scores.min());
    assertEquals(3.0, scores.max());
    assertEquals(1, scores.belowZero());
    assertEquals(1, scores.aboveOne());
    assertEquals(2L, scores.histogram().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  void noRecordsMeansNoScores() {
    ScoreSummary scores = new DatasetStatistics().scores();
    assertEquals(0, scores.count());
    assertTrue(Double.isNaN(scores.median()));
  }

  @Test
  void sizeCategoriesFollowTheHubsBuckets() {
    assertEquals("n<1K", DatasetCard.sizeCategory(0));
    assertEquals("n<1K", DatasetCard.sizeCategory(999));
    assertEquals("1K<n<10K", DatasetCard.sizeCategory(1000));
    assertEquals("10K<n<100K", DatasetCard.sizeCategory(99_999));
    assertEquals("100K<n<1M", DatasetCard.sizeCategory(100_000));
    assertEquals("1M<n<10M", DatasetCard.sizeCategory(1_000_000));
    assertEquals("n>1T", DatasetCard.sizeCategory(Long.MAX_VALUE));
  }
}
