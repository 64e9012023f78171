package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.domain.QaPair;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bench-only bridge into the package-private JSONL reader (this class lives in the adapter's
 * package: a split package on the benchmark classpath). Not part of the product.
 */
public final class BenchAccess {
  public static final int MAX_LINE_BYTES = 64 << 20;

  private BenchAccess() {}

  /** The reader exactly as the Dagger module provides it. */
  public static QaPairSource source() {
    return new JsonlInputModule(MAX_LINE_BYTES).pairSource();
  }

  /** Line boundaries of {@code data}: {@code [start0, end0, start1, end1, ...]} (CR kept). */
  public static int[] lineBounds(byte[] data) throws IOException {
    var splitter = new LineSplitter(new ByteArrayInputStream(data), MAX_LINE_BYTES);
    var bounds = new ArrayList<Integer>();
    int offset = 0;
    while (splitter.next()) {
      // The splitter's buffer is refilled and compacted; recompute absolute offsets by length.
      int len = splitter.end() - splitter.start();
      bounds.add(offset);
      bounds.add(offset + len);
      offset += len + 1;
    }
    return bounds.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Splits the whole stream into lines; returns the number of lines (the splitting cost only). */
  public static long splitLines(byte[] data) throws IOException {
    var splitter = new LineSplitter(new ByteArrayInputStream(data), MAX_LINE_BYTES);
    long lines = 0;
    long bytes = 0;
    while (splitter.next()) {
      lines++;
      bytes += splitter.end() - splitter.start();
    }
    return lines + bytes;
  }

  public static int firstInvalidUtf8Byte(byte[] data, int from, int to) {
    return Utf8Validation.firstInvalidByte(data, from, to);
  }

  /** A reusable parser of one line into a pair, as the reader uses it (Jackson streaming). */
  public static final class Parser {
    private final PairParser parser;

    public Parser() {
      // Same JsonFactory configuration as the reader builds.
      this.parser = new PairParser(jsonFactoryOfTheReader());
    }

    public QaPair parse(byte[] bytes, int offset, int length) {
      try {
        // As the reader does for lines with a backslash: strings are scanned for lone surrogates.
        return parser.parse(bytes, offset, length, true);
      } catch (LineProblem e) {
        throw new IllegalStateException("invalid bench input: " + e.getMessage(), e);
      }
    }
  }

  /** Parses every non-blank line of {@code data} (for building mapping and writing inputs). */
  public static List<QaPair> parseAll(byte[] data) throws IOException {
    int[] b = lineBounds(data);
    var parser = new Parser();
    var pairs = new ArrayList<QaPair>();
    for (int i = 0; i < b.length; i += 2) {
      int end = b[i + 1];
      if (end > b[i] && data[end - 1] == '\r') {
        end--;
      }
      if (end > b[i]) {
        pairs.add(parser.parse(data, b[i], end - b[i]));
      }
    }
    return pairs;
  }

  private static tools.jackson.core.json.JsonFactory jsonFactoryOfTheReader() {
    try {
      var field = JsonlQaPairSource.class.getDeclaredField("json");
      field.setAccessible(true);
      return (tools.jackson.core.json.JsonFactory) field.get(new JsonlQaPairSource(MAX_LINE_BYTES));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
