package io.qaexport.adapter.out.card;

import io.qaexport.domain.DatasetCard;
import io.qaexport.domain.Feature;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** The front matter's {@code configs} and {@code dataset_info}, as {@code datasets} reads them. */
final class CardYaml {
  private CardYaml() {}

  /** Each config with its splits' data files. */
  static void configs(JsonGenerator out, DatasetCard card) {
    out.writeName("configs");
    out.writeStartArray();
    for (DatasetCard.Config config : card.configs()) {
      out.writeStartObject();
      out.writeStringProperty("config_name", config.name());
      out.writeName("data_files");
      out.writeStartArray();
      for (DatasetCard.Split split : config.splits()) {
        out.writeStartObject();
        out.writeStringProperty("split", split.name());
        if (split.dataFiles().size() == 1) {
          out.writeStringProperty("path", split.dataFiles().get(0));
        } else {
          out.writeName("path");
          out.writeStartArray();
          split.dataFiles().forEach(out::writeString);
          out.writeEndArray();
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  /** Each config's features and its splits' exact sizes. */
  static void datasetInfo(JsonGenerator out, DatasetCard card) {
    out.writeName("dataset_info");
    out.writeStartArray();
    for (DatasetCard.Config config : card.configs()) {
      out.writeStartObject();
      out.writeStringProperty("config_name", config.name());
      out.writeName("features");
      features(out, config.features());
      out.writeName("splits");
      out.writeStartArray();
      for (DatasetCard.Split split : config.splits()) {
        out.writeStartObject();
        out.writeStringProperty("name", split.name());
        if (split.numBytes().isPresent()) {
          out.writeNumberProperty("num_bytes", split.numBytes().get());
        }
        out.writeNumberProperty("num_examples", split.numExamples());
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  /** As {@code datasets} writes features to YAML: {@code dtype}, or {@code list} of fields. */
  private static void features(JsonGenerator out, List<Feature> features) {
    out.writeStartArray();
    for (Feature feature : features) {
      out.writeStartObject();
      out.writeStringProperty("name", feature.name());
      if (feature instanceof Feature.Value value) {
        out.writeStringProperty("dtype", value.dtype());
      } else if (feature instanceof Feature.ListOf list) {
        out.writeName("list");
        features(out, list.fields());
      }
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
