package io.qaexport.adapter.in.jsonl;

import io.qaexport.domain.KeptValues;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.Utf8Text;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses one line into a {@link QaPair}: reads only the mapped fields, skips the rest without
 * building them, and rejects wrong JSON types with the field's path and column. Not thread-safe:
 * one per reading thread.
 *
 * <p>Bytes through: a mapped string that holds no escape is handed on as its bytes on the line (a
 * view, not a copy), never decoded: the line is validated UTF-8, so those bytes are the value.
 * Jackson still tokenizes and validates the whole line; it skips such a string without decoding it.
 * Strings with escapes are decoded by Jackson. The reference path (bytes through off) decodes every
 * string; a differential fuzz target holds the two to the same results.
 */
final class PairParser {
  /** Lines up to this long are kept whole by their texts' views (a typical pair is ~1.5 KB). */
  static final int VIEW_LINES_UP_TO = 8 * 1024;

  /**
   * Jackson's messages name its own settings and sources, which mean nothing to a user of this tool
   * ("enable `JsonReadFeature...`", "[Source: REDACTED ...]"): each pattern and its replacement.
   */
  private static final String[][] JACKSON_WORDING = {
    // Where an unclosed object or array began, located in a source it does not show.
    {" \\((?:for \\w+ starting|start marker) at \\[Source:[^\\]]*\\]\\)", ""},
    {", from `StreamReadConstraints[^`]*`", ""},
    {": enable `JsonReadFeature\\.\\w+` to allow", ""},
    {" \\(consider enabling `JsonReadFeature\\.\\w+`[^)]*\\)\\)?", ""},
    {
      " \\(not recognized as one since Feature '\\w+' not enabled for parser\\)", " (JSON has none)"
    },
    {
      "hexadecimal number literals require enabling `JsonReadFeature\\.\\w+`",
      "JSON numbers are decimal"
    },
    // The words for non-finite numbers this reader takes, as Python's json does.
    {"'NaN'/'\\+INF'/'-INF'", "'NaN'/'Infinity'/'-Infinity'"},
  };

  private final JsonFactory json;

  /** Passed pairs export no failure_reason: its type is then none of our business. */
  private final boolean readsFailureReason;

  private final boolean bytesThrough;

  /** Reads the kept columns' values; null when none are kept. */
  private final KeptReader kept;

  /** The line being parsed; texts handed on are views of it, so it must never change. */
  private byte[] line;

  private int lineStart;
  private int lineEnd;

  PairParser(JsonFactory json, boolean readsFailureReason) {
    this(json, readsFailureReason, true);
  }

  /**
   * @param bytesThrough false for the reference path: every string decoded by Jackson
   */
  PairParser(JsonFactory json, boolean readsFailureReason, boolean bytesThrough) {
    this(json, readsFailureReason, bytesThrough, KeptReader.KeptFields.none());
  }

  /**
   * @param keptFields the input paths of the kept columns, read into each pair's kept values
   */
  PairParser(
      JsonFactory json,
      boolean readsFailureReason,
      boolean bytesThrough,
      KeptReader.KeptFields keptFields) {
    this.json = json;
    this.readsFailureReason = readsFailureReason;
    this.bytesThrough = bytesThrough;
    this.kept = keptFields.root() == null ? null : new KeptReader(this, keptFields);
  }

