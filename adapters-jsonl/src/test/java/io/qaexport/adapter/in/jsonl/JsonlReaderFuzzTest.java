package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qaexport.adapter.out.jsonl.JsonlOutputsForTest;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.mapping.DefaultCounts;
import io.qaexport.domain.mapping.RecordMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Arbitrary bytes through the real chain: the JSONL reader (at the default and at a tiny line
 * limit), the mapping (lenient and strict, both shapes), the JSONL writer and the log of skipped
 * lines, each written file read back.
 *
 * <p>Invariants: the reader reports exactly one outcome per line, numbered 1, 2, 3, ...; an invalid
 * line has a non-empty reason and its verbatim bytes; nothing but {@link InvalidRecordException}
 * escapes the mapping; whatever is written reads back to equal values. Any other exception, or a
 * hang, is a finding. See {@code FUZZING.md} for real fuzzing.
 */
class JsonlReaderFuzzTest {
  private static final int DEFAULT_LIMIT = 1 << 20;
  private static final Path WORK = workDirectory();
  private static final OutputFormat FORMAT = JsonlOutputsForTest.format();
  private static final InvalidLineLog.Factory LOGS = JsonlOutputsForTest.invalidLineLogs();

  /** A plain, strict JSON reader of our own outputs, independent of the reader under test. */
  private static final JsonFactory PLAIN_JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @FuzzTest(maxDuration = "5m")
  void readMapWriteAndReadBack(byte[] input) throws IOException {
    Path file = Files.write(WORK.resolve("input.jsonl"), input);
    if (Decompression.detect(new ByteArrayInputStream(input)) != Decompression.NONE) {
      readCompressed(file);
      return;
    }
    List<byte[]> lines = splitLines(input);

    List<Event> events = read(file, DEFAULT_LIMIT);
    checkOneOutcomePerLine(events, lines, DEFAULT_LIMIT);

    // A tiny limit must only turn the lines over it into "too long" and change nothing else.
    int smallLimit = 1 + input.length % 48;
    List<Event> limited = read(file, smallLimit);
    checkOneOutcomePerLine(limited, lines, smallLimit);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).length <= smallLimit) {
        assertEquals(events.get(i), limited.get(i), "line " + (i + 1) + " at limit " + smallLimit);
      }
    }

    Map<RecordShape, List<HfRecord>> records = new LinkedHashMap<>();
    List<Event> invalid = new ArrayList<>();
    for (Event event : events) {
      if (event.kind == Kind.PAIR) {
        for (RecordShape shape : RecordShape.exported()) {
          for (boolean strict : new boolean[] {false, true}) {
            map(event.pair, shape, strict)
                .ifPresent(r -> records.computeIfAbsent(shape, s -> new ArrayList<>()).add(r));
          }
        }
      } else if (event.kind == Kind.INVALID) {
        invalid.add(event);
      }
    }
    for (var entry : records.entrySet()) {
      writeAndReadBack(entry.getKey(), entry.getValue());
    }
    logAndReadBack(invalid);
  }

  // ---- reading -------------------------------------------------------------------------------

  private enum Kind {
    PAIR,
    BLANK,
    INVALID
  }

  private record Event(Kind kind, long line, int column, String reason, byte[] raw, QaPair pair) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Event e
          && kind == e.kind
          && line == e.line
          && column == e.column
          && Objects.equals(reason, e.reason)
          && Arrays.equals(raw, e.raw)
          && Objects.equals(pair, e.pair);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, line, column, reason, Arrays.hashCode(raw), pair);
    }

    @Override
    public String toString() {
      return kind
          + "@"
          + line
          + ":"
          + column
          + " "
          + reason
          + " "
          + (raw == null ? "" : Base64.getEncoder().encodeToString(raw))
          + " "
          + pair;
    }
  }

  private static List<Event> read(Path file, int limit) throws IOException {
    List<Event> events = new ArrayList<>();
    try (PairReader reader = new JsonlQaPairSource(limit).open(file)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        if (line instanceof SourceLine.Pair pair) {
          assertNotNull(pair.pair());
          events.add(
              new Event(
                  Kind.PAIR, pair.lineNumber(), 0, null, pair.raw().copyBytes(), pair.pair()));
        } else if (line instanceof SourceLine.Invalid bad) {
          events.add(
              new Event(
                  Kind.INVALID,
                  bad.lineNumber(),
                  bad.column(),
                  bad.reason(),
                  bad.raw().copyBytes(),
                  null));
        } else {
          events.add(new Event(Kind.BLANK, line.lineNumber(), 0, null, null, null));
        }
      }
    }
    return events;
  }

  /**
   * Input that starts like a compressed file: its lines are the decoded stream's, so the per-line
   * checks against the raw bytes do not apply. What must hold: lines numbered 1, 2, … as read, and
   * a stream that cannot be decoded ends in the reader's own CorruptInputException.
   */
  private static void readCompressed(Path file) throws IOException {
    for (int limit : new int[] {DEFAULT_LIMIT, 7}) {
      long expected = 1;
      try (PairReader reader = new JsonlQaPairSource(limit).open(file)) {
        for (SourceLine line = reader.next(); line != null; line = reader.next()) {
          assertEquals(expected++, line.lineNumber());
        }
      } catch (io.qaexport.application.port.out.CorruptInputException undecodable) {
        assertNotNull(undecodable.getMessage());
      }
    }
  }

  private static void checkOneOutcomePerLine(List<Event> events, List<byte[]> lines, int limit) {
    assertEquals(lines.size(), events.size(), "one outcome per line");
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      // A CR before the line end is part of the line end: not counted, not kept.
      byte[] line = withoutFinalCr(lines.get(i));
      byte[] content = i == 0 ? withoutByteOrderMark(line) : line;
      assertEquals(i + 1, event.line, "lines are numbered 1, 2, 3, ...");
      if (line.length > limit) {
        assertEquals(Kind.INVALID, event.kind, "a line over the limit is invalid");
        assertEquals(
            "line is longer than the limit of " + limit + " bytes (raise it with --max-line-bytes)",
            event.reason);
        // (A prefix shorter than a byte-order mark keeps the mark's first bytes as they are.)
        assertTrue(
            isPrefix(event.raw, content) || isPrefix(event.raw, line),
            "a too-long line keeps a prefix of its bytes");
        assertTrue(event.raw.length <= Math.min(limit, LineSplitter.TOO_LONG_PREFIX_BYTES));
        continue;
      }
      switch (event.kind) {
        case BLANK -> assertTrue(isBlank(content), "only whitespace lines are blank");
        case PAIR -> assertArrayEquals(content, event.raw, "the raw line is the line");
        case INVALID -> {
          assertFalse(event.reason == null || event.reason.isBlank(), "a reason is given");
          assertFalse(event.reason.contains("\n"), "the reason is one line: " + event.reason);
          assertTrue(event.column >= 0, "column " + event.column);
          assertArrayEquals(content, event.raw, "the invalid line is kept verbatim");
        }
      }
    }
  }

  /** The lines a text editor shows: split at '\n', no line after a final '\n'. */
  private static List<byte[]> splitLines(byte[] input) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < input.length; i++) {
      if (input[i] == '\n') {
        lines.add(Arrays.copyOfRange(input, start, i));
        start = i + 1;
      }
    }
    if (start < input.length) {
      lines.add(Arrays.copyOfRange(input, start, input.length));
    }
    return lines;
  }

  private static boolean isPrefix(byte[] prefix, byte[] of) {
    return prefix.length <= of.length && Arrays.equals(prefix, Arrays.copyOf(of, prefix.length));
  }

  private static byte[] withoutFinalCr(byte[] line) {
    return line.length > 0 && line[line.length - 1] == '\r'
        ? Arrays.copyOf(line, line.length - 1)
        : line;
  }

  private static byte[] withoutByteOrderMark(byte[] line) {
    boolean bom =
        line.length >= 3
            && (line[0] & 0xFF) == 0xEF
            && (line[1] & 0xFF) == 0xBB
            && (line[2] & 0xFF) == 0xBF;
    return bom ? Arrays.copyOfRange(line, 3, line.length) : line;
  }

  private static boolean isBlank(byte[] content) {
    for (byte b : content) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  // ---- mapping -------------------------------------------------------------------------------

  private static Optional<HfRecord> map(QaPair pair, RecordShape shape, boolean strict) {
    try {
      HfRecord record = new RecordMapper(strict).map(pair, shape, new DefaultCounts());
      assertEquals(shape, record.shape());
      return Optional.of(record);
    } catch (InvalidRecordException e) {
      assertFalse(e.reason() == null || e.reason().isBlank(), "a reason is given");
      return Optional.empty();
    }
  }

  // ---- writing and reading back ----------------------------------------------------------------

  private static void writeAndReadBack(RecordShape shape, List<HfRecord> records)
      throws IOException {
    Path out = WORK.resolve("output.jsonl");
    try (RecordWriter writer = FORMAT.open(out, shape)) {
      for (HfRecord record : records) {
        writer.write(record);
      }
    }
    byte[] bytes = Files.readAllBytes(out);
    assertEquals(-1, Utf8Validation.firstInvalidByte(bytes, 0, bytes.length), "valid UTF-8");
    List<byte[]> lines = splitLines(bytes);
    assertEquals(records.size(), lines.size(), "one line per record");
    assertEquals('\n', bytes[bytes.length - 1], "the last line ends with \\n");
    for (int i = 0; i < records.size(); i++) {
      assertEquals(records.get(i), parseRecord(lines.get(i), shape), "record " + i);
    }

    // The real reader reads the output's question, answer and persona back unchanged.
    List<Event> reread = read(out, DEFAULT_LIMIT);
    assertEquals(records.size(), reread.size());
    for (int i = 0; i < records.size(); i++) {
      HfRecord record = records.get(i);
      Event event = reread.get(i);
      assertEquals(Kind.PAIR, event.kind, () -> "re-read " + event);
      assertEquals(record.questionText(), event.pair.question());
      assertEquals(record.answerText(), event.pair.answer());
      assertEquals(new Persona.Label(record.persona()), event.pair.persona());
    }
  }

  private static HfRecord parseRecord(byte[] line, RecordShape shape) {
    try (JsonParser p = PLAIN_JSON.createParser(ObjectReadContext.empty(), line)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      String question = stringProperty(p, "question");
      String answer = stringProperty(p, "answer");
      String source = stringProperty(p, "source");
      String persona = stringProperty(p, "persona");
      assertEquals(JsonToken.PROPERTY_NAME, p.nextToken());
      assertEquals("validation_score", p.currentName());
      assertEquals(JsonToken.VALUE_NUMBER_FLOAT, p.nextToken(), "the score is always a float");
      double score = p.getDoubleValue();
      String failureReason = shape.hasFailureReason() ? stringProperty(p, "failure_reason") : null;
      assertEquals(JsonToken.END_OBJECT, p.nextToken());
      assertNull(p.nextToken());
      return new HfRecord(question, answer, source, persona, score, failureReason);
    }
  }

  private static String stringProperty(JsonParser p, String name) {
    assertEquals(JsonToken.PROPERTY_NAME, p.nextToken());
    assertEquals(name, p.currentName());
    assertEquals(JsonToken.VALUE_STRING, p.nextToken());
    return p.getString();
  }

  private static void logAndReadBack(List<Event> invalid) throws IOException {
    if (invalid.isEmpty()) {
      return;
    }
    Path log = WORK.resolve("errors.jsonl");
    try (InvalidLineLog writer = LOGS.open(log)) {
      for (Event event : invalid) {
        writer.append(event.line, event.column, event.reason, event.raw);
      }
    }
    byte[] bytes = Files.readAllBytes(log);
    assertEquals(-1, Utf8Validation.firstInvalidByte(bytes, 0, bytes.length), "valid UTF-8");
    List<byte[]> lines = splitLines(bytes);
    assertEquals(invalid.size(), lines.size(), "one line per skipped line");
    for (int i = 0; i < lines.size(); i++) {
      Event event = invalid.get(i);
      try (JsonParser p = PLAIN_JSON.createParser(ObjectReadContext.empty(), lines.get(i))) {
        assertEquals(JsonToken.START_OBJECT, p.nextToken());
        assertEquals(JsonToken.PROPERTY_NAME, p.nextToken());
        assertEquals(JsonToken.VALUE_NUMBER_INT, p.nextToken());
        assertEquals(event.line, p.getLongValue());
        assertEquals(JsonToken.PROPERTY_NAME, p.nextToken());
        assertEquals(JsonToken.VALUE_NUMBER_INT, p.nextToken());
        assertEquals(event.column, p.getIntValue());
        assertEquals(event.reason, stringProperty(p, "reason"));
        assertEquals(JsonToken.PROPERTY_NAME, p.nextToken());
        String name = p.currentName();
        assertEquals(JsonToken.VALUE_STRING, p.nextToken());
        byte[] raw =
            switch (name) {
              case "raw" -> p.getString().getBytes(StandardCharsets.UTF_8);
              case "raw_base64" -> Base64.getDecoder().decode(p.getString());
              default -> fail("unexpected property " + name);
            };
        assertArrayEquals(event.raw, raw, "the skipped line is kept verbatim");
        assertEquals(JsonToken.END_OBJECT, p.nextToken());
        assertNull(p.nextToken());
      }
    }
  }

  static Path workDirectory() {
    try {
      Path shm = Path.of("/dev/shm");
      Path dir =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempDirectory(shm, "qa-export-fuzz")
              : Files.createTempDirectory("qa-export-fuzz");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // A temporary directory; the OS cleans it up eventually.
    }
  }
}
