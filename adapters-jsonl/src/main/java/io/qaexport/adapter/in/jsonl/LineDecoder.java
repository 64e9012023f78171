package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.RawLine;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.QaPair;
import java.util.Arrays;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns one line of the file, as the {@link LineSplitter} cut it, into a pair, a blank line or an
 * invalid line with its reason. Holds a {@link PairParser}, which is not thread-safe: one per
 * decoding thread. The raw bytes it hands out point into the given buffer.
 */
final class LineDecoder {
  private final int maxLineBytes;
  private final PairParser parser;

  /** The fast path, tried first; null on the reference path (every string decoded by Jackson). */
  private final ScannedPairParser scanned;

  /**
   * @param bytesThrough false for the reference path that decodes every string (tests)
   */
  LineDecoder(
      JsonFactory json, int maxLineBytes, boolean readsFailureReason, boolean bytesThrough) {
    this(json, maxLineBytes, readsFailureReason, bytesThrough, KeptReader.KeptFields.none());
  }

  /**
   * @param keptFields the kept columns' paths: this decoder's own (they track the current line)
   */
  LineDecoder(
      JsonFactory json,
      int maxLineBytes,
      boolean readsFailureReason,
      boolean bytesThrough,
      KeptReader.KeptFields keptFields) {
    this.maxLineBytes = maxLineBytes;
    this.parser = new PairParser(json, readsFailureReason, bytesThrough, keptFields);
    this.scanned =
        bytesThrough ? ScannedPairParser.of(json, readsFailureReason, keptFields.columns()) : null;
  }

  /**
   * @param end one past the line's last byte, a CR of a CRLF line end included
   * @param tooLong the splitter cut the line at its limit and kept only its first bytes
   */
  SourceLine decode(long lineNumber, byte[] buffer, int start, int end, boolean tooLong) {
    return decode(lineNumber, buffer, start, end, tooLong, false);
  }

  /**
   * As {@link #decode(long, byte[], int, int, boolean)} for a line in an array of its own, never
   * changed afterwards: a pair's texts view it, without a copy.
   */
  SourceLine decodeOwn(long lineNumber, byte[] line, boolean tooLong) {
    return decode(lineNumber, line, 0, line.length, tooLong, true);
  }

  private SourceLine decode(
      long lineNumber, byte[] buffer, int start, int end, boolean tooLong, boolean own) {
    if (!tooLong && end > start && buffer[end - 1] == '\r') {
      end--; // a CRLF line end: the CR is neither counted nor kept in the raw line
    }
    tooLong = tooLong || end - start > maxLineBytes;
    boolean byteOrderMark = hasByteOrderMark(buffer, start, end);
    if (lineNumber == 1 && byteOrderMark) {
      start += 3;
    }
    if (tooLong) {
      int kept = Math.min(end - start, Math.min(LineSplitter.TOO_LONG_PREFIX_BYTES, maxLineBytes));
      while (kept > 0 && kept < end - start && (buffer[start + kept] & 0xC0) == 0x80) {
        kept--; // not inside a character: a UTF-8 line's start stays text in the errors log
      }
      return new SourceLine.Invalid(
          lineNumber,
          0,
          "line is longer than the limit of "
              + maxLineBytes
              + " bytes (raise it with --max-line-bytes)",
          copier(buffer, start, start + Math.max(kept, 0)));
    }
    RawLine raw = copier(buffer, start, end);
    if (isBlank(buffer, start, end)) {
      return new SourceLine.Blank(lineNumber);
    }
    if (lineNumber == 1 && byteOrderMark && hasByteOrderMark(buffer, start, end)) {
      // Jackson would skip this second one silently; a later one is refused, so is this.
      return new SourceLine.Invalid(
          lineNumber,
          4,
          "a second byte-order mark (U+FEFF): one" + " is allowed, at the start of the file",
          raw);
    }
    if (lineNumber > 1 && byteOrderMark) {
      // Jackson would skip it silently; mid-file it means files were concatenated.
      return new SourceLine.Invalid(
          lineNumber,
          1,
          "a byte-order mark (U+FEFF) is allowed"
              + " only at the start of the file; were files concatenated?",
          raw);
    }
    // A pair's texts are views of its line, so the line has its own array (the parallel reader
    // makes one per line; the one-thread reader's buffer holds the next line next): a record
    // waiting for a sparse output must not pin a chunk of lines (1M records, a 1 % split: 145
    // MiB peak with views of 32 KiB chunks, 98 MiB with an array per line).
    byte[] line =
        own && start == 0 && end == buffer.length ? buffer : Arrays.copyOfRange(buffer, start, end);
    if (scanned != null) {
      // The scanner validates UTF-8 and the grammar; any line it does not take goes on below.
      QaPair pair = scanned.parse(line, 0, line.length);
      if (pair != null) {
        return new SourceLine.Pair(lineNumber, pair, line::clone);
      }
    }
    int invalidByte = Utf8Validation.firstInvalidByte(buffer, start, end);
    if (invalidByte >= 0) {
      return new SourceLine.Invalid(
          lineNumber,
          invalidByte - start + 1,
          String.format(
              "invalid UTF-8: byte 0x%02X at byte offset %d of the line",
              buffer[invalidByte] & 0xFF, invalidByte - start),
          raw);
    }
    try {
      SourceLine.Pair pair =
          new SourceLine.Pair(lineNumber, parser.parse(line, 0, line.length), line::clone);
      if (mayHaveForeignInfinity(buffer, start, end)) {
        parser.refuseForeignInfinity(buffer, start, end - start);
      }
      return pair;
    } catch (LineProblem problem) {
      return new SourceLine.Invalid(lineNumber, problem.column(), problem.getMessage(), raw);
    }
  }

  private static RawLine copier(byte[] buffer, int start, int end) {
    return () -> Arrays.copyOfRange(buffer, start, end);
  }

  private static boolean hasByteOrderMark(byte[] b, int start, int end) {
    return end - start >= 3
        && b[start] == (byte) 0xEF
        && b[start + 1] == (byte) 0xBB
        && b[start + 2] == (byte) 0xBF;
  }

  /**
   * Whether "+I" or "-IN" occurs anywhere (+INF, +Infinity, -INF); rare, so the exact check runs
   * only then.
   */
  private static boolean mayHaveForeignInfinity(byte[] b, int start, int end) {
    for (int at = LineSplitter.indexOf(b, (byte) 'I', start, end);
        at >= 0;
        at = LineSplitter.indexOf(b, (byte) 'I', at + 1, end)) {
      if (at > start
          && (b[at - 1] == '+' || b[at - 1] == '-' && end - at > 1 && b[at + 1] == 'N')) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(byte[] b, int start, int end) {
    for (int i = start; i < end; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
