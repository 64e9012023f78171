package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * What {@link JsonLineScanner} must report, found the slow way: the reader's pre-checks, then
 * Jackson's streaming parser over every token, with each value's place taken from Jackson's token
 * locations. The outcome is a value, so a scan and the reference compare with one assertEquals.
 */
final class JacksonLineReference {
  private JacksonLineReference() {}

  /** One value found at a path; offsets from the line's first byte. */
  record Value(JsonLineScanner.Kind kind, long start, long end, boolean escaped) {}

  /**
   * @param values by dotted path, for every path and prefix present
   * @param duplicateAt offset of the first repeated key on a path, -1 for none
   * @param foreignInfinityAt offset of the first +INF, -INF or +Infinity, -1 for none
   */
  record Outcome(
      boolean valid,
      JsonLineScanner.Kind root,
      Map<String, Value> values,
      String duplicate,
      long duplicateAt,
      long foreignInfinityAt) {
    static final Outcome INVALID = new Outcome(false, null, Map.of(), null, -1, -1);
  }

  /** The factory the reader builds for a line limit, as {@link JsonlQaPairSource} does. */
  static JsonFactory productFactory(int maxLineBytes) {
    return JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .recyclerPool(JsonRecyclerPools.threadLocalPool())
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(maxLineBytes)
                .maxDocumentLength(maxLineBytes)
                .maxNumberLength(maxLineBytes)
                .maxNameLength(maxLineBytes)
                .maxNestingDepth(Math.max(1, maxLineBytes / 2))
                .build())
        .build();
  }

  /** Small limits, so every one of them is reached by short lines. */
  static JsonFactory tightFactory() {
    return JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(3)
                .maxNumberLength(5)
                .maxNameLength(6)
                .maxDocumentLength(200)
                .build())
        .build();
  }

  /** Jackson's defaults, without NaN and the infinities. */
  static JsonFactory strictFactory() {
    return JsonFactory.builder().build();
  }

  /** Fails when {@link #productFactory} no longer builds what the reader builds. */
  static void assertProductFactoryIsTheReaders(int maxLineBytes)
      throws ReflectiveOperationException {
    Field field = JsonlQaPairSource.class.getDeclaredField("json");
    field.setAccessible(true);
    JsonFactory readers = (JsonFactory) field.get(new JsonlQaPairSource(maxLineBytes));
    assertEquals(describe(readers), describe(productFactory(maxLineBytes)));
  }

  private static String describe(JsonFactory json) {
    StreamReadConstraints c = json.streamReadConstraints();
    return json.getFormatReadFeatures()
        + " "
        + json.getStreamReadFeatures()
        + " "
        + List.of(
            c.getMaxNestingDepth(),
            c.getMaxNumberLength(),
            c.getMaxStringLength(),
            c.getMaxNameLength(),
            c.getMaxDocumentLength(),
            c.getMaxTokenCount());
  }

  /** The outcome of a scan, offsets made relative to {@code offset}. */
  static Outcome of(JsonLineScanner scanner, boolean valid, int offset) {
    if (!valid) {
      return Outcome.INVALID;
    }
    Map<String, Value> values = new TreeMap<>();
    for (int path = 0; path < scanner.pathCount(); path++) {
      if (scanner.present(path)) {
        values.put(
            scanner.path(path),
            new Value(
                scanner.kind(path),
                scanner.start(path) - offset,
                scanner.end(path) - offset,
                scanner.escaped(path)));
      }
    }
    int duplicate = scanner.duplicate();
    return new Outcome(
        true,
        scanner.rootKind(),
        values,
        duplicate < 0 ? null : scanner.path(duplicate),
        duplicate < 0 ? -1 : scanner.duplicateAt() - offset,
        scanner.foreignInfinityAt() < 0 ? -1 : scanner.foreignInfinityAt() - offset);
  }

  private static final class Frame {
    /** The path of this object's value when it is on the way to a path, else null. */
    final List<String> objectPath;

    /** The path whose value this container is, else null. */
    final List<String> valuePath;

    final Set<String> seen = new HashSet<>();

    Frame(List<String> objectPath, List<String> valuePath) {
      this.objectPath = objectPath;
      this.valuePath = valuePath;
    }
  }

  /**
   * @param paths dotted paths; their prefixes are looked for too
   */
  static Outcome walk(JsonFactory json, byte[] line, List<String> paths) {
    if (Utf8Validation.firstInvalidByte(line, 0, line.length) >= 0
        || (line.length > 0 && line[0] == 0)
        || (line.length > 1 && line[1] == 0)) {
      return Outcome.INVALID; // the reader's checks before Jackson (LineDecoder, PairParser)
    }
    Set<List<String>> tracked = new HashSet<>();
    for (String path : paths) {
      List<String> segments = Arrays.asList(path.split("\\.", -1));
      for (int i = 1; i <= segments.size(); i++) {
        tracked.add(List.copyOf(segments.subList(0, i)));
      }
    }
    Map<String, Value> values = new TreeMap<>();
    JsonLineScanner.Kind root = null;
    String duplicate = null;
    long duplicateAt = -1;
    long foreignInfinityAt = -1;
    try (JsonParser parser = json.createParser(ObjectReadContext.empty(), line, 0, line.length)) {
      Deque<Frame> stack = new ArrayDeque<>();
      List<String> pending = List.of(); // the path of the next value; the root's is empty
      JsonToken token = parser.nextToken();
      if (token == null) {
        return Outcome.INVALID;
      }
      while (true) {
        long at = parser.currentTokenLocation().getByteOffset();
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            JsonLineScanner.Kind kind =
                token == JsonToken.START_OBJECT
                    ? JsonLineScanner.Kind.OBJECT
                    : JsonLineScanner.Kind.ARRAY;
            if (pending != null && pending.isEmpty()) {
              root = kind;
            } else if (pending != null) {
              values.put(String.join(".", pending), new Value(kind, at, -1, false));
            }
            stack.push(
                new Frame(
                    kind == JsonLineScanner.Kind.OBJECT && pending != null ? pending : null,
                    pending));
            pending = null;
          }
          case END_OBJECT, END_ARRAY -> {
            Frame frame = stack.pop();
            if (frame.valuePath != null && !frame.valuePath.isEmpty()) {
              String key = String.join(".", frame.valuePath);
              Value open = values.get(key);
              values.put(
                  key,
                  new Value(
                      open.kind(), open.start(), parser.currentLocation().getByteOffset(), false));
            }
          }
          case PROPERTY_NAME -> {
            Frame frame = stack.peek();
            pending = null;
            if (frame.objectPath != null) {
              List<String> child = new ArrayList<>(frame.objectPath);
              child.add(parser.currentName());
              if (tracked.contains(child)) {
                if (!frame.seen.add(parser.currentName())) {
                  if (duplicate == null) {
                    duplicate = String.join(".", child);
                    duplicateAt = at;
                  }
                } else {
                  pending = child;
                }
              }
            }
          }
          default -> {
            if (token == JsonToken.VALUE_NUMBER_FLOAT
                && (line[(int) at] == '+' || parser.getString().equals("-INF"))) {
              foreignInfinityAt = foreignInfinityAt < 0 ? at : foreignInfinityAt;
            }
            Value value = scalar(parser, token, line, at);
            if (pending != null && pending.isEmpty()) {
              root = value.kind();
            } else if (pending != null) {
              values.put(String.join(".", pending), value);
            }
            pending = null;
          }
        }
        if (stack.isEmpty()) {
          break; // the root value is complete
        }
        token = parser.nextToken();
        if (token == null) {
          return Outcome.INVALID; // not reached: Jackson fails on an open container's end
        }
      }
      if (parser.nextToken() != null) {
        return Outcome.INVALID; // a second value
      }
    } catch (JacksonException e) {
      return Outcome.INVALID;
    }
    return new Outcome(true, root, values, duplicate, duplicateAt, foreignInfinityAt);
  }

  private static Value scalar(JsonParser parser, JsonToken token, byte[] line, long at) {
    JsonLineScanner.Kind kind =
        switch (token) {
          case VALUE_STRING -> JsonLineScanner.Kind.STRING;
          case VALUE_NUMBER_INT -> JsonLineScanner.Kind.INTEGER;
          case VALUE_NUMBER_FLOAT -> JsonLineScanner.Kind.FLOAT;
          case VALUE_TRUE -> JsonLineScanner.Kind.TRUE;
          case VALUE_FALSE -> JsonLineScanner.Kind.FALSE;
          case VALUE_NULL -> JsonLineScanner.Kind.NULL;
          default -> throw new AssertionError("not a scalar: " + token);
        };
    if (kind != JsonLineScanner.Kind.STRING) {
      return new Value(kind, at, parser.currentLocation().getByteOffset(), false);
    }
    String text = parser.getString(); // decodes, so the location is after the closing quote
    long end = parser.currentLocation().getByteOffset() - 1;
    byte[] raw = Arrays.copyOfRange(line, (int) at + 1, (int) end);
    boolean escaped = false;
    for (byte b : raw) {
      escaped |= b == '\\';
    }
    if (!escaped) {
      // The point of the flag: without an escape the bytes are the text.
      assertEquals(text, new String(raw, StandardCharsets.UTF_8), "unescaped bytes and text");
    }
    return new Value(kind, at + 1, end, escaped);
  }
}
