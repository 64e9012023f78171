package io.qaexport.adapter.out.card;

import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.domain.DatasetCard;
import io.qaexport.domain.HubLicense;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * A HuggingFace dataset card: YAML front matter (configs, features, splits, the Hub's metadata)
 * that {@code load_dataset(dir)} and the Hub read, then a Markdown body for people. qa-export
 * owns the keys in {@link #OWNED_KEYS} and the block between {@link #BEGIN} and {@link #END};
 * a later export replaces only those, so what the user wrote elsewhere stays byte for byte.
 */
final class MarkdownDatasetCardWriter implements DatasetCardWriter {
  static final String BEGIN =
      "<!-- qa-export:begin (every export replaces this block; edit outside it) -->";
  static final String END = "<!-- qa-export:end -->";
  /** Marked the cards of earlier versions, which qa-export wrote whole; such a card is replaced. */
  static final String OLD_MARKER =
      "<!-- Written by qa-export: the next export to this directory replaces this file. -->";
  /** The front matter keys qa-export writes, in the order a new card has them. */
  static final List<String> OWNED_KEYS = List.of("pretty_name", "license", "license_name",
      "license_link", "language", "annotations_creators", "language_creators", "multilinguality",
      "source_datasets", "task_categories", "task_ids", "size_categories", "tags", "configs",
      "dataset_info");

  @Override
  public void write(Path target, DatasetCard card, Optional<Path> previous) throws IOException {
    String block = BEGIN + "\n" + CardBody.generated(card) + END + "\n";
    LinkedHashMap<String, String> keys = ownedKeys(card);
    String text = null;
    if (previous.isPresent()) {
      text = updated(Files.readString(previous.get(), StandardCharsets.UTF_8), keys, block);
    }
    if (text == null) {
      text = "---\n" + String.join("", keys.values()) + "---\n" + CardBody.initial(card, block);
    }
    Files.writeString(target, text, StandardCharsets.UTF_8);
  }

  @Override
  public Optional<PreviousCard> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Parts parts = Parts.of(text);
    boolean old = parts.blockStart < 0 && text.contains(OLD_MARKER);
    if (!old && (parts.blockStart < 0 || parts.blockEnd < 0)) {
      return Optional.empty();
    }
    if (!old && parts.frontMatter != null && FrontMatter.parse(parts.frontMatter).isEmpty()) {
      throw new NotUpdatableException("its YAML front matter does not parse, or is not a mapping"
          + " of top-level keys one per line");
    }
    Map<String, Object> values = parts.frontMatter == null
        ? Map.of() : FrontMatter.topLevelValues(parts.frontMatter);
    @SuppressWarnings("unchecked")
    List<String> dataFiles = (List<String>) values.getOrDefault("configs", List.of());
    return Optional.of(new PreviousCard(string(values, "license"), string(values, "license_name"),
        string(values, "license_link"), string(values, "pretty_name"), dataFiles));
  }

  private static Optional<String> string(Map<String, Object> values, String key) {
    return values.get(key) instanceof String value ? Optional.of(value) : Optional.empty();
  }

  /** {@code text} with qa-export's part replaced, or null to write a new card instead. */
  private static String updated(String text, LinkedHashMap<String, String> keys, String block) {
    Parts parts = Parts.of(text);
    if (parts.blockStart < 0) {
      return null; // a card of an earlier version: qa-export wrote all of it
    }
    String frontMatter;
    if (parts.frontMatter == null) {
      frontMatter = String.join("", keys.values());
    } else {
      frontMatter = FrontMatter.parse(parts.frontMatter)
          .orElseThrow(() -> new IllegalStateException("front matter changed while writing"))
          .replace(Set.copyOf(OWNED_KEYS), keys);
    }
    return "---\n" + frontMatter + parts.closing + text.substring(parts.bodyStart, parts.blockStart)
        + block + text.substring(parts.blockEnd);
  }

  /**
   * Where a README's parts are: its front matter (null if it has none), the text after it, and
   * the generated block (-1 when there is no complete block: one begin line, then one end line).
   */
  private static final class Parts {
    String frontMatter;
    String closing = "---\n";
    int bodyStart;
    int blockStart = -1;
    int blockEnd = -1;

    static Parts of(String text) {
      var parts = new Parts();
      if (text.startsWith("---\n") || text.startsWith("---\r\n")) {
        int from = text.indexOf('\n') + 1;
        for (int line = from; line < text.length(); ) {
          int next = text.indexOf('\n', line);
          next = next < 0 ? text.length() : next + 1;
          if (text.substring(line, next).strip().equals("---")) {
            parts.frontMatter = text.substring(from, line);
            parts.closing = text.substring(line, next);
            parts.bodyStart = next;
            break;
          }
          line = next;
        }
      }
      int begins = 0;
      int ends = 0;
      for (int line = parts.bodyStart; line < text.length(); ) {
        int next = text.indexOf('\n', line);
        next = next < 0 ? text.length() : next + 1;
        String content = text.substring(line, next);
        if (content.startsWith("<!-- qa-export:begin")) {
          begins++;
          parts.blockStart = line;
        } else if (content.startsWith("<!-- qa-export:end")) {
          ends++;
          parts.blockEnd = next;
        }
        line = next;
      }
      if (begins != 1 || ends != 1 || parts.blockEnd < parts.blockStart) {
        parts.blockStart = -1;
        parts.blockEnd = -1;
      }
      return parts;
    }
  }

  /** Each owned key's YAML text, in {@link #OWNED_KEYS} order; keys without a value left out. */
  static LinkedHashMap<String, String> ownedKeys(DatasetCard card) {
    var keys = new LinkedHashMap<String, String>();
    HubLicense license = card.license();
    keys.put("pretty_name", yaml(out -> out.writeStringProperty("pretty_name", card.prettyName())));
    keys.put("license", yaml(out -> out.writeStringProperty("license", license.id())));
    license.name().ifPresent(name ->
        keys.put("license_name", yaml(out -> out.writeStringProperty("license_name", name))));
    license.link().ifPresent(link ->
        keys.put("license_link", yaml(out -> out.writeStringProperty("license_link", link))));
    keys.put("language", list("language", card.facts().languages()));
    keys.put("annotations_creators",
        list("annotations_creators", card.facts().annotationsCreators()));
    keys.put("language_creators", list("language_creators", card.facts().languageCreators()));
    keys.put("multilinguality", list("multilinguality", card.facts().multilinguality()));
    keys.put("source_datasets", list("source_datasets", card.facts().sourceDatasets()));
    keys.put("task_categories", list("task_categories", List.of(card.task().category())));
    keys.put("task_ids", list("task_ids", card.task().ids()));
    keys.put("size_categories", list("size_categories", List.of(card.sizeCategory())));
    keys.put("tags", list("tags", card.facts().tags()));
    keys.put("configs", yaml(out -> CardYaml.configs(out, card)));
    keys.put("dataset_info", yaml(out -> CardYaml.datasetInfo(out, card)));
    return keys;
  }

  private static String list(String name, List<String> values) {
    return yaml(out -> {
      out.writeName(name);
      out.writeStartArray();
      values.forEach(out::writeString);
      out.writeEndArray();
    });
  }

  /** One top-level key as YAML text, ending with a line end. */
  private static String yaml(Consumer<JsonGenerator> key) {
    var text = new StringWriter();
    try (JsonGenerator out = Yaml.FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      out.writeStartObject();
      key.accept(out);
      out.writeEndObject();
    }
    return text.toString();
  }
}
