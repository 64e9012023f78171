package io.qaexport.adapter.out.card;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The YAML factory, in its own class so the YAML classes load only when a card's YAML needs them:
 * to read an earlier card, or to write what {@link BlockYaml} leaves to Jackson.
 */
final class Yaml {
  static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
          // A name or licence such as 123 stays a string: unquoted, YAML reads a number.
          .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
          .disable(YAMLWriteFeature.SPLIT_LINES)
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .build();

  private Yaml() {}

  /** One top-level key as YAML text, ending with a line end. */
  static String entry(String key, Object value) {
    var text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      out.writeStartObject();
      out.writeName(key);
      write(out, value);
      out.writeEndObject();
    }
    return text.toString();
  }

  private static void write(JsonGenerator out, Object value) {
    if (value instanceof List<?> list) {
      out.writeStartArray();
      list.forEach(item -> write(out, item));
      out.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      map.forEach(
          (key, item) -> {
            out.writeName((String) key);
            write(out, item);
          });
      out.writeEndObject();
    } else if (value instanceof Long number) {
      out.writeNumber(number);
    } else if (value instanceof Integer number) {
      out.writeNumber(number);
    } else {
      out.writeString((String) value);
    }
  }
}
