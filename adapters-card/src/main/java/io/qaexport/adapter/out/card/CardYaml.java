package io.qaexport.adapter.out.card;

import io.qaexport.domain.card.DatasetCard;
import io.qaexport.domain.card.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The front matter's {@code configs} and {@code dataset_info}, as {@code datasets} reads them, as
 * values for {@link #entry}: strings, numbers, lists and maps in the order they are written.
 */
final class CardYaml {
  private CardYaml() {}

  /**
   * One top-level key as YAML text, ending with a line end. Most cards hold only plain words
   * ({@link BlockYaml} writes them without loading a YAML library, about a fifth of a short run's
   * start-up); anything else is written by Jackson's YAML generator.
   */
  static String entry(String key, Object value) {
    if (value instanceof String text && NOT_TEXT_IN_YAML_1_1.matcher(text).find()) {
      // Double quotes, JSON's escapes (a subset of YAML's): huggingface_hub reads cards with
      // PyYAML, whose YAML 1.1 takes 0x1F, 1_000, 1:20, .nan and 2024-01-01 for numbers or a
      // date, where Jackson leaves them plain.
      var quoted = new StringBuilder(key).append(": \"");
      JsonStringEncoder.getInstance().quoteAsString(text, quoted);
      return quoted.append("\"\n").toString();
    }
    return BlockYaml.entry(key, value).orElseGet(() -> Yaml.entry(key, value));
  }

  /** A start or a colon by which YAML 1.1 may read a string as a number, a date or null. */
  private static final Pattern NOT_TEXT_IN_YAML_1_1 = Pattern.compile("^[-+.0-9~]|:");

  private static final Pattern SHARD = Pattern.compile("(.*)-\\d{5}-of-(\\d{5})(\\.[^/]*)");

  /**
   * One glob for a split's shards ({@code qa_pairs-train-*-of-00003.jsonl}), as the Hub's own cards
   * have it, instead of a list that grows with the data; the shard count in it keeps the glob to
   * this export's shards. The list itself if the files are not such shards.
   */
  static Object shardGlob(List<String> files) {
    Matcher first = SHARD.matcher(files.get(0));
    if (!first.matches()) {
      return List.copyOf(files);
    }
    String glob = first.group(1) + "-*-of-" + first.group(2) + first.group(3);
    for (String file : files) {
      Matcher shard = SHARD.matcher(file);
      if (!shard.matches()
          || !(shard.group(1) + "-*-of-" + shard.group(2) + shard.group(3)).equals(glob)
          || Integer.parseInt(shard.group(2)) != files.size()
          || file.contains("*")
          || file.contains("?")
          || file.contains("[")) {
        return List.copyOf(files);
      }
    }
    return glob;
  }

  /** Each config with its splits' data files. */
  static List<Object> configs(DatasetCard card) {
    List<Object> configs = new ArrayList<>();
    for (DatasetCard.Config config : card.configs()) {
      List<Object> dataFiles = new ArrayList<>();
      for (DatasetCard.Split split : config.splits()) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("split", split.name());
        files.put(
            "path",
            split.dataFiles().size() == 1
                ? split.dataFiles().get(0)
                : shardGlob(split.dataFiles()));
        dataFiles.add(files);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("config_name", config.name());
      entry.put("data_files", dataFiles);
      configs.add(entry);
    }
    return configs;
  }

  /** Each config's features and its splits' exact sizes. */
  static List<Object> datasetInfo(DatasetCard card) {
    List<Object> infos = new ArrayList<>();
    for (DatasetCard.Config config : card.configs()) {
      List<Object> splits = new ArrayList<>();
      for (DatasetCard.Split split : config.splits()) {
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("name", split.name());
        split.numBytes().ifPresent(bytes -> size.put("num_bytes", bytes));
        size.put("num_examples", split.numExamples());
        splits.add(size);
      }
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("config_name", config.name());
      info.put("features", features(config.features()));
      info.put("splits", splits);
      infos.add(info);
    }
    return infos;
  }

  /**
   * As {@code datasets} writes features to YAML: {@code dtype}, {@code list} of a dtype, or {@code
   * list} of fields.
   */
  private static List<Object> features(List<Feature> features) {
    List<Object> out = new ArrayList<>();
    for (Feature feature : features) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", feature.name());
      if (feature instanceof Feature.Value value) {
        entry.put("dtype", value.dtype());
      } else if (feature instanceof Feature.ValueList list) {
        entry.put("list", list.dtype());
      } else if (feature instanceof Feature.ListOf list) {
        entry.put("list", features(list.fields()));
      }
      out.add(entry);
    }
    return out;
  }
}
