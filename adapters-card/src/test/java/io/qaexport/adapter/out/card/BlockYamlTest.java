package io.qaexport.adapter.out.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain front matter writer against Jackson's YAML generator, which it stands in for. */
class BlockYamlTest {
  private static final String WORD_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.<>/+- ";

  private static void sameAsJackson(String key, Object value) {
    Optional<String> block = BlockYaml.entry(key, value);
    assertTrue(block.isPresent(), key + ": " + value);
    assertEquals(Yaml.entry(key, value), block.get());
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void aCardsKeysAreWrittenAsJacksonWritesThem() {
    sameAsJackson("pretty_name", "Swedish care-work QA pairs");
    sameAsJackson("license", "cc-by-4.0");
    sameAsJackson("size_categories", List.of("n<1K"));
    sameAsJackson("tags", List.of("synthetic", "healthcare", "elderly-care", "swedish"));
    sameAsJackson(
        "configs",
        List.of(
            map(
                "config_name",
                "default",
                "data_files",
                List.of(map("split", "train", "path", "qa_pairs.jsonl"))),
            map(
                "config_name",
                "rejected",
                "data_files",
                List.of(
                    map(
                        "split",
                        "train",
                        "path",
                        List.of(
                            "data/train-00000-of-00002.parquet",
                            "data/train-00001-of-00002.parquet")),
                    map("split", "test", "path", "test.jsonl")))));
    sameAsJackson(
        "dataset_info",
        List.of(
            map(
                "config_name",
                "chat",
                "features",
                List.of(
                    map(
                        "name",
                        "messages",
                        "list",
                        List.of(
                            map("name", "role", "dtype", "string"),
                            map("name", "content", "dtype", "string"))),
                    map("name", "validation_score", "dtype", "float64")),
                "splits",
                List.of(map("name", "train", "num_bytes", 3547L, "num_examples", 8L)))));
  }

  @Test
  void everyWordOfThePlainAlphabetIsWrittenAsJacksonWritesItOrLeftToIt() {
    var random = new Random(11);
    int plain = 0;
    for (int i = 0; i < 20_000; i++) {
      var word = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int c = 0; c < length; c++) {
        word.append(WORD_CHARS.charAt(random.nextInt(WORD_CHARS.length())));
      }
      String value = word.toString();
      Optional<String> block = BlockYaml.entry("k", List.of(value));
      if (block.isPresent()) {
        plain++;
        assertEquals(Yaml.entry("k", List.of(value)), block.get(), value);
      }
    }
    assertTrue(plain > 5_000, "most such words are plain: " + plain);
  }

  @Test
  void whatMightNeedQuotesOrFlowStyleIsLeftToJackson() {
    List<Object> notPlain =
        new ArrayList<>(
            List.of(
                "",
                "true",
                "No",
                "y",
                "NULL",
                "~",
                "1.5",
                "0x1F",
                ".inf",
                "a: b",
                "a #b",
                "-x",
                "x ",
                " x",
                "Vårdfrågor",
                "a\nb",
                "\"q\"",
                "[x]",
                "https://example.org/licence",
                "a,b",
                "x  y"));
    for (Object value : notPlain) {
      assertEquals(Optional.empty(), BlockYaml.entry("k", value), String.valueOf(value));
    }
    assertEquals(Optional.empty(), BlockYaml.entry("tags", List.of()));
    assertEquals(Optional.empty(), BlockYaml.entry("k", List.of(Map.of())));
  }
}
