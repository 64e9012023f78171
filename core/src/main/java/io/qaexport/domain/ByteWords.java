package io.qaexport.domain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of UTF-8 read as one little-endian {@code long}: what the word-at-a-time loops of the
 * readers, the writers and {@link Utf8Text} share. Hand-written because C1, which short exports run
 * on, compiles a byte-at-a-time loop to about a byte a nanosecond.
 */
public final class ByteWords {
  /** Reads eight bytes of a {@code byte[]} as one little-endian {@code long}. */
  public static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Each byte's low seven bits. */
  public static final long LOW_BITS = 0x7f7f7f7f7f7f7f7fL;

  /** Each byte's high bit. */
  public static final long HIGH_BITS = 0x8080808080808080L;

  /** A quote in every byte. */
  public static final long QUOTES = 0x2222222222222222L;

  /** A backslash in every byte. */
  public static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;

  private ByteWords() {}

  /**
   * The index (0 to 7) of the lowest byte whose high bit is set in {@code marks}, a word with no
   * other bits set and at least one set. Not {@link Long#numberOfTrailingZeros}: the C1 compiler
   * the launcher runs short exports on (JDK 17) calls it rather than using the instruction, 17 ns a
   * call against about 1 here; the multiplication puts byte k's index into the top byte.
   */
  public static int lowestMarkedByte(long marks) {
    return (int) (((marks & -marks) >>> 7) * 0x0001020304050607L >>> 56);
  }

  /** The first backslash in {@code bytes[from, end)}, or {@code end}. */
  public static int nextBackslash(byte[] bytes, int from, int end) {
    int i = from;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long word = (long) LONGS.get(bytes, i);
      // A byte's low seven bits XOR a backslash's are zero only for a backslash's; plus 0x7f, any
      // other value reaches the high bit (without a carry into the next byte). A byte of 0x80 or
      // more is no backslash whatever its low bits.
      long notBackslash = ((word & LOW_BITS) ^ BACKSLASHES) + LOW_BITS;
      long backslashes = ~(notBackslash | word) & HIGH_BITS;
      if (backslashes != 0) {
        return i + lowestMarkedByte(backslashes);
      }
    }
    for (; i < end; i++) {
      if (bytes[i] == '\\') {
        return i;
      }
    }
    return end;
  }
}
