package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.RawLine;
import io.qaexport.application.port.out.SourceLine;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import io.qaexport.domain.RecordShape;
import java.util.Arrays;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Reads the validation step's JSON Lines: one object per line, UTF-8 (validated, never
 * replaced), an optional byte-order mark, CRLF or LF line ends, whitespace-only lines skipped;
 * gzip, zstd, bzip2 or xz compressed, told by the first bytes, with lines counted in the
 * decompressed text.
 */
final class JsonlQaPairSource implements QaPairSource {
  private static final int READ_CHUNK = 1 << 16;

  private final int maxLineBytes;
  private final boolean bytesThrough;
  private final JsonFactory json;

  JsonlQaPairSource(int maxLineBytes) {
    this(maxLineBytes, true);
  }

  /** @param bytesThrough false for the reference path that decodes every string (tests) */
  JsonlQaPairSource(int maxLineBytes, boolean bytesThrough) {
    this.maxLineBytes = maxLineBytes;
    this.bytesThrough = bytesThrough;
    this.json =
        JsonFactory.builder()
            // NaN and Infinity are let through so the mapping can name them, not a syntax error.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // A parser per line: cheap per-thread buffers instead of a shared, locked pool.
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            // The line limit bounds everything; within it, valid JSON is valid, whatever fields
            // we do not read hold (Jackson's defaults stop at 1000 digits, 50,000-character
            // names, 500 levels). Each level of nesting takes two bytes of the line at least.
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

  @Override
  public PairReader open(Path file) throws IOException {
    return open(file, RecordShape.REJECTED);
  }

  @Override
  public PairReader open(Path file, RecordShape shape) throws IOException {
    // A pipe's channel cannot tell its size or position, which buffered reads ask for.
    boolean stream = Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    InputStream raw = stream ? new FileInputStream(file.toFile()) : Files.newInputStream(file);
    try {
      Decompression.Opened opened = Decompression.open(raw, READ_CHUNK);
      // Only a plain regular file's size is what the lines add up to.
      long size = opened.kind() == Decompression.NONE && Files.isRegularFile(file)
          ? Files.size(file) : -1;
      return new JsonlPairReader(opened.in(), size, shape.hasFailureReason());
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Turns each line of the file into a pair, a blank line or an invalid line with its reason. */
  private final class JsonlPairReader implements PairReader {
    private final InputStream in;
    private final LineSplitter lines;
    private final PairParser parser;
    private final long sizeBytes;
    private long lineNumber;

    JsonlPairReader(InputStream in, long sizeBytes, boolean readsFailureReason) {
      this.in = in;
      this.sizeBytes = sizeBytes;
      // One byte more than the limit: the CR of a CRLF line end is not part of the line.
      this.lines = new LineSplitter(in, maxLineBytes + 1);
      this.parser = new PairParser(json, readsFailureReason, bytesThrough);
    }

    @Override
    public long sizeBytes() {
      return sizeBytes;
    }

    @Override
    public long bytesRead() {
      return lines.bytesRead();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    @Override
    public SourceLine next() throws IOException {
      if (!lines.next()) {
        return null;
      }
      lineNumber++;
      byte[] buffer = lines.buffer();
      int start = lines.start();
      int end = lines.end();
      if (!lines.tooLong() && end > start && buffer[end - 1] == '\r') {
        end--; // a CRLF line end: the CR is neither counted nor kept in the raw line
      }
      boolean tooLong = lines.tooLong() || end - start > maxLineBytes;
      boolean byteOrderMark = hasByteOrderMark(buffer, start, end);
      if (lineNumber == 1 && byteOrderMark) {
        start += 3;
      }
      if (tooLong) {
        int kept =
            Math.min(end - start, Math.min(LineSplitter.TOO_LONG_PREFIX_BYTES, maxLineBytes));
        return new SourceLine.Invalid(lineNumber, 0, "line is longer than the limit of "
            + maxLineBytes + " bytes (raise it with --max-line-bytes)",
            copier(buffer, start, start + Math.max(kept, 0)));
      }
      RawLine raw = copier(buffer, start, end);
      if (isBlank(buffer, start, end)) {
        return new SourceLine.Blank(lineNumber);
      }
      if (lineNumber == 1 && byteOrderMark && hasByteOrderMark(buffer, start, end)) {
        // Jackson would skip this second one silently; a later one is refused, so is this.
        return new SourceLine.Invalid(lineNumber, 4, "a second byte-order mark (U+FEFF): one"
            + " is allowed, at the start of the file", raw);
      }
      if (lineNumber > 1 && byteOrderMark) {
        // Jackson would skip it silently; mid-file it means files were concatenated.
        return new SourceLine.Invalid(lineNumber, 1, "a byte-order mark (U+FEFF) is allowed"
            + " only at the start of the file; were files concatenated?", raw);
      }
      int invalidByte = Utf8Validation.firstInvalidByte(buffer, start, end);
      if (invalidByte >= 0) {
        return new SourceLine.Invalid(lineNumber, invalidByte - start + 1, String.format(
            "invalid UTF-8: byte 0x%02X at byte offset %d of the line",
            buffer[invalidByte] & 0xFF, invalidByte - start), raw);
      }
      try {
        // The pair's texts are views of the line, so it gets its own array: the splitter's
        // buffer is reused for the next line.
        byte[] line = Arrays.copyOfRange(buffer, start, end);
        var pair = new SourceLine.Pair(lineNumber,
            parser.parse(line, 0, line.length), line::clone);
        if (mayHavePlusInfinity(buffer, start, end)) {
          parser.refusePlusInfinity(buffer, start, end - start);
        }
        return pair;
      } catch (LineProblem problem) {
        return new SourceLine.Invalid(lineNumber, problem.column(), problem.getMessage(), raw);
      }
    }
  }

  private static RawLine copier(byte[] buffer, int start, int end) {
    return () -> Arrays.copyOfRange(buffer, start, end);
  }

  private static boolean hasByteOrderMark(byte[] b, int start, int end) {
    return end - start >= 3 && b[start] == (byte) 0xEF && b[start + 1] == (byte) 0xBB
        && b[start + 2] == (byte) 0xBF;
  }

  /** Whether "+Infinity" occurs anywhere; rare, so the exact check runs only then. */
  private static boolean mayHavePlusInfinity(byte[] b, int start, int end) {
    for (int plus = LineSplitter.indexOf(b, (byte) '+', start, end); plus >= 0;
        plus = LineSplitter.indexOf(b, (byte) '+', plus + 1, end)) {
      if (end - plus > 8 && b[plus + 1] == 'I' && b[plus + 8] == 'y') {
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
