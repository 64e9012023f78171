package io.qaexport.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A text value held as UTF-8 bytes, so a field that a reader found as plain bytes on the input line
 * reaches the writer as those bytes, never decoded into a {@code String} and encoded back (that
 * round trip was half the CPU of an export). The {@code String} is made only when something asks
 * for it (deduplication, the card), and then kept.
 *
 * <p>Immutable; safe to hand between threads. The bytes are always valid UTF-8 (no lone
 * surrogates), and {@link #toString()} is exactly their decoding.
 */
public final class Utf8Text {
  public static final Utf8Text EMPTY = of("");

  /** The bytes as given: the text's UTF-8, or for {@link #ofShortEscapedJson} a JSON body. */
  private final byte[] bytes;

  private final int offset;

  /** The text's length in UTF-8 bytes (for a JSON body, once its escapes are resolved). */
  private final int length;

  private final boolean jsonSafe;

  /** The given bytes are a JSON string's body with two-character escapes, {@link #bodyLength}. */
  private final boolean shortEscaped;

  private final int bodyLength;

  /**
   * A JSON body's text, resolved on first request; volatile, so another thread sees the array's
   * contents with it. A race resolves twice to equal arrays, which is harmless.
   */
  private volatile byte[] resolved;

  /** Decoded on first request. A race decodes twice to equal Strings, which is harmless. */
  private String decoded;

  private Utf8Text(byte[] bytes, int offset, int length, boolean jsonSafe, String decoded) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.jsonSafe = jsonSafe;
    this.shortEscaped = false;
    this.bodyLength = length;
    this.decoded = decoded;
  }

  private Utf8Text(byte[] body, int offset, int bodyLength, int escapes) {
    this.bytes = body;
    this.offset = offset;
    this.length = bodyLength - escapes;
    this.jsonSafe = false;
    this.shortEscaped = true;
    this.bodyLength = bodyLength;
  }

  public static Utf8Text of(String text) {
    Objects.requireNonNull(text, "text");
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return new Utf8Text(utf8, 0, utf8.length, false, text);
  }

  /** {@code null} for {@code null}: readers hand missing fields on as absent. */
  public static Utf8Text ofNullable(String text) {
    return text == null ? null : of(text);
  }

  /**
   * A view of {@code length} bytes of {@code bytes} from {@code offset}, not copied: the caller
   * guarantees that they are valid UTF-8 and are never changed afterwards.
   */
  public static Utf8Text ofUtf8(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return new Utf8Text(bytes, offset, length, false, null);
  }

  /**
   * As {@link #ofUtf8}, for bytes that were a JSON string's content without an escape: they hold no
   * quote, backslash or control character, so a JSON writer may copy them as they are.
   */
  public static Utf8Text ofJsonSafeUtf8(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return new Utf8Text(bytes, offset, length, true, null);
  }

  /**
   * The body of a JSON string, between its quotes, whose {@code escapes} escapes are all of two
   * characters but {@code \/} (so {@code \" \\ \b \f \n \r \t}), as JSON's minimal escaping writes
   * them; the caller guarantees that the rest is valid UTF-8 without a quote, backslash or control
   * character, and that the bytes never change. The text is resolved only when asked for: a JSON
   * writer that escapes as JSON's minimum copies the body as it is ({@link #shortEscapedJson()}),
   * which spares LLM-style answers full of {@code \n} and {@code \"} an unescaping and an escaping
   * (together ~15 % of such an export's CPU).
   */
  public static Utf8Text ofShortEscapedJson(byte[] body, int offset, int length, int escapes) {
    Objects.checkFromIndexSize(offset, length, body.length);
    if (escapes < 0 || 2 * escapes > length) {
      throw new IllegalArgumentException(escapes + " escapes in " + length + " bytes");
    }
    return new Utf8Text(body, offset, length, escapes);
  }

  /** Whether the bytes need no JSON escaping ({@link #ofJsonSafeUtf8}); false when not known. */
  public boolean jsonSafe() {
    return jsonSafe;
  }

  /**
   * Whether {@link #jsonBodyArray()} holds this text as a JSON string's body with only
   * two-character escapes ({@link #ofShortEscapedJson}).
   */
  public boolean shortEscapedJson() {
    return shortEscaped;
  }

  /** For {@link #shortEscapedJson()}: the array holding the JSON body. Never write. */
  public byte[] jsonBodyArray() {
    requireShortEscaped();
    return bytes;
  }

  public int jsonBodyOffset() {
    requireShortEscaped();
    return offset;
  }

  public int jsonBodyLength() {
    requireShortEscaped();
    return bodyLength;
  }

  private void requireShortEscaped() {
    if (!shortEscaped) {
      throw new IllegalStateException("not a JSON body");
    }
  }

  /** The backing array; read only {@link #offset()} to {@code offset() + length()}. Never write. */
  public byte[] array() {
    return shortEscaped ? resolved() : bytes;
  }

  public int offset() {
    return shortEscaped ? 0 : offset;
  }

  /** The length in UTF-8 bytes. */
  public int length() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  @Override
  public String toString() {
    String text = decoded;
    if (text == null) {
      text = new String(array(), offset(), length, StandardCharsets.UTF_8);
      decoded = text;
    }
    return text;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Utf8Text that)) {
      return false;
    }
    int from = offset();
    int thatFrom = that.offset();
    return Arrays.equals(
        array(), from, from + length, that.array(), thatFrom, thatFrom + that.length);
  }

  @Override
  public int hashCode() {
    byte[] text = array();
    int from = offset();
    int hash = 1;
    for (int i = from; i < from + length; i++) {
      hash = 31 * hash + text[i];
    }
    return hash;
  }

  /**
   * A JSON body's text: the runs between backslashes copied whole, each escape resolved. Found
   * eight bytes at a time: a byte at a time, this was a tenth of a Parquet export of LLM-style
   * answers, on the writer thread it waits for.
   */
  private byte[] resolved() {
    byte[] text = resolved;
    if (text != null) {
      return text;
    }
    text = new byte[length];
    int n = 0;
    int from = offset;
    int end = offset + bodyLength;
    for (int i = ByteWords.nextBackslash(bytes, from, end);
        i < end;
        i = ByteWords.nextBackslash(bytes, i + 1, end)) {
      System.arraycopy(bytes, from, text, n, i - from);
      n += i - from;
      byte escape = bytes[++i];
      text[n++] =
          switch (escape) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case '"', '\\' -> escape;
            default ->
                throw new IllegalStateException("not a two-character escape: \\" + (char) escape);
          };
      from = i + 1;
    }
    if (n + end - from != length) {
      throw new IllegalStateException("the escapes were miscounted");
    }
    System.arraycopy(bytes, from, text, n, end - from);
    resolved = text;
    return text;
  }
}
