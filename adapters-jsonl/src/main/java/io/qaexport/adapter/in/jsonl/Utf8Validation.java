package io.qaexport.adapter.in.jsonl;

import static io.qaexport.domain.ByteWords.HIGH_BITS;
import static io.qaexport.domain.ByteWords.LONGS;
import static io.qaexport.domain.ByteWords.lowestMarkedByte;

/** Finds the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
final class Utf8Validation {
  private Utf8Validation() {}

  /** Returns the offset of the first invalid byte in {@code [from, to)}, or -1 if all is valid. */
  static int firstInvalidByte(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      // Most text is ASCII: skip eight such bytes at a time, or up to the first that is not.
      if (i + Long.BYTES <= to) {
        long high = (long) LONGS.get(bytes, i) & HIGH_BITS;
        if (high == 0) {
          i += Long.BYTES;
          continue;
        }
        i += lowestMarkedByte(high);
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int length;
      int min;
      if ((b & 0xE0) == 0xC0) {
        length = 2;
        min = 0x80;
      } else if ((b & 0xF0) == 0xE0) {
        length = 3;
        min = 0x800;
      } else if ((b & 0xF8) == 0xF0) {
        length = 4;
        min = 0x10000;
      } else {
        return i;
      }
      if (i + length > to) {
        return i;
      }
      int codePoint = b & (0xFF >> (length + 1));
      for (int k = 1; k < length; k++) {
        int next = bytes[i + k];
        if ((next & 0xC0) != 0x80) {
          return i;
        }
        codePoint = (codePoint << 6) | (next & 0x3F);
      }
      if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        return i;
      }
      i += length;
    }
    return -1;
  }
}
