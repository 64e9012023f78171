package io.qaexport.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetCardTest {
  private static final ScoreSummary NO_SCORES =
      new ScoreSummary(0, Double.NaN, Double.NaN, Double.NaN, List.of(), 0, 0);

  private static DatasetCard.Config config(String name, RecordShape shape, long rows) {
    return new DatasetCard.Config(name, shape, name + ".jsonl", "qa_" + name + ".jsonl", rows,
        List.of(), NO_SCORES, Map.of());
  }

  private static DatasetCard card(List<DatasetCard.Config> configs) {
    return new DatasetCard("Vårdfrågor", "cc-by-4.0", "jsonl", "json", configs);
  }

  @Test
  void theSizeCategoryChangesExactlyAtEachPowerOfTen() {
    assertEquals("n<1K", DatasetCard.sizeCategory(0));
    assertEquals("n<1K", DatasetCard.sizeCategory(999));
    assertEquals("1K<n<10K", DatasetCard.sizeCategory(1_000));
    assertEquals("1K<n<10K", DatasetCard.sizeCategory(9_999));
    assertEquals("10K<n<100K", DatasetCard.sizeCategory(10_000));
    assertEquals("10K<n<100K", DatasetCard.sizeCategory(99_999));
    assertEquals("100K<n<1M", DatasetCard.sizeCategory(100_000));
    assertEquals("1M<n<10M", DatasetCard.sizeCategory(1_000_000));
    assertEquals("100M<n<1B", DatasetCard.sizeCategory(999_999_999));
    assertEquals("1B<n<10B", DatasetCard.sizeCategory(1_000_000_000));
    assertEquals("100B<n<1T", DatasetCard.sizeCategory(999_999_999_999L));
    assertEquals("n>1T", DatasetCard.sizeCategory(1_000_000_000_000L));
    assertEquals("n>1T", DatasetCard.sizeCategory(Long.MAX_VALUE));
  }

  @Test
  void theSizeCategoryCountsTheRowsOfEveryConfigTogether() {
    // Each config alone is under 1K; together they are exactly 1K.
    DatasetCard card = card(List.of(config("default", RecordShape.PASSED, 600),
        config("rejected", RecordShape.REJECTED, 400)));

    assertEquals(1_000, card.totalRows());
    assertEquals("1K<n<10K", card.sizeCategory());
  }

  @Test
  void aCardWithoutConfigsHasNoRows() {
    DatasetCard card = card(List.of());

    assertEquals(0, card.totalRows());
    assertEquals("n<1K", card.sizeCategory());
  }

  @Test
  void theCardKeepsItsOwnCopyOfTheConfigs() {
    List<DatasetCard.Config> configs = new ArrayList<>();
    configs.add(config("default", RecordShape.PASSED, 3));
    DatasetCard card = card(configs);

    configs.add(config("rejected", RecordShape.REJECTED, 2));

    assertEquals(1, card.configs().size());
    assertThrows(UnsupportedOperationException.class,
        () -> card.configs().add(config("rejected", RecordShape.REJECTED, 2)));
  }

  @Test
  void aCardMadeWithoutFactsDescribesTheCareWorkerPairs() {
    assertSame(DatasetFacts.CARE_WORKER_QA, card(List.of()).facts());
  }

  @Test
  void aCardNeedsFactsANameAndALicense() {
    DatasetFacts facts = DatasetFacts.CARE_WORKER_QA;
    assertThrows(NullPointerException.class,
        () -> new DatasetCard(null, "n", "l", "jsonl", "json", List.of()));
    assertThrows(NullPointerException.class,
        () -> new DatasetCard(facts, null, "l", "jsonl", "json", List.of()));
    assertThrows(NullPointerException.class,
        () -> new DatasetCard(facts, "n", null, "jsonl", "json", List.of()));
  }
}
