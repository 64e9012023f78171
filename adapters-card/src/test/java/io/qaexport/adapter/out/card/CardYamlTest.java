package io.qaexport.adapter.out.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class CardYamlTest {
  @Test
  void aSplitsShardsAreOneGlobWithTheirCount() {
    assertEquals(
        "qa_pairs-train-*-of-00003.jsonl",
        CardYaml.shardGlob(
            List.of(
                "qa_pairs-train-00000-of-00003.jsonl",
                "qa_pairs-train-00001-of-00003.jsonl",
                "qa_pairs-train-00002-of-00003.jsonl")));
    assertEquals(
        "qa_pairs-*-of-00002.parquet",
        CardYaml.shardGlob(
            List.of("qa_pairs-00000-of-00002.parquet", "qa_pairs-00001-of-00002.parquet")));
  }

  @Test
  void filesThatAreNotOneSetOfShardsStayAList() {
    List<String> mixed = List.of("a.jsonl", "b.jsonl");
    assertEquals(mixed, CardYaml.shardGlob(mixed));
    List<String> missing =
        List.of("qa_pairs-train-00000-of-00003.jsonl", "qa_pairs-train-00002-of-00003.jsonl");
    assertEquals(missing, CardYaml.shardGlob(missing), "a glob would promise three");
    List<String> twoSets = List.of("x-00000-of-00002.jsonl", "y-00001-of-00002.jsonl");
    assertEquals(twoSets, CardYaml.shardGlob(twoSets));
  }

  @Test
  void aStringThatLooksLikeANumberStaysAStringInTheYaml() {
    for (String text :
        List.of(
            "123",
            "1.0",
            "0x1F",
            "1e3",
            "-7",
            ".5",
            ".NaN",
            "1_000",
            "1:20",
            "2024-01-01",
            "~",
            "a: b",
            "-",
            "Vård: \"citat\" \\ \u0001")) {
      String yaml = CardYaml.entry("pretty_name", text);
      JsonNode read = new YAMLMapper().readTree(yaml).get("pretty_name");
      assertTrue(read.isString(), yaml);
      assertEquals(text, read.asString(), yaml);
    }
    assertEquals("pretty_name: \"0x1F\"\n", CardYaml.entry("pretty_name", "0x1F"));
    assertEquals("license: mit\n", CardYaml.entry("license", "mit"));
    assertEquals("num_bytes: 123\n", CardYaml.entry("num_bytes", 123L));
  }
}
