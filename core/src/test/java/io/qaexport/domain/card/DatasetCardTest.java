package io.qaexport.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.domain.RecordShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetCardTest {
  private static final ScoreSummary NO_SCORES =
      new ScoreSummary(0, Double.NaN, Double.NaN, Double.NaN, List.of(), 0, 0);

  private static DatasetCard.Config config(String name, RecordShape shape, long rows) {
    return new DatasetCard.Config(
        name,
        shape,
        Feature.of(shape),
        true,
        List.of(new DatasetCard.Split("train", List.of(name + ".jsonl"), rows, Optional.empty())),
        "qa_" + name + ".jsonl",
        List.of(),
        NO_SCORES,
        Map.of(),
        Optional.empty());
  }

  private static DatasetCard card(List<DatasetCard.Config> configs) {
    return card(DatasetFacts.CARE_WORKER_QA, "Vårdfrågor", HubLicense.of("cc-by-4.0"), configs);
  }

  private static DatasetCard card(
      DatasetFacts facts, String name, HubLicense license, List<DatasetCard.Config> configs) {
    return new DatasetCard(
        facts,
        name,
        license,
        Optional.empty(),
        "jsonl",
        "json",
        HubTask.QUESTION_ANSWERING,
        configs);
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
    DatasetCard card =
        card(
            List.of(
                config("default", RecordShape.PASSED, 600),
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
    assertThrows(
        UnsupportedOperationException.class,
        () -> card.configs().add(config("rejected", RecordShape.REJECTED, 2)));
  }

  @Test
  void aConfigsRowsAreTheSumOfItsSplits() {
    var config =
        new DatasetCard.Config(
            "default",
            RecordShape.PASSED,
            Feature.of(RecordShape.PASSED),
            true,
            List.of(
                new DatasetCard.Split("train", List.of("a"), 7, Optional.of(70L)),
                new DatasetCard.Split("test", List.of("b"), 3, Optional.of(30L))),
            "qa_passed.jsonl",
            List.of(),
            NO_SCORES,
            Map.of(),
            Optional.empty());

    assertEquals(10, config.rows());
  }

  @Test
  void aCardNeedsFactsANameAndALicense() {
    DatasetFacts facts = DatasetFacts.CARE_WORKER_QA;
    HubLicense license = HubLicense.UNKNOWN;
    assertThrows(NullPointerException.class, () -> card(null, "n", license, List.of()));
    assertThrows(NullPointerException.class, () -> card(facts, null, license, List.of()));
    assertThrows(NullPointerException.class, () -> card(facts, "n", null, List.of()));
  }
}
