package io.qaexport.adapter.in.jsonl;

import static io.qaexport.domain.ByteWords.BACKSLASHES;
import static io.qaexport.domain.ByteWords.HIGH_BITS;
import static io.qaexport.domain.ByteWords.LONGS;
import static io.qaexport.domain.ByteWords.LOW_BITS;
import static io.qaexport.domain.ByteWords.QUOTES;
import static io.qaexport.domain.ByteWords.lowestMarkedByte;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Validates one line of JSON in one pass over its bytes and finds the values at a few dotted key
 * paths ({@code persona.roll}): each one's kind, its bytes on the line and whether a string holds
 * an escape, and the first duplicate key on a path. Nothing is decoded into a {@code String} and
 * nothing is allocated per line; not thread-safe: one scanner per thread. The reader's fast path
 * ({@link ScannedPairParser}) builds pairs from what it finds.
 *
 * <p><b>Same verdict as Jackson.</b> A line is valid exactly when the reader's checks before
 * Jackson pass (UTF-8; no NUL among the first two bytes, which Jackson would take for UTF-16) and
 * Jackson, built as the given {@link JsonFactory}, reads one value and then the end of the input.
 * That is RFC 8259 with these rules of Jackson 3.3:
 *
 * <ul>
 *   <li>whitespace is space, tab, CR and LF only; one byte-order mark is skipped at the start when
 *       the input has at least four bytes (Jackson's encoding detection looks at four);
 *   <li>with {@code ALLOW_NON_NUMERIC_NUMBERS}: {@code NaN}, {@code Infinity}, {@code -Infinity},
 *       {@code +Infinity}, {@code -INF} and {@code +INF}, all floating point; no other plus sign;
 *   <li>numbers: no leading zeros, a digit after {@code -}, after the point and in the exponent;
 *   <li>strings: no byte below 0x20; the escapes of RFC 8259 only. A value may hold a lone
 *       surrogate escape; a key may not: an escaped high surrogate must be followed at once by an
 *       escaped low one;
 *   <li>the factory's {@link StreamReadConstraints}: nesting depth (containers open at once),
 *       number length (digits: the integer part of an integer; integer, fraction and exponent
 *       digits of a float), key length (UTF-8 bytes once decoded) and document length (the bytes
 *       given, a byte-order mark included). The string length limit is not checked: Jackson checks
 *       it only on the strings its caller decodes, and a line's strings never hold more characters
 *       than the line has bytes, so the reader's limit (the line limit) can never be exceeded.
 * </ul>
 *
 * <p><b>UTF-8 is validated here</b> (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF), where it can occur: inside strings and keys; any other byte above 0x7F is a syntax
 * error anyway. So a caller need not run {@link Utf8Validation} over a line first; it still wants
 * it on a line found invalid, for the UTF-8 error's own message. Measured against a variant without
 * the check: on all-Swedish lines it costs nothing measurable (1,090-1,140 vs 1,050-1,110 MB per
 * CPU-second), on LLM-style lines about a third (880-920 vs 1,300-1,360), while the separate pass
 * followed by the unchecked scan reaches only 580-710 and 650-720: checking here is cheaper.
 *
 * <p><b>Paths</b> name keys of nested objects, separated by dots; a key holding a dot cannot be
 * named. A path whose parent value is not an object, or whose key is missing, is absent; paths
 * never lead into arrays. Keys are compared by their decoded value: <code>"q&#92;u0075estion"
 * </code> is {@code question}. A key that occurs twice in one object is a duplicate when it is on
 * the way to a path (so {@code metadata} twice is one when {@code metadata.tags} is asked for:
 * which {@code tags} is meant is as ambiguous); the first duplicate in line order is reported, and
 * the values seen first are kept. Keys elsewhere may repeat, as Jackson lets them.
 *
 * <p>It says only whether a line is valid, not what is wrong with it: for that the caller asks
 * Jackson, for its message and column.
 *
 * <p><b>Why hand-written:</b> Jackson's tokenizer was about 1.2 of 6.5 CPU-s of a 200k-line export.
 * It takes a branch per non-ASCII byte and per escape, which text with an å every few bytes
 * mispredicts, and it decodes every key into a {@code String}; this scanner checks eight bytes of a
 * string at a time without such branches and compares keys as bytes. Measured with {@code
 * JsonLineScannerThroughput} (MB of lines per CPU-second, medians, on a shared two-core machine, so
 * give or take a fifth): all-Swedish lines 1,009 against 595 for a Jackson {@code nextToken()} loop
 * and 314 for what the reader does now (the UTF-8 pass and {@link PairParser}); LLM-style lines
 * with escaped newlines, quotes and tabs 883 against 602 and 299. On pure ASCII lines it is no
 * faster than Jackson's loop (1,833 against 1,777).
 */
final class JsonLineScanner {
  /** A value's JSON type; numbers as Jackson tells them apart. */
  enum Kind {
    STRING,
    /** No fraction and no exponent. */
    INTEGER,
    /** A fraction or an exponent, or NaN and the infinities. */
    FLOAT,
    TRUE,
    FALSE,
    NULL,
    OBJECT,
    ARRAY
  }

  private static final Kind[] KINDS = Kind.values();
  private static final byte STRING = 0;
  private static final byte INTEGER = 1;
  private static final byte FLOAT = 2;
  private static final byte TRUE = 3;
  private static final byte FALSE = 4;
  private static final byte NULL = 5;
  private static final byte OBJECT = 6;
  private static final byte ARRAY = 7;

  private static final long CONTROLS = 0x6060606060606060L;
  private static final long LEAD_PAYLOAD = 0x1E1E1E1E1E1E1E1EL;
  private static final long LOW_6_BITS = 0x7E7E7E7E7E7E7E7EL;

  private static final byte[] NAN = ascii("NaN");
  private static final byte[] INFINITY = ascii("Infinity");
  private static final byte[] TRUE_BYTES = ascii("true");
  private static final byte[] FALSE_BYTES = ascii("false");
  private static final byte[] NULL_BYTES = ascii("null");

  /** Parser states between tokens. */
  private static final int VALUE = 0;

  private static final int KEY = 1;
  private static final int AFTER_VALUE = 2;

  private static final int ROOT = 0;

  /** In {@link #childByLength}: more than one child has a key of that length. */
  private static final int SEVERAL = -2;

  // The path tree: node 0 is the line's value, node i + 1 is path i.
  private final String[] paths;
  private final byte[][] segments;
  private final int[][] children;

  /**
   * By key length, the one child of a node with a key that long, -1 for none or {@link #SEVERAL}:
   * most keys of a line are matched, or ruled out, by their length alone (a loop over every child
   * was a tenth of the scan).
   */
  private final int[][] childByLength;

  private final boolean nonNumericNumbers;
  private final int maxDepth;
  private final int maxNumberLength;
  private final int maxNameLength;
  private final long maxDocumentLength;

  // Per line, by node: found when stamp == epoch.
  private final int[] stamp;
  private final byte[] kinds;
  private final int[] starts;
  private final int[] ends;
  private final boolean[] escapes;
  private final int[] shortEscapes;
  private int epoch;

  // Per open container, by depth (1-based).
  private boolean[] isObject = new boolean[32];
  private int[] objectNode = new int[32];
  private int[] valueNode = new int[32];

  private byte[] keyBuffer = new byte[64];

  private int invalidAt;
  private int duplicate;
  private int duplicateAt;
  private int foreignInfinityAt;

  // Second results of the token methods.
  private boolean sawEscape;

  /** With {@link #sawEscape}: how many escapes, or -1 when one was {@code \/} or a Unicode one. */
  private int sawShortEscapes;

  private boolean isFloat;
  private int matchedChild;

  /**
   * @param json the factory whose verdict to give: its constraints, and whether NaN and the
   *     infinities are numbers; every other grammar feature must be off
   * @param paths dotted key paths; path {@code i} of this list is {@code i} in the queries. Their
   *     prefixes are paths too (they get the next numbers)
   * @throws IllegalArgumentException for a factory with other grammar features, strict duplicate
   *     detection or a token count limit, and for an empty, repeated or ill-formed path
   */
  JsonLineScanner(JsonFactory json, List<String> paths) {
    for (JsonReadFeature feature : JsonReadFeature.values()) {
      if (feature != JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS && json.isEnabled(feature)) {
        throw new IllegalArgumentException("unsupported JSON read feature " + feature);
      }
    }
    if (json.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)) {
      throw new IllegalArgumentException("unsupported: strict duplicate detection");
    }
    StreamReadConstraints limits = json.streamReadConstraints();
    if (limits.hasMaxTokenCount()) {
      throw new IllegalArgumentException("unsupported: a token count limit");
    }
    this.nonNumericNumbers = json.isEnabled(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);
    this.maxDepth = limits.getMaxNestingDepth();
    this.maxNumberLength = limits.getMaxNumberLength();
    this.maxNameLength = limits.getMaxNameLength();
    this.maxDocumentLength = limits.hasMaxDocumentLength() ? limits.getMaxDocumentLength() : -1;

    List<String> all = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (String path : paths) {
      if (path.isEmpty()
          || path.startsWith(".")
          || path.endsWith(".")
          || path.contains("..")
          || !isWellFormed(path)) {
        throw new IllegalArgumentException("not a dotted key path: '" + path + "'");
      }
      if (index.putIfAbsent(path, all.size()) != null) {
        throw new IllegalArgumentException("path given twice: '" + path + "'");
      }
      all.add(path);
    }
    for (int i = 0; i < all.size(); i++) {
      String path = all.get(i);
      for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
        String prefix = path.substring(0, dot);
        if (index.putIfAbsent(prefix, all.size()) == null) {
          all.add(prefix);
        }
      }
    }
    int nodes = all.size() + 1;
    this.paths = all.toArray(new String[0]);
    this.segments = new byte[nodes][];
    List<List<Integer>> childLists = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      childLists.add(new ArrayList<>());
    }
    for (int i = 0; i < all.size(); i++) {
      String path = all.get(i);
      int dot = path.lastIndexOf('.');
      int parent = dot < 0 ? ROOT : index.get(path.substring(0, dot)) + 1;
      segments[i + 1] = path.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
      childLists.get(parent).add(i + 1);
    }
    this.children = new int[nodes][];
    this.childByLength = new int[nodes][];
    for (int node = 0; node < nodes; node++) {
      children[node] = childLists.get(node).stream().mapToInt(Integer::intValue).toArray();
      int longest = -1;
      for (int child : children[node]) {
        longest = Math.max(longest, segments[child].length);
      }
      int[] byLength = new int[longest + 1];
      Arrays.fill(byLength, -1);
      for (int child : children[node]) {
        int length = segments[child].length;
        byLength[length] = byLength[length] == -1 ? child : SEVERAL;
      }
      childByLength[node] = byLength;
    }
    this.stamp = new int[nodes];
    this.kinds = new byte[nodes];
    this.starts = new int[nodes];
    this.ends = new int[nodes];
    this.escapes = new boolean[nodes];
    this.shortEscapes = new int[nodes];
  }

  /** The number of paths: those given, then their prefixes that were not given. */
  int pathCount() {
    return paths.length;
  }

  /** Path {@code path} as a dotted string, e.g. for a message. */
  String path(int path) {
    return paths[path];
  }

  /**
   * Scans {@code bytes[offset, offset + length)}. Positions reported afterwards are indexes into
   * {@code bytes}, not offsets from {@code offset}.
   *
   * @return whether the line is valid; the other results hold only then, until the next scan
   */
  boolean scan(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (++epoch == 0) {
      Arrays.fill(stamp, 0);
      epoch = 1;
    }
    duplicate = -1;
    duplicateAt = -1;
    foreignInfinityAt = -1;
    invalidAt = -1;
    int end = offset + length;
    if (maxDocumentLength >= 0 && length > maxDocumentLength) {
      return invalid(offset);
    }
    int at = offset;
    if (length >= 4
        && bytes[at] == (byte) 0xEF
        && bytes[at + 1] == (byte) 0xBB
        && bytes[at + 2] == (byte) 0xBF) {
      at += 3;
    }
    int result = parse(bytes, skipWhitespace(bytes, at, end), end);
    return result >= 0 || invalid(-1 - result);
  }

  /** After an invalid line: about where the scan stopped (an index into the bytes), else -1. */
  int invalidAt() {
    return invalidAt;
  }

  /** The kind of the line's one value. */
  Kind rootKind() {
    return KINDS[kinds[ROOT]];
  }

  boolean present(int path) {
    return stamp[path + 1] == epoch;
  }

  /** The kind of the value at {@code path}, or null when it is absent. */
  Kind kind(int path) {
    return present(path) ? KINDS[kinds[path + 1]] : null;
  }

  /**
   * Where the value at {@code path} begins: a string's first byte after its quote, else the value's
   * first byte (a number's minus sign, an object's opening brace).
   */
  int start(int path) {
    return starts[path + 1];
  }

  /** One past the value's last byte: a string's closing quote, or the byte after the value. */
  int end(int path) {
    return ends[path + 1];
  }

  /** Whether the string at {@code path} holds a backslash escape (its bytes are not its text). */
  boolean escaped(int path) {
    return escapes[path + 1];
  }

  /**
   * For an {@link #escaped} string: how many escapes it holds when each is of two characters but
   * {@code \/} (as JSON's minimal escaping writes them), else -1.
   */
  int shortEscapes(int path) {
    return shortEscapes[path + 1];
  }

  /** The path of the first key in line order that repeats a key of its object, or -1. */
  int duplicate() {
    return duplicate;
  }

  /** The opening quote of that repeated key. */
  int duplicateAt() {
    return duplicateAt;
  }

  /**
   * The first {@code +INF}, {@code -INF} or {@code +Infinity} anywhere on the line, or -1. Jackson
   * takes them as numbers; the reader refuses them, as Python's json does (it reads NaN, Infinity
   * and -Infinity only).
   */
  int foreignInfinityAt() {
    return foreignInfinityAt;
  }

  private boolean invalid(int at) {
    invalidAt = at;
    return false;
  }

  /**
   * The grammar, as a loop over three states with an explicit stack: a line may nest as deep as the
   * limit allows, deeper than the JVM's stack would.
   *
   * @return {@code end} when the line is one valid value, else {@code -1 - index} of where it
   *     stopped
   */
  private int parse(byte[] b, int at, int end) {
    int depth = 0;
    int node = ROOT; // the node of the value about to be read, -1 for none
    int state = VALUE;
    while (true) {
      if (state == AFTER_VALUE && depth == 0) {
        return at == end ? end : -1 - at; // whitespace was skipped: anything left is a second value
      }
      if (at >= end) {
        return -1 - at;
      }
      if (state == KEY) {
        if (b[at] != '"') {
          return -1 - at;
        }
        int keyStart = at;
        at = key(b, at + 1, end, objectNode[depth]);
        if (at < 0) {
          return at;
        }
        node = matchedChild;
        if (node >= 0) {
          if (stamp[node] == epoch) {
            if (duplicate < 0) {
              duplicate = node - 1;
              duplicateAt = keyStart;
            }
            node = -1; // the first value stays; this one is only validated
          } else {
            stamp[node] = epoch;
          }
        }
        at = skipWhitespace(b, at, end);
        if (at >= end || b[at] != ':') {
          return -1 - at;
        }
        at = skipSeparatorSpace(b, at + 1, end);
        state = VALUE;
        continue;
      }
      if (state == AFTER_VALUE) {
        byte c = b[at];
        if (c == ',') {
          at = skipSeparatorSpace(b, at + 1, end);
          if (isObject[depth]) {
            state = KEY;
          } else {
            node = -1;
            state = VALUE;
          }
          continue;
        }
        if (c != (isObject[depth] ? '}' : ']')) {
          return -1 - at;
        }
        at++;
        int closed = valueNode[depth--];
        if (closed >= 0) {
          ends[closed] = at;
        }
        at = skipWhitespace(b, at, end);
        continue;
      }
      // state == VALUE
      int start = at;
      byte kind;
      byte c = b[at];
      switch (c) {
        case '"' -> {
          int quote = string(b, at + 1, end);
          if (quote < 0) {
            return quote;
          }
          if (node >= 0) {
            stamp[node] = epoch;
            kinds[node] = STRING;
            starts[node] = at + 1;
            ends[node] = quote;
            escapes[node] = sawEscape;
            shortEscapes[node] = sawShortEscapes;
          }
          at = skipWhitespace(b, quote + 1, end);
          state = AFTER_VALUE;
          continue;
        }
        case '{', '[' -> {
          if (++depth > maxDepth) {
            return -1 - at;
          }
          if (depth == isObject.length) {
            grow();
          }
          boolean object = c == '{';
          isObject[depth] = object;
          valueNode[depth] = node;
          objectNode[depth] = object && node >= 0 && children[node].length > 0 ? node : -1;
          if (node >= 0) {
            stamp[node] = epoch;
            kinds[node] = object ? OBJECT : ARRAY;
            starts[node] = at;
            escapes[node] = false;
          }
          at = skipWhitespace(b, at + 1, end);
          if (at < end && b[at] == (object ? '}' : ']')) {
            state = AFTER_VALUE; // the empty container closes there
          } else if (object) {
            state = KEY;
          } else {
            node = -1;
          }
          continue;
        }
        case 't' -> {
          at = literal(b, at, end, TRUE_BYTES);
          kind = TRUE;
        }
        case 'f' -> {
          at = literal(b, at, end, FALSE_BYTES);
          kind = FALSE;
        }
        case 'n' -> {
          at = literal(b, at, end, NULL_BYTES);
          kind = NULL;
        }
        case 'N' -> {
          at = nonNumericNumbers ? literal(b, at, end, NAN) : -1 - at;
          kind = FLOAT;
        }
        case 'I' -> {
          at = nonNumericNumbers ? literal(b, at, end, INFINITY) : -1 - at;
          kind = FLOAT;
        }
        case '+' -> {
          at = signedInfinity(b, at, end);
          if (at >= 0 && foreignInfinityAt < 0) {
            foreignInfinityAt = start;
          }
          kind = FLOAT;
        }
        case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
          at = number(b, at, end);
          kind = isFloat ? FLOAT : INTEGER;
        }
        default -> {
          return -1 - at;
        }
      }
      if (at < 0) {
        return at;
      }
      if (node >= 0) {
        stamp[node] = epoch;
        kinds[node] = kind;
        starts[node] = start;
        ends[node] = at;
        escapes[node] = false;
      }
      at = skipWhitespace(b, at, end);
      state = AFTER_VALUE;
    }
  }

  private void grow() {
    int size = isObject.length * 2;
    isObject = Arrays.copyOf(isObject, size);
    objectNode = Arrays.copyOf(objectNode, size);
    valueNode = Arrays.copyOf(valueNode, size);
  }

  /**
   * Whitespace before a token where there is usually none (after a key or a value). Both this and
   * {@link #skipSeparatorSpace} stay within the 35 bytes of bytecode C1 inlines: they run once a
   * token, and the call cost more than the test.
   */
  private static int skipWhitespace(byte[] b, int at, int end) {
    return at < end && b[at] > ' ' ? at : whitespaceRun(b, at, end);
  }

  /** Whitespace after a colon or a comma, where Python's {@code json.dumps} writes one space. */
  private static int skipSeparatorSpace(byte[] b, int at, int end) {
    if (at + 1 < end && b[at] == ' ' && b[++at] > ' ') {
      return at;
    }
    return whitespaceRun(b, at, end); // at is past the space when there was one
  }

  private static int whitespaceRun(byte[] b, int at, int end) {
    while (at < end) {
      byte c = b[at];
      if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
        return at;
      }
      at++;
    }
    return at;
  }

  /** {@code true}, {@code NaN}, ...: the whole word must be there. */
  private static int literal(byte[] b, int at, int end, byte[] word) {
    if (end - at < word.length) {
      return -1 - at;
    }
    for (int i = 1; i < word.length; i++) {
      if (b[at + i] != word[i]) {
        return -1 - at;
      }
    }
    return at + word.length;
  }

  /** {@code -INF}, {@code -Infinity}, {@code +INF}, {@code +Infinity}, at the sign. */
  private int signedInfinity(byte[] b, int at, int end) {
    if (!nonNumericNumbers || end - at < 4 || b[at + 1] != 'I') {
      return -1 - at;
    }
    if (b[at + 2] == 'N') {
      return b[at + 3] == 'F' ? at + 4 : -1 - at;
    }
    return b[at + 2] == 'n' ? literal(b, at + 1, end, INFINITY) : -1 - at;
  }

  /** A number from its {@code -} or first digit; sets {@link #isFloat}. */
  private int number(byte[] b, int at, int end) {
    int start = at;
    if (b[at] == '-') {
      at++;
      if (at < end && b[at] == 'I') {
        isFloat = true;
        int after = signedInfinity(b, start, end);
        if (after == start + 4 && foreignInfinityAt < 0) {
          foreignInfinityAt = start; // -INF; -Infinity is Python's
        }
        return after;
      }
    }
    int intStart = at;
    if (at < end && b[at] == '0') {
      at++;
      if (at < end && isDigit(b[at])) {
        return -1 - at; // leading zero
      }
    } else {
      at = digits(b, at, end);
    }
    int intLength = at - intStart;
    if (intLength == 0) {
      return -1 - start;
    }
    int fractionLength = 0;
    int exponentLength = 0;
    boolean fraction = at < end && b[at] == '.';
    if (fraction) {
      int fractionStart = ++at;
      at = digits(b, at, end);
      fractionLength = at - fractionStart;
      if (fractionLength == 0) {
        return -1 - at;
      }
    }
    boolean exponent = at < end && (b[at] | 0x20) == 'e';
    if (exponent) {
      at++;
      if (at < end && (b[at] == '+' || b[at] == '-')) {
        at++;
      }
      int exponentStart = at;
      at = digits(b, at, end);
      exponentLength = at - exponentStart;
      if (exponentLength == 0) {
        return -1 - at;
      }
    }
    isFloat = fraction || exponent;
    int counted = isFloat ? intLength + fractionLength + exponentLength : intLength;
    return counted > maxNumberLength ? -1 - start : at;
  }

  private static int digits(byte[] b, int at, int end) {
    while (at < end && isDigit(b[at])) {
      at++;
    }
    return at;
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A string value from the byte after its opening quote, eight bytes at a time. A word of plain
   * ASCII and two-byte characters (å, ä, ö) is checked without a branch per character: branches
   * that depend on where the next å is cannot be predicted, and mispredicting them costs more than
   * the arithmetic. A word holding anything else (a quote, an escape, a three- or four-byte
   * character, a broken one) is taken a character at a time.
   *
   * @return the index of its closing quote; sets {@link #sawEscape}
   */
  private int string(byte[] b, int at, int end) {
    boolean escaped = false;
    int shortCount = 0; // -1 once an escape is \/ or a Unicode one
    long carry = 0; // 0x80 when the previous word ended with a two-byte character's first byte
    boolean ascii = true; // no non-ASCII byte so far: words of plain ASCII are skipped at once
    while (at + Long.BYTES <= end) {
      long v = (long) LONGS.get(b, at);
      long special = specials(v);
      long high = v & HIGH_BITS;
      if (ascii) {
        if ((special | high) == 0) {
          at += Long.BYTES;
          continue;
        }
        ascii = high == 0;
      }
      long twoHigh = v & (v << 1) & HIGH_BITS; // 11xxxxxx
      long threeHigh = twoHigh & (v << 2); // 111xxxxx: a longer character, or no UTF-8
      long lead = twoHigh ^ threeHigh; // 110xxxxx
      long continuation = high ^ twoHigh; // 10xxxxxx
      long overlong = lead & ~((v & LEAD_PAYLOAD) + LOW_6_BITS); // 0xC0 or 0xC1
      long wrong = special | threeHigh | overlong | (continuation ^ (lead << 8 | carry));
      if (wrong == 0) {
        carry = (lead >>> 56) & 0x80;
        at += Long.BYTES;
        continue;
      }
      if (carry != 0) {
        at--; // back to the character's first byte, and take that word
        carry = 0;
        continue;
      }
      long marks = special | high;
      int next = at + Long.BYTES;
      while (marks != 0) {
        int i = at + lowestMarkedByte(marks);
        byte c = b[i];
        int after;
        if (c == '"') {
          sawEscape = escaped;
          sawShortEscapes = shortCount;
          return i;
        } else if (c == '\\') {
          escaped = true;
          after = escape(b, i, end, false);
          shortCount = countShort(shortCount, b, i, after);
        } else if (c < 0) {
          after = utf8(b, i, end);
        } else {
          return -1 - i; // a control character
        }
        if (after < 0) {
          return after;
        }
        int used = after - at;
        if (used >= Long.BYTES) {
          next = after; // the character or escape reaches into the next word
          break;
        }
        marks &= -1L << (used << 3);
      }
      at = next;
    }
    if (carry != 0) {
      at--;
    }
    while (at < end) {
      byte c = b[at];
      if (c == '"') {
        sawEscape = escaped;
        sawShortEscapes = shortCount;
        return at;
      } else if (c == '\\') {
        escaped = true;
        int after = escape(b, at, end, false);
        shortCount = countShort(shortCount, b, at, after);
        at = after;
      } else if (c < 0) {
        at = utf8(b, at, end);
      } else if (c < ' ') {
        return -1 - at;
      } else {
        at++;
      }
      if (at < 0) {
        return at;
      }
    }
    return -1 - at;
  }

  /** The count of two-character escapes but {@code \/} with the one at {@code at}, or -1. */
  private static int countShort(int count, byte[] b, int at, int after) {
    return count < 0 || after != at + 2 || b[at + 1] == '/' ? -1 : count + 1;
  }

  /**
   * A key from the byte after its opening quote: validated, its decoded length checked against the
   * limit, and matched against the children of {@code node} when that is a path's object.
   *
   * @return the index after its closing quote; sets {@link #matchedChild} (-1 for none)
   */
  private int key(byte[] b, int at, int end, int node) {
    int quote = plainRun(b, at, end);
    if (quote >= end || b[quote] != '"') {
      return escapedKey(b, at, end, node); // or non-ASCII, or broken
    }
    if (quote - at > maxNameLength) {
      return -1 - at;
    }
    matchedChild = node >= 0 ? match(node, b, at, quote) : -1;
    return quote + 1;
  }

  /** The child of {@code node} whose key is {@code name[from, to)}, or -1. */
  private int match(int node, byte[] name, int from, int to) {
    int length = to - from;
    int[] byLength = childByLength[node];
    if (length >= byLength.length) {
      return -1;
    }
    int only = byLength[length];
    if (only != SEVERAL) {
      return only < 0 || sameBytes(name, from, segments[only], length) ? only : -1;
    }
    for (int child : children[node]) {
      byte[] segment = segments[child];
      if (segment.length == length && sameBytes(name, from, segment, length)) {
        return child;
      }
    }
    return -1;
  }

  /** A plain loop: keys are short, and {@code Arrays.equals}' set-up cost more than it saved. */
  private static boolean sameBytes(byte[] name, int from, byte[] segment, int length) {
    for (int i = 0; i < length; i++) {
      if (name[from + i] != segment[i]) {
        return false;
      }
    }
    return true;
  }

  /** {@link #key} the slow way: escapes decoded, UTF-8 validated. */
  private int escapedKey(byte[] b, int at, int end, int node) {
    int start = at;
    int decodedLength = 0;
    boolean escaped = false;
    int kept = 0; // bytes of the decoded key in keyBuffer, once there was an escape
    while (true) {
      int run = plainRun(b, at, end);
      if (escaped && node >= 0) {
        kept = keep(b, at, run, kept);
      }
      decodedLength += run - at;
      at = run;
      if (at >= end) {
        return -1 - at;
      }
      byte c = b[at];
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        if (!escaped && node >= 0) {
          kept = keep(b, start, at, 0);
        }
        escaped = true;
        int codePoint = keyEscape(b, at, end);
        if (codePoint < 0) {
          return codePoint;
        }
        at = keyEscapeEnd;
        int length = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
        decodedLength += length;
        if (node >= 0) {
          kept = keepCodePoint(codePoint, length, kept);
        }
      } else if (c < 0) {
        int next = utf8(b, at, end);
        if (next < 0) {
          return next;
        }
        if (escaped && node >= 0) {
          kept = keep(b, at, next, kept);
        }
        decodedLength += next - at;
        at = next;
      } else {
        return -1 - at; // a control character
      }
    }
    if (decodedLength > maxNameLength) {
      return -1 - start;
    }
    matchedChild =
        node < 0 ? -1 : escaped ? match(node, keyBuffer, 0, kept) : match(node, b, start, at);
    return at + 1;
  }

  private int keep(byte[] b, int from, int to, int kept) {
    int length = to - from;
    if (kept + length > keyBuffer.length) {
      keyBuffer = Arrays.copyOf(keyBuffer, Math.max(kept + length, keyBuffer.length * 2));
    }
    System.arraycopy(b, from, keyBuffer, kept, length);
    return kept + length;
  }

  private int keepCodePoint(int codePoint, int length, int kept) {
    if (kept + 4 > keyBuffer.length) {
      keyBuffer = Arrays.copyOf(keyBuffer, keyBuffer.length * 2);
    }
    byte[] k = keyBuffer;
    switch (length) {
      case 1 -> k[kept] = (byte) codePoint;
      case 2 -> {
        k[kept] = (byte) (0xC0 | codePoint >> 6);
        k[kept + 1] = (byte) (0x80 | (codePoint & 0x3F));
      }
      case 3 -> {
        k[kept] = (byte) (0xE0 | codePoint >> 12);
        k[kept + 1] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
        k[kept + 2] = (byte) (0x80 | (codePoint & 0x3F));
      }
      default -> {
        k[kept] = (byte) (0xF0 | codePoint >> 18);
        k[kept + 1] = (byte) (0x80 | (codePoint >> 12 & 0x3F));
        k[kept + 2] = (byte) (0x80 | (codePoint >> 6 & 0x3F));
        k[kept + 3] = (byte) (0x80 | (codePoint & 0x3F));
      }
    }
    return kept + length;
  }

  /** Where {@link #keyEscape} ended. */
  private int keyEscapeEnd;

  /**
   * An escape in a key, at its backslash: a high surrogate must be followed at once by an escaped
   * low one (Jackson decodes keys into its symbol table and refuses broken pairs there).
   *
   * @return the code point, with {@link #keyEscapeEnd} after the escape(s)
   */
  private int keyEscape(byte[] b, int at, int end) {
    int next = escape(b, at, end, true);
    if (next < 0) {
      return next;
    }
    int unit = escapedUnit;
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return -1 - at;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      if (next >= end || b[next] != '\\') {
        return -1 - next;
      }
      int after = escape(b, next, end, true);
      if (after < 0) {
        return after;
      }
      int low = escapedUnit;
      if (low < 0xDC00 || low > 0xDFFF) {
        return -1 - next;
      }
      keyEscapeEnd = after;
      return Character.toCodePoint((char) unit, (char) low);
    }
    keyEscapeEnd = next;
    return unit;
  }

  /** The UTF-16 unit of the last escape read with {@code decode}. */
  private int escapedUnit;

  /** An escape at its backslash; returns the index after it. */
  private int escape(byte[] b, int at, int end, boolean decode) {
    if (at + 1 >= end) {
      return -1 - at;
    }
    byte c = b[at + 1];
    int unit;
    switch (c) {
      case '"', '\\', '/' -> unit = c;
      case 'b' -> unit = '\b';
      case 'f' -> unit = '\f';
      case 'n' -> unit = '\n';
      case 'r' -> unit = '\r';
      case 't' -> unit = '\t';
      case 'u' -> {
        if (end - at < 6) {
          return -1 - at;
        }
        unit = 0;
        for (int i = at + 2; i < at + 6; i++) {
          int digit = Character.digit(b[i], 16);
          if (digit < 0 || b[i] < 0) {
            return -1 - i;
          }
          unit = unit << 4 | digit;
        }
        if (decode) {
          escapedUnit = unit;
        }
        return at + 6;
      }
      default -> {
        return -1 - at;
      }
    }
    if (decode) {
      escapedUnit = unit;
    }
    return at + 2;
  }

  /**
   * Skips bytes that need no attention inside a string (not a quote, backslash, control character
   * or non-ASCII byte), eight at a time where it can.
   */
  private static int plainRun(byte[] b, int at, int end) {
    while (at + Long.BYTES <= end) {
      long v = (long) LONGS.get(b, at);
      long marks = marks(v);
      if (marks != 0) {
        return at + lowestMarkedByte(marks);
      }
      at += Long.BYTES;
    }
    while (at < end) {
      byte c = b[at];
      if (c < ' ' || c == '"' || c == '\\') {
        return at; // c < ' ' holds for non-ASCII bytes too: they are negative
      }
      at++;
    }
    return at;
  }

  /**
   * The high bit of each byte of {@code v} that is a quote, a backslash, below 0x20 or above 0x7F.
   * Exact per byte: the low seven bits of each are added to without a carry into the next byte.
   */
  private static long marks(long v) {
    return specials(v) | (v & HIGH_BITS);
  }

  /** The high bit of each byte of {@code v} that is a quote, a backslash or below 0x20. */
  private static long specials(long v) {
    return ~(noneSpecial(v & LOW_BITS) | v) & HIGH_BITS;
  }

  /**
   * The high bit of each byte of {@code low} (seven-bit bytes) that is not a quote, a backslash or
   * below 0x20: adding to each byte never carries into the next. Apart from {@link #specials} so
   * that each stays within the 35 bytes of bytecode C1 inlines: called once a word, the call cost
   * more than the arithmetic.
   */
  private static long noneSpecial(long low) {
    return ((low ^ QUOTES) + LOW_BITS) & ((low ^ BACKSLASHES) + LOW_BITS) & (low + CONTROLS);
  }

  /** One UTF-8 character at its lead byte (RFC 3629); returns the index after it. */
  private static int utf8(byte[] b, int at, int end) {
    int lead = b[at] & 0xFF;
    if (lead < 0xC2) {
      return -1 - at; // a continuation byte, or an overlong two-byte form
    }
    if (lead < 0xE0) {
      return at + 1 < end && (b[at + 1] & 0xC0) == 0x80 ? at + 2 : -1 - at;
    }
    if (lead < 0xF0) {
      if (end - at < 3) {
        return -1 - at;
      }
      int second = b[at + 1] & 0xFF;
      int low = lead == 0xE0 ? 0xA0 : 0x80; // overlong below U+0800
      int high = lead == 0xED ? 0x9F : 0xBF; // surrogates
      return second >= low && second <= high && (b[at + 2] & 0xC0) == 0x80 ? at + 3 : -1 - at;
    }
    if (lead < 0xF5) {
      if (end - at < 4) {
        return -1 - at;
      }
      int second = b[at + 1] & 0xFF;
      int low = lead == 0xF0 ? 0x90 : 0x80; // overlong below U+10000
      int high = lead == 0xF4 ? 0x8F : 0xBF; // above U+10FFFF
      return second >= low
              && second <= high
              && (b[at + 2] & 0xC0) == 0x80
              && (b[at + 3] & 0xC0) == 0x80
          ? at + 4
          : -1 - at;
    }
    return -1 - at;
  }

  private static boolean isWellFormed(String path) {
    for (int i = 0; i < path.length(); i++) {
      if (Character.isSurrogate(path.charAt(i))) {
        if (!Character.isHighSurrogate(path.charAt(i))
            || i + 1 == path.length()
            || !Character.isLowSurrogate(path.charAt(i + 1))) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  private static byte[] ascii(String word) {
    return word.getBytes(StandardCharsets.US_ASCII);
  }
}
