package io.qaexport.adapter.in.jsonl;

import io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind;
import io.qaexport.domain.Column;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.Utf8Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.json.JsonFactory;

/**
 * The fast path for a line: one pass of the {@link JsonLineScanner}, then the pair built from the
 * byte ranges it found: plain strings as views of the line, escaped ones unescaped straight into
 * UTF-8, numbers parsed from their digits. A line it does not take returns null and goes to the
 * Jackson path ({@link PairParser}), which gives today's outcome and message: an invalid line, a
 * wrong type, a duplicate key, a lone surrogate escape, a plus sign, a non-finite kept number, or a
 * kept {@code list<string>} value. Hand-written because it is measurably faster than Jackson's
 * tokenizer (figures in {@code JsonLineScanner}); a differential fuzz target holds it to the
 * Jackson path. Not thread-safe: one per reading thread.
 */
final class ScannedPairParser {
  private static final String[] FIXED = {
    "question",
    "answer",
    "source_document",
    "persona",
    "persona.roll",
    "persona.erfarenhet",
    "validation",
    "validation.composite_score",
    "validation.failure_reason"
  };
  private static final int QUESTION = 0;
  private static final int ANSWER = 1;
  private static final int SOURCE = 2;
  private static final int PERSONA = 3;
  private static final int ROLL = 4;
  private static final int ERFARENHET = 5;
  private static final int VALIDATION = 6;
  private static final int SCORE = 7;
  private static final int FAILURE_REASON = 8;

  /** A value that sends the line to the Jackson path; compared by identity. */
  private static final Utf8Text TO_JACKSON = Utf8Text.of("");

  private static final Object NO_VALUE = new Object();

  /**
   * The personas seen, by their bytes: a file holds a few dozen, and decoding and hashing two
   * Strings for every record was ~5-10 % of a JSONL export's samples (JFR, issue 21). Bounded, and
   * only short parts are kept.
   */
  private static final int MAX_PROFILES = 512;

  private static final int MAX_PROFILE_BYTES = 256;

  private final Map<ProfileBytes, Persona.Profile> profiles = new HashMap<>();

  private final JsonLineScanner scanner;
  private final boolean readsFailureReason;
  private final List<Column.Kept> kept;
  private final int[] keptPaths;
  private byte[] line;
  private int lineStart;
  private int lineEnd;

  private ScannedPairParser(
      JsonLineScanner scanner,
      boolean readsFailureReason,
      List<Column.Kept> kept,
      int[] keptPaths) {
    this.scanner = scanner;
    this.readsFailureReason = readsFailureReason;
    this.kept = kept;
    this.keptPaths = keptPaths;
  }

  /**
   * @return the fast path for these fields, or null when the scanner cannot take the factory or a
   *     kept path (then every line goes to the Jackson path)
   */
  static ScannedPairParser of(
      JsonFactory json, boolean readsFailureReason, List<Column.Kept> keptColumns) {
    Map<String, Integer> paths = new LinkedHashMap<>();
    for (String fixed : FIXED) {
      // A passed pair's failure reason is not read, so a duplicate of it is no error there.
      if (readsFailureReason || !fixed.equals("validation.failure_reason")) {
        paths.put(fixed, paths.size());
      }
    }
    int[] keptPaths = new int[keptColumns.size()];
    for (int i = 0; i < keptColumns.size(); i++) {
      keptPaths[i] = paths.computeIfAbsent(keptColumns.get(i).path(), p -> paths.size());
    }
    try {
      return new ScannedPairParser(
          new JsonLineScanner(json, new ArrayList<>(paths.keySet())),
          readsFailureReason,
          List.copyOf(keptColumns),
          keptPaths);
    } catch (IllegalArgumentException unsupported) {
      return null;
    }
  }

