package io.qaexport.adapter.out.card;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * A card's YAML front matter as top-level entries, each kept as the exact text it was written with,
 * so that qa-export can replace the keys it owns and leave every other byte alone. The split into
 * entries is checked against a real YAML parser: where the two disagree (YAML too unusual for a
 * line-based split), the front matter is not updated.
 */
final class FrontMatter {
  /** One top-level key with its value's lines, or (key empty) comments and blank lines. */
  record Entry(Optional<String> key, String text) {}

  private final List<Entry> entries;

  private FrontMatter(List<Entry> entries) {
    this.entries = entries;
  }

  /** The front matter's entries, or empty if its YAML does not parse or cannot be split safely. */
  static Optional<FrontMatter> parse(String yaml) {
    List<Entry> entries = split(yaml);
    List<String> keys = entries.stream().flatMap(e -> e.key().stream()).toList();
    Optional<List<String>> parsed = topLevelKeys(yaml);
    if (parsed.isEmpty() || !parsed.get().equals(keys)) {
      return Optional.empty();
    }
    return Optional.of(new FrontMatter(entries));
  }

  /**
   * This front matter with every key in {@code owned} replaced by its new text from {@code values}
   * (or dropped if it has none), in place; owned keys it lacked are added at the end, in the order
   * of {@code values}. Everything else is kept byte for byte.
   */
  String replace(Set<String> owned, LinkedHashMap<String, String> values) {
    var text = new StringBuilder();
    var written = new HashSet<String>();
    for (Entry entry : entries) {
      if (entry.key().isEmpty() || !owned.contains(entry.key().get())) {
        text.append(entry.text());
        if (!entry.text().endsWith("\n")) {
          text.append('\n');
        }
      } else if (written.add(entry.key().get()) && values.containsKey(entry.key().get())) {
        text.append(values.get(entry.key().get()));
      }
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      if (!written.contains(value.getKey())) {
        text.append(value.getValue());
      }
    }
    return text.toString();
  }

  /** A top-level scalar value as the parser reads it, if the key is there with a string value. */
  static Map<String, Object> topLevelValues(String yaml) {
    Map<String, Object> values = new LinkedHashMap<>();
    try (JsonParser parser = Yaml.FACTORY.createParser(ObjectReadContext.empty(), yaml)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return values;
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value != null && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
          // As written: a name or licence an earlier version left unquoted (123) is still text.
          values.put(key, parser.getString());
        } else if (key.equals("configs") && value == JsonToken.START_ARRAY) {
          values.put(key, dataFilePaths(parser));
        } else if (key.equals("license") && value == JsonToken.START_ARRAY) {
          List<String> licenses = scalars(parser);
          // One in a list is that license; several are reported, as the card takes one.
          values.put(key, licenses.size() == 1 ? licenses.get(0) : licenses.toString());
        } else {
          parser.skipChildren();
        }
      }
    } catch (StreamReadException e) {
      return Map.of();
    }
    return values;
  }

  /** The scalars of the array the parser is at the start of, as text; nested ones skipped. */
  private static List<String> scalars(JsonParser parser) {
    List<String> items = new ArrayList<>();
    for (JsonToken token = parser.nextToken();
        token != null && token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      if (token.isScalarValue()) {
        items.add(parser.getString());
      } else {
        parser.skipChildren();
      }
    }
    return items;
  }

  /** Every {@code path} string under {@code configs} (the parser is at its array's start). */
  private static List<String> dataFilePaths(JsonParser parser) {
    List<String> paths = new ArrayList<>();
    int depth = 1;
    String name = null;
    while (depth > 0) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        break;
      }
      switch (token) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case PROPERTY_NAME -> name = parser.currentName();
        case VALUE_STRING -> {
          if ("path".equals(name)) {
            paths.add(parser.getString());
          }
        }
        default -> {}
      }
    }
    return paths;
  }

  static Optional<List<String>> topLevelKeys(String yaml) {
    List<String> keys = new ArrayList<>();
    try (JsonParser parser = Yaml.FACTORY.createParser(ObjectReadContext.empty(), yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.of(keys);
      }
      if (first != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        keys.add(parser.currentName());
        parser.nextToken();
        parser.skipChildren();
      }
      return parser.nextToken() == null ? Optional.of(keys) : Optional.empty();
    } catch (StreamReadException e) {
      return Optional.empty();
    }
  }

  /**
   * Splits at lines that start a top-level key (not indented, not a comment, not a {@code -} list
   * item). Comments and blank lines just before a key are an entry of their own, so that replacing
   * the key above them keeps them.
   */
  private static List<Entry> split(String yaml) {
    List<Entry> entries = new ArrayList<>();
    String key = null;
    var current = new StringBuilder();
    var trivia = new StringBuilder();
    int start = 0;
    while (start < yaml.length()) {
      int end = yaml.indexOf('\n', start);
      end = end < 0 ? yaml.length() : end + 1;
      String line = yaml.substring(start, end);
      start = end;
      String bare = line.strip();
      if (bare.isEmpty() || (line.startsWith("#"))) {
        trivia.append(line);
      } else if (startsKey(line)) {
        flush(entries, key, current);
        if (trivia.length() > 0) {
          entries.add(new Entry(Optional.empty(), trivia.toString()));
          trivia.setLength(0);
        }
        key = keyOf(line);
        current.append(line);
      } else {
        current.append(trivia).append(line);
        trivia.setLength(0);
      }
    }
    flush(entries, key, current);
    if (trivia.length() > 0) {
      entries.add(new Entry(Optional.empty(), trivia.toString()));
    }
    return entries;
  }

  private static void flush(List<Entry> entries, String key, StringBuilder text) {
    if (text.length() > 0) {
      entries.add(new Entry(Optional.ofNullable(key), text.toString()));
      text.setLength(0);
    }
  }

  private static boolean startsKey(String line) {
    char first = line.charAt(0);
    return first != ' ' && first != '\t' && first != '#' && first != '-' && line.contains(":");
  }

  private static String keyOf(String line) {
    String key = line.substring(0, line.indexOf(':')).strip();
    if (key.length() >= 2
        && (key.startsWith("\"") && key.endsWith("\"")
            || key.startsWith("'") && key.endsWith("'"))) {
      key = key.substring(1, key.length() - 1);
    }
    return key;
  }
}
