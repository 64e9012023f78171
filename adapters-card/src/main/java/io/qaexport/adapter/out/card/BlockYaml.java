package io.qaexport.adapter.out.card;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a front matter entry whose every string is a plain word, byte for byte as Jackson's YAML
 * generator does with the card's settings (block style, list items indented with their "- ", no
 * quotes where none are needed). Anything it does not know to be plain, an empty list or map, is
 * left to Jackson: the answer is then empty. Written by hand for start-up only: a fresh card then
 * loads none of the ~95 YAML library classes (measured: about 8 % of a 10-record run's
 * instructions); BlockYamlTest holds it to Jackson's output.
 */
final class BlockYaml {
  /** Words that need no quotes: a letter first, no YAML indicator (:, #, quotes, brackets, ...). */
  private static final Pattern PLAIN =
      Pattern.compile("[A-Za-z][A-Za-z0-9_.<>/+-]*( [A-Za-z0-9_.<>/+-]+)*");

  /** Plain words YAML or Jackson read as booleans or null: Jackson quotes them. */
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "null");

  private BlockYaml() {}

  static Optional<String> entry(String key, Object value) {
    var text = new StringBuilder();
    return mapping(text, Map.of(key, value), 0, false)
        ? Optional.of(text.toString())
        : Optional.empty();
  }

  /** Keys at {@code indent}; with {@code afterDash} the first key goes on the current line. */
  private static boolean mapping(StringBuilder text, Map<?, ?> map, int indent, boolean afterDash) {
    if (map.isEmpty()) {
      return false;
    }
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key) || !plain(key)) {
        return false;
      }
      if (!(first && afterDash)) {
        text.append(" ".repeat(indent));
      }
      first = false;
      text.append(key).append(':');
      if (!value(text, entry.getValue(), indent)) {
        return false;
      }
    }
    return true;
  }

  /** The value of a key at {@code indent}: on the key's line if a scalar, else below it. */
  private static boolean value(StringBuilder text, Object value, int indent) {
    if (value instanceof List<?> list) {
      text.append('\n');
      return sequence(text, list, indent + 2);
    }
    if (value instanceof Map<?, ?> map) {
      text.append('\n');
      return mapping(text, map, indent + 2, false);
    }
    text.append(' ');
    return scalar(text, value) && append(text, "\n");
  }

  private static boolean sequence(StringBuilder text, List<?> list, int indent) {
    if (list.isEmpty()) {
      return false;
    }
    for (Object item : list) {
      text.append(" ".repeat(indent)).append("- ");
      if (item instanceof Map<?, ?> map) {
        if (!mapping(text, map, indent + 2, true)) {
          return false;
        }
      } else if (item instanceof List<?> || !scalar(text, item) || !append(text, "\n")) {
        return false;
      }
    }
    return true;
  }

  private static boolean scalar(StringBuilder text, Object value) {
    if (value instanceof Long || value instanceof Integer) {
      text.append(value);
      return true;
    }
    if (value instanceof String string && plain(string)) {
      text.append(string);
      return true;
    }
    return false;
  }

  private static boolean plain(String string) {
    return PLAIN.matcher(string).matches() && !RESERVED.contains(string.toLowerCase(Locale.ROOT));
  }

  private static boolean append(StringBuilder text, String line) {
    text.append(line);
    return true;
  }
}
