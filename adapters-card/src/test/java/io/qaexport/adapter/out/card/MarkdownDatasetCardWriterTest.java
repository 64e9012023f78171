package io.qaexport.adapter.out.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.DatasetCard;
import io.qaexport.domain.DatasetFacts;
import io.qaexport.domain.DefaultedField;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.ScoreSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class MarkdownDatasetCardWriterTest {
  private static final ScoreSummary NO_SCORES =
      new ScoreSummary(0, Double.NaN, Double.NaN, Double.NaN, List.of(), 0, 0);
  private static final DatasetCard.Config PASSED = new DatasetCard.Config("default",
      RecordShape.PASSED, "data/qa_pairs.parquet", "qa_passed.jsonl", 1_234,
      List.of(Map.entry("anhörig", 1_234L)), NO_SCORES, Map.of(DefaultedField.PERSONA, 7L));
  private static final DatasetCard.Config REJECTED = new DatasetCard.Config("rejected",
      RecordShape.REJECTED, "data/qa_rejected_hf.parquet", "qa_rejected.jsonl", 5, List.of(),
      NO_SCORES, Map.of());

  @TempDir Path dir;
  private final MarkdownDatasetCardWriter writer = new MarkdownDatasetCardWriter();

  private static DatasetCard card(DatasetFacts facts, DatasetCard.Config... configs) {
    return new DatasetCard(facts, "Vårdfrågor", "cc-by-4.0", "parquet", "parquet",
        List.of(configs));
  }

  private String written(DatasetCard card) throws IOException {
    Path file = dir.resolve("README.md");
    writer.write(file, card);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static JsonNode frontMatter(String card) {
    assertTrue(card.startsWith("---\n"), card);
    int end = card.indexOf("\n---\n", 4);
    assertTrue(end > 0, card);
    return new YAMLMapper().readTree(card.substring(4, end + 1));
  }

  private static List<String> keys(JsonNode node) {
    return new ArrayList<>(node.propertyNames());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asString()));
    return texts;
  }

  @Test
  void theFrontMatterIsYamlWithTheHubKeysAndTheFactsTags() throws IOException {
    var facts = new DatasetFacts(List.of("sv", "en"), List.of("text-generation"), "Pairs.",
        "Configs.", "Defaults.", RecordShape.REJECTED.columns());

    JsonNode yaml = frontMatter(written(card(facts, PASSED, REJECTED)));

    assertEquals(List.of("pretty_name", "license", "language", "task_categories",
        "size_categories", "configs", "dataset_info"), keys(yaml));
    assertEquals("Vårdfrågor", yaml.get("pretty_name").asString());
    assertEquals("cc-by-4.0", yaml.get("license").asString());
    assertEquals(List.of("sv", "en"), texts(yaml.get("language")));
    assertEquals(List.of("text-generation"), texts(yaml.get("task_categories")));
    assertEquals(List.of("1K<n<10K"), texts(yaml.get("size_categories")));
  }

  @Test
  void eachConfigNamesItsDataFileAsTheTrainSplitAndItsShapesFeatures() throws IOException {
    JsonNode yaml = frontMatter(written(card(DatasetFacts.CARE_WORKER_QA, PASSED, REJECTED)));

    JsonNode configs = yaml.get("configs");
    assertEquals(2, configs.size());
    assertEquals("default", configs.get(0).get("config_name").asString());
    assertEquals("train", configs.get(0).get("data_files").get(0).get("split").asString());
    assertEquals("data/qa_pairs.parquet",
        configs.get(0).get("data_files").get(0).get("path").asString());
    assertEquals("rejected", configs.get(1).get("config_name").asString());
    assertEquals("data/qa_rejected_hf.parquet",
        configs.get(1).get("data_files").get(0).get("path").asString());
    JsonNode info = yaml.get("dataset_info");
    for (int i = 0; i < 2; i++) {
      RecordShape shape = i == 0 ? RecordShape.PASSED : RecordShape.REJECTED;
      JsonNode features = info.get(i).get("features");
      assertEquals(configs.get(i).get("config_name"), info.get(i).get("config_name"));
      assertEquals(shape.columns().size(), features.size());
      for (int c = 0; c < features.size(); c++) {
        assertEquals(shape.columns().get(c).name(), features.get(c).get("name").asString());
        assertEquals(shape.columns().get(c).type().hfDtype(),
            features.get(c).get("dtype").asString());
      }
    }
  }

  @Test
  void theBodyOpensWithTheFactsAndCountsEachConfigsRows() throws IOException {
    var facts = new DatasetFacts(List.of("sv"), List.of("question-answering"),
        "Frågor och svar.", "Use `default`.", "Defaults were counted.",
        RecordShape.PASSED.columns());

    String card = written(card(facts, PASSED, REJECTED));

    assertTrue(card.contains("\n# Vårdfrågor\n\nFrågor och svar. Exported with qa-export as"
        + " parquet.\n\n"), card);
    assertTrue(card.contains("| `default` | 1,234 | `data/qa_pairs.parquet` | `qa_passed.jsonl` |\n"
        + "| `rejected` | 5 | `data/qa_rejected_hf.parquet` | `qa_rejected.jsonl` |\n\n"
        + "Use `default`.\n\n"), card);
    assertTrue(card.contains("\nDefaults were counted.\n\n"), card);
    assertTrue(card.contains("## `default`\n\n1,234 rows.\n\n"), card);
    assertTrue(card.contains("| `persona` | `\"unknown\"` | 7 |\n"), card);
    assertTrue(card.contains("## `rejected`\n\n5 rows.\n\nNo defaults were applied.\n"), card);
  }

  @Test
  void theColumnTableListsTheFactsColumnsWithTypeAndMeaning() throws IOException {
    var facts = new DatasetFacts(List.of("sv"), List.of("question-answering"), "Pairs.",
        "Configs.", "Defaults.", List.of(RecordShape.QUESTION, RecordShape.VALIDATION_SCORE));

    String card = written(card(facts, PASSED));

    assertTrue(card.contains("## Columns\n\n| column | type | meaning |\n|---|---|---|\n"
        + "| `question` | string | the question, as a care worker would ask it |\n"
        + "| `validation_score` | float64 | the validation step's composite score |\n\n"),
        card);
    assertFalse(card.contains("| `answer` |"), card);
  }

  @Test
  void theRejectedConfigIsOnlyShownLoadingWhenTheCardHasIt() throws IOException {
    String both = written(card(DatasetFacts.CARE_WORKER_QA, PASSED, REJECTED));
    String passedOnly = written(card(DatasetFacts.CARE_WORKER_QA, PASSED));

    assertTrue(both.contains("rejected = load_dataset(\"path/to/this/directory\", \"rejected\")"));
    assertFalse(passedOnly.contains("rejected = load_dataset("), passedOnly);
    assertTrue(passedOnly.endsWith("`load_dataset(\"parquet\","
        + " data_files=\"data/qa_pairs.parquet\", split=\"train\")`.\n"), passedOnly);
  }

  @Test
  void personaNamesAreEscapedForTheTableAndTheLongTailIsSummed() throws IOException {
    List<Map.Entry<String, Long>> personas = new ArrayList<>();
    personas.add(Map.entry("roll|a`b", 10L));
    personas.add(Map.entry(" ", 10L));
    for (int i = 0; i < 15; i++) {
      personas.add(Map.entry("p" + i, 5L));
    }
    var config = new DatasetCard.Config("default", RecordShape.PASSED, "qa_pairs.jsonl",
        "qa_passed.jsonl", 95, personas, NO_SCORES, Map.of());

    String card = written(card(DatasetFacts.CARE_WORKER_QA, config));

    assertTrue(card.contains("| roll\\|a\\`b | 10 | 10.5% |\n"), card);
    assertTrue(card.contains("| (blank) | 10 | 10.5% |\n"), card);
    assertTrue(card.contains("| p12 | 5 | 5.3% |\n| 2 other personas | 10 | 10.5% |\n"), card);
    assertFalse(card.contains("| p13 |"), card);
  }

  @Test
  void theScoreHistogramScalesItsBarsToTheFullestBin() throws IOException {
    List<Long> bins = new ArrayList<>(Collections.nCopies(10, 0L));
    bins.set(0, 1L);
    bins.set(9, 4L);
    var scores = new ScoreSummary(7, -0.5, 0.9, 1.5, bins, 1, 1);
    var config = new DatasetCard.Config("default", RecordShape.PASSED, "qa_pairs.jsonl",
        "qa_passed.jsonl", 7, List.of(), scores, Map.of());

    String card = written(card(DatasetFacts.CARE_WORKER_QA, config));

    assertTrue(card.contains("Validation score: min -0.500, median 0.900, max 1.500.\n\n```\n"
        + "0.0–0.1 " + "█".repeat(10) + " 1\n0.1–0.2  0\n"), card);
    assertTrue(card.contains("0.9–1.0 " + "█".repeat(40) + " 4\n```\n\n"
        + "Outside 0–1: 1 below, 1 above.\n\n"), card);
  }

  @Test
  void aCardThisWriterWroteIsRecognisedAndAReadmeOfSomeoneElseIsNot() throws IOException {
    Path ours = dir.resolve("ours.md");
    writer.write(ours, card(DatasetFacts.CARE_WORKER_QA, PASSED));
    Path theirs = Files.writeString(dir.resolve("theirs.md"), "---\nlicense: mit\n---\n# Notes\n");
    Path empty = Files.createFile(dir.resolve("empty.md"));

    assertTrue(writer.isGeneratedCard(ours));
    assertFalse(writer.isGeneratedCard(theirs));
    assertFalse(writer.isGeneratedCard(empty));
  }
}