  /**
   * The pair on {@code bytes[offset, offset + length)}, or null when the line is for the Jackson
   * path.
   *
   * @param bytes never changed afterwards: the pair's texts may be views of it
   */
  QaPair parse(byte[] bytes, int offset, int length) {
    if (!scanner.scan(bytes, offset, length)
        || scanner.rootKind() != Kind.OBJECT
        || scanner.duplicate() >= 0
        || scanner.foreignInfinityAt() >= 0) {
      return null;
    }
    line = bytes;
    lineStart = offset;
    lineEnd = offset + length;
    Utf8Text question = text(QUESTION);
    Utf8Text answer = text(ANSWER);
    Utf8Text source = text(SOURCE);
    if (question == TO_JACKSON || answer == TO_JACKSON || source == TO_JACKSON) {
      return null;
    }
    Object persona = persona();
    if (persona == NO_VALUE) {
      return null;
    }
    Double score = null;
    Utf8Text failureReason = null;
    Kind validation = scanner.kind(VALIDATION);
    if (validation == Kind.OBJECT) {
      Object number = number(SCORE);
      if (number == NO_VALUE) {
        return null;
      }
      score = (Double) number;
      if (readsFailureReason) {
        failureReason = text(FAILURE_REASON);
        if (failureReason == TO_JACKSON) {
          return null;
        }
      }
    } else if (validation != null && validation != Kind.NULL) {
      return null;
    }
    KeptValues values = KeptValues.NONE;
    if (!kept.isEmpty()) {
      Object[] keptValues = new Object[kept.size()];
      for (int i = 0; i < keptValues.length; i++) {
        Object value = keptValue(kept.get(i), keptPaths[i]);
        if (value == NO_VALUE) {
          return null;
        }
        keptValues[i] = value;
      }
      values = KeptValues.of(keptValues);
    }
    return new QaPair(question, answer, source, (Persona) persona, score, failureReason, values);
  }

  /** A string or null; {@link #TO_JACKSON} for another type or a lone surrogate escape. */
  private Utf8Text text(int path) {
    Kind kind = scanner.kind(path);
    if (kind == null || kind == Kind.NULL) {
      return null;
    }
    if (kind != Kind.STRING) {
      return TO_JACKSON;
    }
    Utf8Text text = stringAt(path);
    return text == null ? TO_JACKSON : text;
  }

  private Object persona() {
    Kind kind = scanner.kind(PERSONA);
    if (kind == null || kind == Kind.NULL) {
      return null;
    }
    if (kind == Kind.STRING) {
      Utf8Text label = stringAt(PERSONA);
      return label == null ? NO_VALUE : new Persona.Label(label.toString());
    }
    if (kind != Kind.OBJECT) {
      return NO_VALUE;
    }
    Utf8Text roll = text(ROLL);
    Utf8Text erfarenhet = text(ERFARENHET);
    if (roll == TO_JACKSON || erfarenhet == TO_JACKSON) {
      return NO_VALUE;
    }
    var bytes = new ProfileBytes(roll, erfarenhet);
    Persona.Profile known = profiles.get(bytes);
    if (known != null) {
      return known;
    }
    var profile =
        new Persona.Profile(
            roll == null ? null : roll.toString(),
            erfarenhet == null ? null : erfarenhet.toString());
    if (profiles.size() < MAX_PROFILES
        && bytes.length(roll) <= MAX_PROFILE_BYTES
        && bytes.length(erfarenhet) <= MAX_PROFILE_BYTES) {
      profiles.put(new ProfileBytes(copy(roll), copy(erfarenhet)), profile);
    }
    return profile;
  }

  /**
   * A persona's parts as bytes; {@link Utf8Text} compares and hashes its bytes. {@code equals} and
   * {@code hashCode} are spelled out: a record's generated ones go through method handles, which
   * the quick C1 compiler does not inline, and this key is looked up for every line.
   */
  private record ProfileBytes(Utf8Text roll, Utf8Text erfarenhet) {
    int length(Utf8Text part) {
      return part == null ? 0 : part.length();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ProfileBytes that
          && Objects.equals(roll, that.roll)
          && Objects.equals(erfarenhet, that.erfarenhet);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(roll) + Objects.hashCode(erfarenhet);
    }
  }