  /**
   * @param bytes validated UTF-8 that is never changed afterwards: the pair's texts may be views of
   *     it
   */
  QaPair parse(byte[] bytes, int offset, int length) throws LineProblem {
    line = bytes;
    lineStart = offset;
    lineEnd = offset + length;
    if (kept != null) {
      kept.startLine();
    }
    // Jackson guesses UTF-16/32 from NUL bytes among the first two; the line is UTF-8 (already
    // validated), and NUL is never valid JSON outside a string, so reject it before Jackson can
    // misread e.g. "\0{\0}" as UTF-16 "{}".
    for (int i = 0; i < Math.min(length, 2); i++) {
      if (bytes[offset + i] == 0) {
        throw new LineProblem(i + 1, "invalid JSON: unexpected NUL character (code 0)");
      }
    }
    try (JsonParser parser = json.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw problem(parser, "expected a JSON object, found " + describe(first));
      }
      QaPair pair = readPair(parser);
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw problem(parser, "found " + describe(after) + " after the JSON object");
      }
      return pair;
    } catch (JacksonException e) {
      throw new LineProblem(column(e.getLocation()), syntaxReason(e));
    }
  }

  /**
   * Refuses {@code +Infinity}, {@code +INF} and {@code -INF} anywhere on the line. NaN, Infinity
   * and -Infinity are let through as some JSON writers emit them (Python's json reads them back);
   * no common writer emits the others, and Python's json refuses them. Run only on lines that may
   * hold them.
   */
  void refuseForeignInfinity(byte[] bytes, int offset, int length) throws LineProblem {
    try (JsonParser parser = json.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token != JsonToken.VALUE_NUMBER_FLOAT) {
          continue;
        }
        String text = parser.getString();
        if (text.equals("+INF")) {
          throw problem(
              parser,
              "invalid JSON: +INF is not a number (write Infinity, which Python's json reads)");
        }
        if (text.startsWith("+")) {
          throw problem(
              parser,
              "invalid JSON: " + text + " is not a number (JSON numbers take no plus sign)");
        }
        if (text.equals("-INF")) {
          throw problem(
              parser,
              "invalid JSON: -INF is not a number (write -Infinity, which Python's json reads)");
        }
      }
    } catch (JacksonException e) {
      throw new LineProblem(column(e.getLocation()), syntaxReason(e));
    }
  }

  private QaPair readPair(JsonParser parser) throws LineProblem {
    Utf8Text question = null;
    Utf8Text answer = null;
    Utf8Text sourceDocument = null;
    Persona persona = null;
    Double score = null;
    Utf8Text failureReason = null;
    int seen = 0;
    KeptReader.KeptFields.Node keptRoot = kept == null ? null : kept.root();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      KeptReader.KeptFields.Node keptHere =
          keptRoot == null ? null : kept.child(parser, keptRoot, name);
      int start = keptHere == null ? 0 : tokenStart(parser);
      switch (name) {
        case "question" -> {
          seen = firstTime(parser, seen, 1, "question");
          question = text(parser, value, "question");
        }
        case "answer" -> {
          seen = firstTime(parser, seen, 2, "answer");
          answer = text(parser, value, "answer");
        }
        case "source_document" -> {
          seen = firstTime(parser, seen, 4, "source_document");
          sourceDocument = text(parser, value, "source_document");
        }
        case "persona" -> {
          seen = firstTime(parser, seen, 8, "persona");
          persona = persona(parser, value, keptHere);
        }
        case "validation" -> {
          seen = firstTime(parser, seen, 16, "validation");
          if (value == JsonToken.START_OBJECT) {
            Validation validation = validation(parser, keptHere);
            score = validation.score;
            failureReason = validation.failureReason;
          } else if (value != JsonToken.VALUE_NULL) {
            throw wrongType(parser, "validation", "an object or null", value);
          }
        }
        default -> {
          if (keptHere != null) {
            kept.keepOrSkip(parser, value, keptHere);
            keptHere = null;
          } else {
            parser.skipChildren();
          }
        }
      }
      if (keptHere != null) {
        kept.keepFromBytes(parser, value, start, keptHere);
      }
    }
    return new QaPair(
        question,
        answer,
        sourceDocument,
        persona,
        score,
        failureReason,
        kept == null ? KeptValues.NONE : kept.values());
  }

  /** Kept nodes below a mapped object's key ({@code keptParent}), one key of it at a time. */
  private KeptReader.KeptFields.Node keptChild(
      JsonParser parser, KeptReader.KeptFields.Node keptParent, String name) throws LineProblem {
    return keptParent == null ? null : kept.child(parser, keptParent, name);
  }

  /** After a mapped key's value: the columns kept at the same path, read from its bytes. */
  private void keptToo(
      JsonParser parser, JsonToken value, int start, KeptReader.KeptFields.Node node)
      throws LineProblem {
    if (node != null) {
      kept.keepFromBytes(parser, value, start, node);
    }
  }

  private void keepOrSkip(JsonParser parser, JsonToken value, KeptReader.KeptFields.Node node)
      throws LineProblem {
    if (node == null) {
      parser.skipChildren();
    } else {
      kept.keepOrSkip(parser, value, node);
    }
  }

  private Persona persona(
      JsonParser parser, JsonToken value, KeptReader.KeptFields.Node keptPersona)
      throws LineProblem {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value == JsonToken.VALUE_STRING) {
      return new Persona.Label(string(parser, value, "persona"));
    }
    if (value != JsonToken.START_OBJECT) {
      throw wrongType(parser, "persona", "an object, a string or null", value);
    }
    String roll = null;
    String erfarenhet = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken partValue = parser.nextToken();
      KeptReader.KeptFields.Node keptHere = keptChild(parser, keptPersona, name);
      int start = keptHere == null ? 0 : tokenStart(parser);
      switch (name) {
        case "roll" -> {
          seen = firstTime(parser, seen, 1, "persona.roll");
          roll = string(parser, partValue, "persona.roll");
          keptToo(parser, partValue, start, keptHere);
        }
        case "erfarenhet" -> {
          seen = firstTime(parser, seen, 2, "persona.erfarenhet");
          erfarenhet = string(parser, partValue, "persona.erfarenhet");
          keptToo(parser, partValue, start, keptHere);
        }
        default -> keepOrSkip(parser, partValue, keptHere);
      }
    }
    return new Persona.Profile(roll, erfarenhet);
  }

  private record Validation(Double score, Utf8Text failureReason) {}

  private Validation validation(JsonParser parser, KeptReader.KeptFields.Node keptValidation)
      throws LineProblem {
    Double score = null;
    Utf8Text failureReason = null;
    int seen = 0;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      KeptReader.KeptFields.Node keptHere = keptChild(parser, keptValidation, name);
      int start = keptHere == null ? 0 : tokenStart(parser);
      switch (name) {
        case "composite_score" -> {
          seen = firstTime(parser, seen, 1, "validation.composite_score");
          score = number(parser, value, "validation.composite_score");
          keptToo(parser, value, start, keptHere);
        }
        case "failure_reason" -> {
          if (readsFailureReason) {
            seen = firstTime(parser, seen, 2, "validation.failure_reason");
            failureReason = text(parser, value, "validation.failure_reason");
            keptToo(parser, value, start, keptHere);
          } else {
            keepOrSkip(parser, value, keptHere);
          }
        }
        default -> keepOrSkip(parser, value, keptHere);
      }
    }
    return new Validation(score, failureReason);
  }

  /**
   * Marks a mapped key as read; a second occurrence is an error, since which value is meant is
   * ambiguous. Keys we do not map are not checked: their values never reach the output.
   */
  private static int firstTime(JsonParser parser, int seen, int bit, String field)
      throws LineProblem {
    if ((seen & bit) != 0) {
      throw problem(
          parser, "duplicate key '" + field + "': which of its values is meant is" + " ambiguous");
    }
    return seen | bit;
  }

  Utf8Text text(JsonParser parser, JsonToken value, String field) throws LineProblem {
    if (bytesThrough && value == JsonToken.VALUE_STRING) {
      Utf8Text plain = plainString(parser);
      if (plain != null) {
        return plain;
      }
    }
    String decoded = string(parser, value, field);
    return decoded == null ? null : Utf8Text.of(decoded);
  }

  /**
   * The current string token's bytes between its quotes when it holds no backslash, else null.
   * Hand-written (a scan for two byte values) because it is the point of the fast path: Jackson
   * offers no way to take a string's bytes undecoded. Its errors (a control character, an
   * unterminated string) Jackson still reports when it skips the string at the next token.
   */
  private Utf8Text plainString(JsonParser parser) {
    long offset = parser.currentTokenLocation().getByteOffset();
    int quote = lineStart + (int) offset;
    if (offset < 0 || quote >= lineEnd || line[quote] != '"') {
      return null; // not where we expect a string to begin: let Jackson decode it
    }
    for (int i = quote + 1; i < lineEnd; i++) {
      byte b = line[i];
      if (b == '"') {
        return view(quote + 1, i);
      }
      if (b == '\\') {
        return null;
      }
    }
    return null;
  }

  /**
   * The line's bytes from {@code from} to {@code to} (indexes into the line's array) as text: a
   * view, or a copy for a short value on a long line.
   */
  Utf8Text view(int from, int to) {
    int length = to - from;
    if (lineEnd - lineStart > VIEW_LINES_UP_TO && length * 2 < lineEnd - lineStart) {
      // A view would keep the whole line alive with the record, however much of it is fields we
      // do not map: a long line gives each short value its own copy.
      return Utf8Text.ofUtf8(Arrays.copyOfRange(line, from, to), 0, length);
    }
    return Utf8Text.ofUtf8(line, from, length);
  }

  JsonFactory json() {
    return json;
  }

  byte[] line() {
    return line;
  }

  int lineStart() {
    return lineStart;
  }

  /** Where the current token starts, from the line's start. */
  int tokenStart(JsonParser parser) {
    return (int) parser.currentTokenLocation().getByteOffset();
  }

  /**
   * Where the value that began with {@code token} at {@code start} ends, from the line's start,
   * once the parser went past it: after its closing bracket, its closing quote (a string token may
   * be left unread), or its literal.
   */
  int valueEnd(JsonParser parser, JsonToken token, int start) {
    switch (token) {
      case START_OBJECT, START_ARRAY, END_OBJECT, END_ARRAY -> {
        return (int) parser.currentLocation().getByteOffset();
      }
      case VALUE_STRING -> {
        for (int i = lineStart + start + 1; i < lineEnd; i++) {
          if (line[i] == '\\') {
            i++;
          } else if (line[i] == '"') {
            return i + 1 - lineStart;
          }
        }
        return lineEnd - lineStart;
      }
      default -> {
        return start + parser.getString().length();
      }
    }
  }

  private String string(JsonParser parser, JsonToken value, String field) throws LineProblem {
    if (value == JsonToken.VALUE_STRING) {
      String text = parser.getString();
      // Only escapes can make one (valid UTF-8 cannot encode a surrogate); decoded strings are
      // few on the fast path: those with escapes, and persona parts.
      int surrogate = loneSurrogateIndex(text);
      if (surrogate >= 0) {
        throw problem(
            parser,
            String.format(
                "'%s' holds a lone UTF-16 surrogate \\u%04X, which is not a character",
                field, (int) text.charAt(surrogate)));
      }
      return text;
    }
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(parser, field, "a string or null", value);
  }

  private static Double number(JsonParser parser, JsonToken value, String field)
      throws LineProblem {
    if (value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_NUMBER_INT) {
      return parser.getDoubleValue();
    }
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(parser, field, "a number or null", value);
  }

  /** Only {@code \\uD800}-style escapes can produce these; raw UTF-8 cannot encode them. */
  static int loneSurrogateIndex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private static LineProblem wrongType(
      JsonParser parser, String field, String expected, JsonToken found) {
    return problem(parser, "'" + field + "' must be " + expected + ", found " + describe(found));
  }

  static LineProblem problem(JsonParser parser, String reason) {
    return new LineProblem(column(parser.currentTokenLocation()), reason);
  }

  /**
   * The 1-based byte column on the line. From the byte offset, not Jackson's column: Jackson starts
   * a new row after a lone CR inside the line, which is no line end here.
   */
  private static int column(TokenStreamLocation location) {
    if (location == null) {
      return 0;
    }
    long offset = location.getByteOffset();
    return offset >= 0 ? (int) offset + 1 : Math.max(location.getColumnNr(), 0);
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  static String syntaxReason(JacksonException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    String reason = newline < 0 ? message : message.substring(0, newline);
    for (String[] rewrite : JACKSON_WORDING) {
      reason = reason.replaceAll(rewrite[0], rewrite[1]);
    }
    return "invalid JSON: " + reason;
  }
}
