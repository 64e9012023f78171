package io.qaexport.adapter.in.jsonl;

import static io.qaexport.domain.ByteWords.LONGS;
import static io.qaexport.domain.ByteWords.lowestMarkedByte;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream at {@code \n} into lines held in one reusable buffer, so memory stays
 * bounded by the longest allowed line. A line longer than the limit is skipped up to its end and
 * reported as {@link #tooLong()}, keeping only its first bytes.
 */
final class LineSplitter {
  static final int TOO_LONG_PREFIX_BYTES = 1024;
  private static final int INITIAL_BUFFER = 1 << 20;

  private final InputStream in;
  private final int maxLineBytes;
  private final boolean longLineEndsReading;
  private byte[] buffer;
  private int lineStart;
  private int lineEnd;
  private int nextStart;
  private int scanFrom;
  private int filled;
  private boolean endOfInput;
  private boolean tooLong;
  private long bytesRead;

  LineSplitter(InputStream in, int maxLineBytes) {
    this(in, maxLineBytes, false);
  }

  /**
   * @param longLineEndsReading whether a line over the limit is the last one given, its rest never
   *     read: when it stops the run anyway, reading an endless line ({@code /dev/zero}) to its end
   *     would hang it
   */
  LineSplitter(InputStream in, int maxLineBytes, boolean longLineEndsReading) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.longLineEndsReading = longLineEndsReading;
    this.buffer = new byte[(int) Math.min(INITIAL_BUFFER, (long) maxLineBytes + 1)];
  }

  /** Advances to the next line; false at the end of input. */
  boolean next() throws IOException {
    tooLong = false;
    lineStart = nextStart;
    while (true) {
      int newline = indexOf((byte) '\n', scanFrom, filled);
      if (newline >= 0) {
        lineEnd = newline;
        nextStart = newline + 1;
        scanFrom = nextStart;
        return true;
      }
      scanFrom = filled;
      if (filled - lineStart > maxLineBytes) {
        skipRestOfLongLine();
        return true;
      }
      if (endOfInput) {
        if (lineStart < filled) {
          lineEnd = filled;
          nextStart = filled;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void skipRestOfLongLine() throws IOException {
    tooLong = true;
    // Keep a prefix for the error report; drop the rest as it streams past.
    int kept = Math.min(Math.min(TOO_LONG_PREFIX_BYTES, maxLineBytes), filled - lineStart);
    System.arraycopy(buffer, lineStart, buffer, 0, kept);
    lineStart = 0;
    lineEnd = kept;
    int read;
    while (!longLineEndsReading && (read = in.read(buffer, kept, buffer.length - kept)) >= 0) {
      bytesRead += read;
      int newline = indexOf((byte) '\n', kept, kept + read);
      if (newline >= 0) {
        // The bytes after the newline start the next line.
        int after = kept + read - (newline + 1);
        System.arraycopy(buffer, newline + 1, buffer, kept, after);
        filled = kept + after;
        nextStart = kept;
        scanFrom = kept;
        return;
      }
    }
    endOfInput = true;
    filled = kept;
    nextStart = kept;
    scanFrom = kept;
  }

  private void fill() throws IOException {
    if (lineStart > 0) {
      int pending = filled - lineStart;
      System.arraycopy(buffer, lineStart, buffer, 0, pending);
      scanFrom -= lineStart;
      nextStart -= lineStart;
      filled = pending;
      lineStart = 0;
    }
    if (filled == buffer.length) {
      int grown = (int) Math.min((long) buffer.length * 2, (long) maxLineBytes + 1);
      if (grown <= buffer.length) {
        grown = buffer.length + 1;
      }
      buffer = Arrays.copyOf(buffer, grown);
    }
    int read = in.read(buffer, filled, buffer.length - filled);
    if (read < 0) {
      endOfInput = true;
    } else {
      filled += read;
      bytesRead += read;
    }
  }

  private int indexOf(byte target, int from, int to) {
    return indexOf(buffer, target, from, to);
  }

  /** The first {@code target} byte in {@code bytes[from, to)}, or -1; eight bytes at a time. */
  static int indexOf(byte[] buffer, byte target, int from, int to) {
    long pattern = (target & 0xFFL) * 0x0101010101010101L;
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long word = (long) LONGS.get(buffer, i) ^ pattern;
      // A zero byte in word marks a match; the lowest flagged byte is exact.
      long found = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
      if (found != 0) {
        return i + lowestMarkedByte(found);
      }
    }
    for (; i < to; i++) {
      if (buffer[i] == target) {
        return i;
      }
    }
    return -1;
  }

  /** Bytes taken from the stream so far. */
  long bytesRead() {
    return bytesRead;
  }

  byte[] buffer() {
    return buffer;
  }

  /** First byte of the current line. */
  int start() {
    return lineStart;
  }

  /** One past the last byte of the current line, excluding the {@code \n}. */
  int end() {
    return lineEnd;
  }

  /** The current line exceeded the limit; only its first bytes are in the buffer. */
  boolean tooLong() {
    return tooLong;
  }
}
