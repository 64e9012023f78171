package io.qaexport.adapter.out.card;

import io.qaexport.domain.card.DatasetCard;
import io.qaexport.domain.card.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front matter's {@code configs} and {@code dataset_info}, as {@code datasets} reads them, as
 * values for {@link #entry}: strings, numbers, lists and maps in the order they are written.
 */
final class CardYaml {
  private CardYaml() {}

  /**
   * One top-level key as YAML text, ending with a line end. Most cards hold only plain words
   * ({@link BlockYaml} writes them without loading a YAML library, about a fifth of a short
   * run's start-up); anything else is written by Jackson's YAML generator.
   */
  static String entry(String key, Object value) {
    return BlockYaml.entry(key, value).orElseGet(() -> Yaml.entry(key, value));
  }

  /** Each config with its splits' data files. */
  static List<Object> configs(DatasetCard card) {
    List<Object> configs = new ArrayList<>();
    for (DatasetCard.Config config : card.configs()) {
      List<Object> dataFiles = new ArrayList<>();
      for (DatasetCard.Split split : config.splits()) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("split", split.name());
        files.put("path", split.dataFiles().size() == 1
            ? split.dataFiles().get(0) : List.copyOf(split.dataFiles()));
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

  /** As {@code datasets} writes features to YAML: {@code dtype}, or {@code list} of fields. */
  private static List<Object> features(List<Feature> features) {
    List<Object> out = new ArrayList<>();
    for (Feature feature : features) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", feature.name());
      if (feature instanceof Feature.Value value) {
        entry.put("dtype", value.dtype());
      } else if (feature instanceof Feature.ListOf list) {
        entry.put("list", features(list.fields()));
      }
      out.add(entry);
    }
    return out;
  }
}
