package io.qaexport.adapter.out.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The card's prose, kept in Markdown resources a maintainer edits ({@code card-body.md}, written
 * once when a card is created, and {@code card-generated.md}, the block every export rewrites),
 * with {@code {{name}}} placeholders that the writer fills in.
 */
final class CardTemplate {
  static final String BODY = "card-body.md";
  static final String GENERATED = "card-generated.md";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

  private CardTemplate() {}

  /** The resource with every placeholder replaced; an unknown placeholder is a bug. */
  static String fill(String resource, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(load(resource));
    var text = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(resource + ": no value for {{" + matcher.group(1) + "}}");
      }
      matcher.appendReplacement(text, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(text);
    return text.toString();
  }

  private static String load(String resource) {
    try (InputStream in = CardTemplate.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