  /** The bytes on a copy of their own: the line's buffer is reused. */
  private static Utf8Text copy(Utf8Text text) {
    return text == null
        ? null
        : Utf8Text.ofUtf8(
            Arrays.copyOfRange(text.array(), text.offset(), text.offset() + text.length()),
            0,
            text.length());
  }

  /** A number as a double, null, or {@link #NO_VALUE} for another type or a word (NaN, -INF). */
  private Object number(int path) {
    Kind kind = scanner.kind(path);
    if (kind == null || kind == Kind.NULL) {
      return null;
    }
    if (kind != Kind.INTEGER && kind != Kind.FLOAT) {
      return NO_VALUE;
    }
    int start = scanner.start(path);
    byte first = line[start];
    if (first != '-' && (first < '0' || first > '9')
        || first == '-' && (line[start + 1] < '0' || line[start + 1] > '9')) {
      return NO_VALUE; // NaN and the infinities: rare, the Jackson path spells them
    }
    double value = shortDecimal(line, start, scanner.end(path));
    if (Double.isNaN(value)) {
      value = Double.parseDouble(ascii(start, scanner.end(path)));
    }
    // An integer has no negative zero: Jackson (and Python's json) read -0 as 0, so 0.0.
    return kind == Kind.INTEGER && value == 0 ? 0.0 : value;
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /**
   * A JSON number (the scanner checked its grammar) of at most 15 digits and no exponent, such as
   * every score, as {@link Double#parseDouble} reads it; NaN for any other. Its digits as an
   * integer and the power of ten are both exact doubles, so one division rounds correctly (the fast
   * path of Clinger, 1990): without a String made and parsed per line.
   */
  static double shortDecimal(byte[] b, int from, int to) {
    boolean negative = b[from] == '-';
    int at = negative ? from + 1 : from;
    long digits = 0;
    int count = 0;
    int fraction = -1;
    for (; at < to; at++) {
      byte c = b[at];
      if (c == '.') {
        fraction = 0;
        continue;
      }
      if (c < '0' || c > '9' || ++count > 15) {
        return Double.NaN; // an exponent, or too many digits for the exact path
      }
      digits = digits * 10 + (c - '0');
      if (fraction >= 0) {
        fraction++;
      }
    }
    double value = fraction > 0 ? digits / POWERS_OF_TEN[fraction] : digits;
    return negative ? -value : value;
  }

  private Object keptValue(Column.Kept column, int path) {
    Kind kind = scanner.kind(path);
    if (kind == null || kind == Kind.NULL) {
      return null;
    }
    return switch (column.keptType()) {
      case STRING -> {
        Utf8Text text = text(path);
        yield text == TO_JACKSON ? NO_VALUE : text;
      }
      case FLOAT64 -> {
        Object number = number(path);
        yield number instanceof Double value && !value.isNaN() && !value.isInfinite()
            ? value
            : NO_VALUE;
      }
      case INT64 -> {
        if (kind != Kind.INTEGER) {
          yield NO_VALUE;
        }
        try {
          yield Long.parseLong(ascii(scanner.start(path), scanner.end(path)));
        } catch (NumberFormatException outsideInt64) {
          yield NO_VALUE;
        }
      }
      case BOOL -> kind == Kind.TRUE ? Boolean.TRUE : kind == Kind.FALSE ? Boolean.FALSE : NO_VALUE;
      case JSON -> {
        boolean string = kind == Kind.STRING;
        yield view(scanner.start(path) - (string ? 1 : 0), scanner.end(path) + (string ? 1 : 0));
      }
      case STRING_LIST -> NO_VALUE; // its items are read on the Jackson path
    };
  }

  private String ascii(int from, int to) {
    return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /** The string at {@code path}: a view when it holds no escape; null for a lone surrogate. */
  private Utf8Text stringAt(int path) {
    int start = scanner.start(path);
    int end = scanner.end(path);
    if (!scanner.escaped(path)) {
      // The scanner took no quote, backslash or control character inside: JSON-safe bytes.
      return view(start, end, true, 0);
    }
    int escapes = scanner.shortEscapes(path);
    if (escapes > 0) {
      // Kept escaped: the JSONL writer copies it, whatever else needs the text resolves it.
      return view(start, end, false, escapes);
    }
    byte[] text = unescape(line, start, end);
    return text == null ? null : Utf8Text.ofUtf8(text, 0, text.length);
  }

  /** As {@link PairParser#view}: a short value on a long line gets a copy of its own. */
  private Utf8Text view(int from, int to) {
    return view(from, to, false, 0);
  }

  /**
   * @param escapes above 0: the bytes are a JSON string's body with that many two-character escapes
   */
  private Utf8Text view(int from, int to, boolean jsonSafe, int escapes) {
    int length = to - from;
    byte[] bytes = line;
    int offset = from;
    if (lineEnd - lineStart > PairParser.VIEW_LINES_UP_TO && length * 2 < lineEnd - lineStart) {
      bytes = Arrays.copyOfRange(line, from, to);
      offset = 0;
    }
    if (escapes > 0) {
      return Utf8Text.ofShortEscapedJson(bytes, offset, length, escapes);
    }
    return jsonSafe
        ? Utf8Text.ofJsonSafeUtf8(bytes, offset, length)
        : Utf8Text.ofUtf8(bytes, offset, length);
  }

  /**
   * The UTF-8 text of a string's bytes between its quotes, escapes resolved; null when an escape
   * leaves a lone surrogate (the Jackson path names it). The scanner validated the escapes.
   */
  static byte[] unescape(byte[] b, int from, int to) {
    byte[] out = new byte[to - from];
    int n = 0;
    int i = from;
    while (true) {
      // The run up to the next backslash is copied whole (a byte at a time was a fifth of the
      // decoding of LLM-style answers).
      int backslash = LineSplitter.indexOf(b, (byte) '\\', i, to);
      int runEnd = backslash < 0 ? to : backslash;
      System.arraycopy(b, i, out, n, runEnd - i);
      n += runEnd - i;
      if (backslash < 0) {
        return Arrays.copyOf(out, n);
      }
      i = backslash + 1;
      byte e = b[i];
      switch (e) {
        case 'n' -> out[n++] = '\n';
        case 't' -> out[n++] = '\t';
        case 'r' -> out[n++] = '\r';
        case 'b' -> out[n++] = '\b';
        case 'f' -> out[n++] = '\f';
        case 'u' -> {
          int unit = hex(b, i + 1);
          i += 4;
          int codePoint = unit;
          if (Character.isHighSurrogate((char) unit)) {
            if (i + 6 < to && b[i + 1] == '\\' && b[i + 2] == 'u') {
              int low = hex(b, i + 3);
              if (!Character.isLowSurrogate((char) low)) {
                return null;
              }
              codePoint = Character.toCodePoint((char) unit, (char) low);
              i += 6;
            } else {
              return null;
            }
          } else if (Character.isLowSurrogate((char) unit)) {
            return null;
          }
          n = utf8(out, n, codePoint);
        }
        default -> out[n++] = e; // \" \\ \/
      }
      i++;
    }
  }

  /** Four hex digits (the scanner checked them) as a UTF-16 unit. */
  private static int hex(byte[] b, int at) {
    int unit = 0;
    for (int k = at; k < at + 4; k++) {
      unit = unit << 4 | Character.digit((char) b[k], 16);
    }
    return unit;
  }

  /** Writes {@code codePoint} as UTF-8; an escape is 6 bytes or 12 for a pair, never shorter. */
  private static int utf8(byte[] out, int n, int codePoint) {
    if (codePoint < 0x80) {
      out[n++] = (byte) codePoint;
    } else if (codePoint < 0x800) {
      out[n++] = (byte) (0xC0 | codePoint >> 6);
      out[n++] = (byte) (0x80 | codePoint & 0x3F);
    } else if (codePoint < 0x10000) {
      out[n++] = (byte) (0xE0 | codePoint >> 12);
      out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
      out[n++] = (byte) (0x80 | codePoint & 0x3F);
    } else {
      out[n++] = (byte) (0xF0 | codePoint >> 18);
      out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
      out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
      out[n++] = (byte) (0x80 | codePoint & 0x3F);
    }
    return n;
  }
}
