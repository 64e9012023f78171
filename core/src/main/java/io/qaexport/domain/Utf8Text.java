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

  private final byte[] bytes;
  private final int offset;
  private final int length;
  private final boolean jsonSafe;

  /** Decoded on first request. A race decodes twice to equal Strings, which is harmless. */
  private String decoded;

  private Utf8Text(byte[] bytes, int offset, int length, boolean jsonSafe, String decoded) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.jsonSafe = jsonSafe;
    this.decoded = decoded;
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

  /** Whether the bytes need no JSON escaping ({@link #ofJsonSafeUtf8}); false when not known. */
  public boolean jsonSafe() {
    return jsonSafe;
  }

  /** The backing array; read only {@link #offset()} to {@code offset() + length()}. Never write. */
  public byte[] array() {
    return bytes;
  }

  public int offset() {
    return offset;
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
      text = new String(bytes, offset, length, StandardCharsets.UTF_8);
      decoded = text;
    }
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Utf8Text that
        && Arrays.equals(
            bytes, offset, offset + length, that.bytes, that.offset, that.offset + that.length);
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash;
  }
}
