package io.qaexport.adapter.out.card;

import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.domain.card.DatasetCard;
import io.qaexport.domain.card.HubLicense;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A HuggingFace dataset card: YAML front matter (configs, features, splits, the Hub's metadata)
 * that {@code load_dataset(dir)} and the Hub read, then a Markdown body for people. qa-export owns
 * the keys in {@link #OWNED_KEYS} and the block between {@link #BEGIN} and {@link #END}; a later
 * export replaces only those, so what the user wrote elsewhere stays byte for byte.
 */
final class MarkdownDatasetCardWriter implements DatasetCardWriter {
  static final String BEGIN =
      "<!-- qa-export:begin (every export replaces this block; edit outside it) -->";
  static final String END = "<!-- qa-export:end -->";

  /** Marked the cards of earlier versions, which qa-export wrote whole; such a card is replaced. */
  static final String OLD_MARKER =
      "<!-- Written by qa-export: the next export to this directory replaces this file. -->";

  /** The front matter keys qa-export writes, in the order a new card has them. */
  static final List<String> OWNED_KEYS =
      List.of(
          "pretty_name",
          "license",
          "license_name",
          "license_link",
          "language",
          "annotations_creators",
          "language_creators",
          "multilinguality",
          "source_datasets",
          "task_categories",
          "task_ids",
          "size_categories",
          "tags",
          "configs",
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
    writeNotThroughALink(target, text);
  }

  /** The owned keys that describe an export's data, which a withdrawn card no longer has. */
  static final Set<String> DATA_KEYS = Set.of("configs", "dataset_info", "size_categories");

  @Override
  public void withdraw(Path target, Path previous, String why, List<String> runFiles)
      throws IOException {
    String block =
        BEGIN
            + "\n"
            + "## No dataset here yet\n\n"
            + "The latest export to this directory wrote no dataset card: "
            + why
            + ". The configs, features and counts of the export before it were taken out of this"
            + " card.\n"
            + (runFiles.isEmpty() ? "" : RUN_FILES + " " + String.join(" ", runFiles) + " -->\n")
            + END
            + "\n";
    String text = Files.readString(previous, StandardCharsets.UTF_8);
    Parts parts = Parts.of(text);
    Optional<FrontMatter> frontMatter =
        parts.frontMatter == null ? Optional.empty() : FrontMatter.parse(parts.frontMatter);
    String head =
        frontMatter
            .map(keys -> "---\n" + keys.replace(DATA_KEYS, new LinkedHashMap<>()) + parts.closing)
            .orElse("");
    String withdrawn;
    if (parts.blockStart < 0) {
      // A card of an earlier version: qa-export wrote all of it but the keys it carries over.
      withdrawn = head + block;
    } else if (parts.frontMatter != null && frontMatter.isEmpty()) {
      throw new IOException("its front matter changed while writing");
    } else {
      withdrawn =
          head
              + text.substring(parts.bodyStart, parts.blockStart)
              + block
              + text.substring(parts.blockEnd);
    }
    writeNotThroughALink(target, withdrawn);
  }

  /** Opens the line of a withdrawn card's block that lists the files its run wrote. */
  static final String RUN_FILES = "<!-- qa-export:data-files:";

  @Override
  public Optional<PreviousCard> read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Parts parts = Parts.of(text);
    boolean old = parts.blockStart < 0 && text.contains(OLD_MARKER);
    if (!old && (parts.blockStart < 0 || parts.blockEnd < 0)) {
      return Optional.empty();
    }
    if (!old && parts.frontMatter != null && FrontMatter.parse(parts.frontMatter).isEmpty()) {
      throw new NotUpdatableException(
          "its YAML front matter does not parse, or is not a mapping"
              + " of top-level keys one per line");
    }
    Map<String, Object> values =
        parts.frontMatter == null ? Map.of() : FrontMatter.topLevelValues(parts.frontMatter);
    @SuppressWarnings("unchecked")
    List<String> configured = (List<String>) values.getOrDefault("configs", List.of());
    var dataFiles = new ArrayList<>(configured);
    if (parts.blockStart >= 0) {
      // A withdrawn card names its run's files in its block, for the next export to clean up.
      for (String line : text.substring(parts.blockStart, parts.blockEnd).split("\n")) {
        if (line.startsWith(RUN_FILES) && line.endsWith("-->")) {
          String names = line.substring(RUN_FILES.length(), line.length() - 3).strip();
          for (String name : names.split(" ")) {
            if (!name.isEmpty() && !dataFiles.contains(name)) {
              dataFiles.add(name);
            }
          }
        }
      }
    }
    boolean declaresData =
        parts.frontMatter != null
            && FrontMatter.topLevelKeys(parts.frontMatter).orElse(List.of()).stream()
                .anyMatch(DATA_KEYS::contains);
    return Optional.of(
        new PreviousCard(
            string(values, "license"),
            string(values, "license_name"),
            string(values, "license_link"),
            string(values, "pretty_name"),
            dataFiles,
            declaresData));
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
      frontMatter =
          FrontMatter.parse(parts.frontMatter)
              .orElseThrow(() -> new IllegalStateException("front matter changed while writing"))
              .replace(Set.copyOf(OWNED_KEYS), keys);
    }
    return "---\n"
        + frontMatter
        + parts.closing
        + text.substring(parts.bodyStart, parts.blockStart)
        + block
        + text.substring(parts.blockEnd);
  }

  /**
   * Where a README's parts are: its front matter (null if it has none), the text after it, and the
   * generated block (-1 when there is no complete block: one begin line, then one end line).
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
    put(keys, "pretty_name", card.prettyName());
    put(keys, "license", license.id());
    license.name().ifPresent(name -> put(keys, "license_name", name));
    license.link().ifPresent(link -> put(keys, "license_link", link));
    put(keys, "language", card.facts().languages());
    put(keys, "annotations_creators", card.facts().annotationsCreators());
    put(keys, "language_creators", card.facts().languageCreators());
    put(keys, "multilinguality", card.facts().multilinguality());
    put(keys, "source_datasets", card.facts().sourceDatasets());
    put(keys, "task_categories", List.of(card.task().category()));
    put(keys, "task_ids", card.task().ids());
    put(keys, "size_categories", List.of(card.sizeCategory()));
    put(keys, "tags", card.facts().tags());
    put(keys, "configs", CardYaml.configs(card));
    put(keys, "dataset_info", CardYaml.datasetInfo(card));
    return keys;
  }

  private static void put(LinkedHashMap<String, String> keys, String key, Object value) {
    keys.put(key, CardYaml.entry(key, value));
  }

  /**
   * The card's staged file may sit in a directory others can write to: a link planted under its
   * name (even after it was created) is refused, never written through.
   */
  private static void writeNotThroughALink(Path target, String text) throws IOException {
    Files.writeString(
        target,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING,
        LinkOption.NOFOLLOW_LINKS);
  }
}
