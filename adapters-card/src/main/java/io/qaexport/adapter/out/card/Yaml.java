package io.qaexport.adapter.out.card;

import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** The YAML factory, in its own class so the YAML classes load only when a card is written. */
final class Yaml {
  static final YAMLFactory FACTORY = YAMLFactory.builder()
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLWriteFeature.SPLIT_LINES)
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .build();

  private Yaml() {}
}
