package io.qaexport.adapter.out.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.application.port.out.DatasetCardWriter.PreviousCard;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.card.DatasetCard;
import io.qaexport.domain.card.DatasetFacts;
import io.qaexport.domain.card.Feature;
import io.qaexport.domain.card.HubLicense;
import io.qaexport.domain.card.HubTask;
import io.qaexport.domain.card.ScoreSummary;
import io.qaexport.domain.mapping.DefaultedField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class MarkdownDatasetCardWriterTest {
  private static final ScoreSummary SCORES =
      new ScoreSummary(3, 0.5, 0.8, 0.9, List.of(0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 1L, 1L), 0, 0);
  private static final HfRecord FIRST =
      new HfRecord(
          "Hur ofta byter jag handskar?",
          "Mellan varje vårdtagare.",
          "rutiner/a.md",
          "underskoterska/nyanstald",
          0.9,
          null);

  @TempDir Path dir;
  private final MarkdownDatasetCardWriter writer = new MarkdownDatasetCardWriter();

  private static DatasetCard.Config config(String name, RecordShape shape, String file, long rows) {
    return new DatasetCard.Config(
        name,
        shape,
        Feature.of(shape),
        true,
        List.of(new DatasetCard.Split("train", List.of(file), rows, Optional.of(rows * 100))),
        "qa_" + name + ".jsonl",
        List.of(Map.entry("underskoterska/nyanstald", rows)),
        SCORES,
        Map.of(DefaultedField.ANSWER, 1L),
        Optional.of(
            shape.hasFailureReason() ? new HfRecord("q", "a", "s", "p", 0.2, "för vagt") : FIRST));
  }

  private static DatasetCard card(String extension, HubLicense license, long rows) {
    return new DatasetCard(
        DatasetFacts.CARE_WORKER_QA,
        "Vårdfrågor",
        license,
        Optional.of("my-org/vardfragor"),
        extension,
        extension,
        HubTask.QUESTION_ANSWERING,
        List.of(
            config("default", RecordShape.PASSED, "qa_pairs." + extension, rows),
            config("rejected", RecordShape.REJECTED, "qa_rejected_hf." + extension, 2)));
  }

  /** A JSONL card of one config, without a license or repository. */
  private static DatasetCard jsonlCard(DatasetCard.Config config) {
    return new DatasetCard(
        DatasetFacts.CARE_WORKER_QA,
        "Vårdfrågor",
        HubLicense.UNKNOWN,
        Optional.empty(),
        "jsonl",
        "json",
        HubTask.QUESTION_ANSWERING,
        List.of(config));
  }

  private String write(DatasetCard card, boolean update) throws IOException {
    Path file = dir.resolve("README.md");
    Path target = dir.resolve(".README.md.tmp");
    writer.write(target, card, update ? Optional.of(file) : Optional.empty());
    Files.move(target, file, StandardCopyOption.REPLACE_EXISTING);
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static JsonNode frontMatter(String card) {
    assertTrue(card.startsWith("---\n"), card);
    int end = card.indexOf("\n---\n", 4);
    return new YAMLMapper().readTree(card.substring(4, end + 1));
  }

  @Test
  void aNewCardCarriesTheHubMetadataConfigsFeaturesAndExactSplits() throws IOException {
    JsonNode yaml = frontMatter(write(card("jsonl", HubLicense.of("cc-by-4.0"), 3), false));

    assertEquals(
        MarkdownDatasetCardWriter.OWNED_KEYS.stream()
            .filter(key -> !key.startsWith("license_"))
            .toList(),
        new ArrayList<>(yaml.propertyNames()));
    assertEquals("cc-by-4.0", yaml.get("license").asString());
    assertEquals("machine-generated", yaml.get("annotations_creators").get(0).asString());
    assertEquals("closed-domain-qa", yaml.get("task_ids").get(0).asString());
    assertTrue(yaml.get("tags").toString().contains("synthetic"));
    JsonNode split = yaml.get("dataset_info").get(0).get("splits").get(0);
    assertEquals("train", split.get("name").asString());
    assertEquals(3, split.get("num_examples").asLong());
    assertEquals(300, split.get("num_bytes").asLong());
    assertEquals(
        "qa_pairs.jsonl",
        yaml.get("configs").get(0).get("data_files").get(0).get("path").asString());
  }

  @Test
  void licenseOtherCarriesItsNameAndLink() throws IOException {
    JsonNode yaml =
        frontMatter(
            write(
                card("jsonl", HubLicense.other("Vårdens licens", "https://example.org/licens"), 3),
                false));

    assertEquals("other", yaml.get("license").asString());
    assertEquals("Vårdens licens", yaml.get("license_name").asString());
    assertEquals("https://example.org/licens", yaml.get("license_link").asString());
  }

  @Test
  void theBodyExplainsTheDataAndLoadsFromTheRepoId() throws IOException {
    String card = write(card("jsonl", HubLicense.UNKNOWN, 3), false);

    assertTrue(card.contains("load_dataset(\"my-org/vardfragor\")"), card);
    assertTrue(card.contains("Not medical advice"), card);
    assertTrue(card.contains("korrekthet"), card);
    assertTrue(card.contains("| `underskoterska` |"), card);
    assertTrue(card.contains("| `question` | Hur ofta byter jag handskar? |"), card);
    assertTrue(card.contains("@misc{"), card);
  }

  @Test
  void aReExportKeepsEverythingTheUserWroteOutsideTheBlockByteForByte() throws IOException {
    String first = write(card("jsonl", HubLicense.of("cc-by-4.0"), 3), false);
    // The user adds a key of their own with a comment, edits the prose, adds a section at the end.
    String edited =
        first
                .replace(
                    "language:\n", "# kontakt\nhomepage: https://example.org/vård\nlanguage:\n")
                .replace("**The pairs are synthetic**", "**The pairs are synthetic (vår text)**")
            + "\n## Kontakt\n\nMejla oss.\r\n";
    Files.writeString(dir.resolve("README.md"), edited, StandardCharsets.UTF_8);

    String second = write(card("parquet", HubLicense.of("cc-by-4.0"), 5), true);

    String block =
        second.substring(
            second.indexOf(MarkdownDatasetCardWriter.BEGIN),
            second.indexOf(MarkdownDatasetCardWriter.END));
    assertEquals(without(edited), without(second));
    assertTrue(second.contains("# kontakt\nhomepage: https://example.org/vård\n"), second);
    JsonNode yaml = frontMatter(second);
    assertEquals(
        "qa_pairs.parquet",
        yaml.get("configs").get(0).get("data_files").get(0).get("path").asString());
    assertEquals(
        5, yaml.get("dataset_info").get(0).get("splits").get(0).get("num_examples").asLong());
    assertTrue(block.contains("`qa_pairs.parquet`") && !block.contains("qa_pairs.jsonl"), block);
  }

  /** The card with its front matter and its generated block cut out: the user's text. */
  private static String without(String card) {
    int body = card.indexOf("\n---\n", 4) + 5;
    String text = card.substring(body);
    return text.substring(0, text.indexOf(MarkdownDatasetCardWriter.BEGIN))
        + text.substring(text.indexOf(MarkdownDatasetCardWriter.END));
  }

  @Test
  void aWithdrawnCardKeepsTheUsersTextAndDeclaresNoDataOfTheEarlierExport() throws IOException {
    String first = write(card("jsonl", HubLicense.of("cc-by-4.0"), 3), false);
    String edited =
        first.replace("language:\n", "homepage: https://example.org/vård\nlanguage:\n")
            + "\n## Kontakt\n\nMejla oss.\n";
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, edited, StandardCharsets.UTF_8);

    Path target = dir.resolve(".README.md.tmp");
    writer.withdraw(target, readme, "it kept no passed pair", List.of("qa_rejected_hf.jsonl"));
    String withdrawn = Files.readString(target, StandardCharsets.UTF_8);

    assertEquals(without(edited), without(withdrawn));
    JsonNode yaml = frontMatter(withdrawn);
    for (String dataKey : MarkdownDatasetCardWriter.DATA_KEYS) {
      assertFalse(yaml.has(dataKey), dataKey + " is still in " + withdrawn);
    }
    assertEquals("cc-by-4.0", yaml.get("license").asString());
    assertEquals("https://example.org/vård", yaml.get("homepage").asString());
    assertFalse(withdrawn.contains("qa_pairs.jsonl"), withdrawn);
    assertTrue(withdrawn.contains("wrote no dataset card: it kept no passed pair."), withdrawn);
    // Still qa-export's card: the next export with data fills it in again.
    Files.move(target, readme, StandardCopyOption.REPLACE_EXISTING);
    // It lists the files its run wrote, for a later export to remove if it does not write them.
    assertEquals(List.of("qa_rejected_hf.jsonl"), writer.read(readme).orElseThrow().dataFiles());
    String again = write(card("jsonl", HubLicense.of("cc-by-4.0"), 4), true);
    assertEquals(
        4,
        frontMatter(again)
            .get("dataset_info")
            .get(0)
            .get("splits")
            .get(0)
            .get("num_examples")
            .asLong());
    assertEquals(without(edited), without(again));
  }

  @Test
  void aWithdrawnCardOfAnEarlierVersionKeepsItsLicenseAndName() throws IOException {
    Path readme = dir.resolve("README.md");
    Files.writeString(
        readme,
        "---\nlicense: mit\npretty_name: Mitt set\nconfigs:\n  - config_name: default\n"
            + "    data_files:\n      - split: train\n        path: qa_pairs.jsonl\n---\n"
            + MarkdownDatasetCardWriter.OLD_MARKER
            + "\n\n# Old\n");

    Path target = dir.resolve(".README.md.tmp");
    writer.withdraw(target, readme, "it exported no records", List.of());
    String withdrawn = Files.readString(target, StandardCharsets.UTF_8);

    JsonNode yaml = frontMatter(withdrawn);
    assertEquals("mit", yaml.get("license").asString());
    assertEquals("Mitt set", yaml.get("pretty_name").asString());
    assertFalse(yaml.has("configs"), withdrawn);
    Files.move(target, readme, StandardCopyOption.REPLACE_EXISTING);
    PreviousCard previous = writer.read(readme).orElseThrow();
    assertFalse(previous.declaresData());
    assertEquals(Optional.of("mit"), previous.license());
  }

  @Test
  void aKeyTheUserAddedKeepsItsPlaceAndBytesAmongTheOwnedOnes() throws IOException {
    String first = write(card("jsonl", HubLicense.of("mit"), 3), false);
    String userKey = "extra_gated_prompt: |\n  Läs villkoren.\n\n  Rad två.\n";
    Files.writeString(
        dir.resolve("README.md"),
        first.replace("tags:\n", userKey + "tags:\n"),
        StandardCharsets.UTF_8);

    String second = write(card("jsonl", HubLicense.of("mit"), 4), true);

    assertTrue(second.contains(userKey + "tags:\n"), second);
    assertEquals(
        "Läs villkoren.\n\nRad två.\n", frontMatter(second).get("extra_gated_prompt").asString());
  }

  @Test
  void aReadmeWithoutTheBlockIsNotACardOfOurs() throws IOException {
    Path readme = dir.resolve("README.md");
    Files.writeString(readme, "---\nlicense: mit\n---\n# Mitt eget\n");

    assertEquals(Optional.empty(), writer.read(readme));
  }

  @Test
  void anEarlierCardTellsItsLicenseNameAndDataFiles() throws IOException {
    write(card("jsonl", HubLicense.other("L", "LICENSE"), 3), false);

    PreviousCard previous = writer.read(dir.resolve("README.md")).orElseThrow();

    assertEquals(Optional.of("other"), previous.license());
    assertEquals(Optional.of("L"), previous.licenseName());
    assertEquals(Optional.of("LICENSE"), previous.licenseLink());
    assertEquals(Optional.of("Vårdfrågor"), previous.prettyName());
    assertEquals(List.of("qa_pairs.jsonl", "qa_rejected_hf.jsonl"), previous.dataFiles());
  }

  @Test
  void aCardOfAnEarlierVersionIsReplacedWhole() throws IOException {
    Files.writeString(
        dir.resolve("README.md"),
        "---\nlicense: mit\n---\n" + MarkdownDatasetCardWriter.OLD_MARKER + "\n\n# Old\n");

    assertTrue(writer.read(dir.resolve("README.md")).isPresent());
    String card = write(card("jsonl", HubLicense.of("mit"), 3), true);

    assertFalse(card.contains("# Old"), card);
    assertTrue(card.contains(MarkdownDatasetCardWriter.BEGIN), card);
  }

  @Test
  void aChatLayoutDeclaresItsMessagesAsAListOfRoleAndContent() throws IOException {
    var features =
        List.<Feature>of(
            new Feature.ListOf(
                "messages",
                List.of(
                    new Feature.Value("role", "string"), new Feature.Value("content", "string"))),
            new Feature.Value("validation_score", "float64"));
    var config =
        new DatasetCard.Config(
            "default",
            RecordShape.PASSED,
            features,
            false,
            List.of(
                new DatasetCard.Split(
                    "train", List.of("qa_pairs.chat.jsonl"), 3, Optional.empty())),
            "qa_passed.jsonl",
            List.of(),
            SCORES,
            Map.of(),
            Optional.empty());
    var card =
        new DatasetCard(
            DatasetFacts.CARE_WORKER_QA,
            "Chat",
            HubLicense.UNKNOWN,
            Optional.empty(),
            "chat",
            "json",
            HubTask.TEXT_GENERATION,
            List.of(config));

    JsonNode yaml = frontMatter(write(card, false));

    assertEquals("text-generation", yaml.get("task_categories").get(0).asString());
    JsonNode messages = yaml.get("dataset_info").get(0).get("features").get(0);
    assertEquals("messages", messages.get("name").asString());
    assertEquals("content", messages.get("list").get(1).get("name").asString());
    assertFalse(yaml.get("dataset_info").get(0).get("splits").get(0).has("num_bytes"));
  }

  @Test
  void aStageTheCardHasNoSentenceForIsReportedByItsLabelCountAndLog() throws IOException {
    DatasetCard.Config plain = config("default", RecordShape.PASSED, "qa_pairs.jsonl", 10);
    var curation =
        new DatasetCard.Curation(
            Double.NaN,
            0,
            0,
            "none",
            0,
            0,
            "",
            DatasetCard.Decontamination.NONE,
            List.of(
                new DatasetCard.LeftOut("short answers", 1234, "qa_pairs.short.jsonl"),
                new DatasetCard.LeftOut("long answers", 2, "")));
    var curated =
        new DatasetCard.Config(
            plain.name(),
            plain.shape(),
            plain.features(),
            plain.layoutIsShape(),
            plain.splits(),
            plain.inputFile(),
            plain.personas(),
            plain.scores(),
            plain.defaultsApplied(),
            plain.sample(),
            curation);
    var card = jsonlCard(curated);

    String text = write(card, false);

    assertTrue(
        text.contains(
            "1,234 pairs were left out as short answers; they are listed in"
                + " `qa_pairs.short.jsonl`.\n\n2 pairs were left out as long answers.\n"),
        text);
  }

  @Test
  void aPersonaIsShownCutAndWithItsControlCharactersSpelledOut() throws IOException {
    DatasetCard.Config plain = config("default", RecordShape.PASSED, "qa_pairs.jsonl", 10);
    String odd = "nul\u0000bs\bff\fdel\u007fnel\u0085tab\tend";
    String huge = "å".repeat(1_000_000);
    var config =
        new DatasetCard.Config(
            plain.name(),
            plain.shape(),
            plain.features(),
            plain.layoutIsShape(),
            plain.splits(),
            plain.inputFile(),
            List.of(Map.entry(odd, 6L), Map.entry(huge, 4L)),
            plain.scores(),
            plain.defaultsApplied(),
            Optional.of(new HfRecord("q\u0000", "a", "s", odd, 0.9, null)),
            plain.curation());
    var card = jsonlCard(config);

    String text = write(card, false);

    assertTrue(
        text.contains("| nul\\u0000bs\\u0008ff\\u000Cdel\\u007Fnel\\u0085tab end | 6 | 60.0% |"),
        text.substring(0, Math.min(text.length(), 4000)));
    assertTrue(text.contains("| `question` | q\\u0000 |"));
    assertTrue(text.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL && c != '\n'));
    assertTrue(text.contains("| " + "å".repeat(300) + "… | 4 | 40.0% |"));
    assertTrue(text.length() < 20_000, "card of " + text.length() + " characters");
  }

  @Test
  void aLinkPlantedUnderTheStagedNameIsRefusedNotWrittenThrough() throws IOException {
    Path victim = Files.writeString(dir.resolve("passwd"), "root:x:0:0\n");
    Path staged = dir.resolve(".README.md.1.qa-export-tmp");
    Files.createSymbolicLink(staged, victim);

    assertThrows(
        IOException.class,
        () -> writer.write(staged, card("jsonl", HubLicense.UNKNOWN, 3), Optional.empty()));

    assertEquals("root:x:0:0\n", Files.readString(victim));
  }
}
