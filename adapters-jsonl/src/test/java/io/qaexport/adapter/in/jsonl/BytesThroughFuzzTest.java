package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qaexport.adapter.out.jsonl.JsonlOutputsForTest;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import io.qaexport.domain.mapping.DefaultCounts;
import io.qaexport.domain.mapping.RecordMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Differential: for any input bytes, the fast path (texts handed on as the input's bytes) and the
 * reference path (Jackson decodes every string into a {@code String}, as before the fast path) must
 * give the same outcome for every line — kind, line number, column, reason, raw bytes, the pair's
 * values as bytes and as {@code String}s, the mapping's result or its error — and byte-identical
 * JSONL output. Equal outcomes line by line mean the same first error and so the same exit code.
 * See {@code FUZZING.md} for fuzzing it for a time budget.
 */
class BytesThroughFuzzTest {
  private static final Path WORK = JsonlReaderFuzzTest.workDirectory();
  private static final OutputFormat FORMAT = JsonlOutputsForTest.format();
  private static final int LIMIT = 1 << 20;

  /** Kept columns of every type, some on mapped fields, some nested (--keep-columns). */
  private static final List<Column.Kept> KEPT =
      List.of(
          new Column.Kept("a", "a", KeptType.STRING, 0),
          new Column.Kept("b", "b", KeptType.FLOAT64, 1),
          new Column.Kept("c", "c", KeptType.INT64, 2),
          new Column.Kept("d", "d", KeptType.BOOL, 3),
          new Column.Kept("e", "e", KeptType.STRING_LIST, 4),
          new Column.Kept("f", "f", KeptType.JSON, 5),
          new Column.Kept("q", "question", KeptType.JSON, 6),
          new Column.Kept("roll", "persona.roll", KeptType.STRING, 7),
          new Column.Kept("y", "validation.y", KeptType.INT64, 8),
          new Column.Kept("v", "validation", KeptType.JSON, 9),
          new Column.Kept("a_json", "a", KeptType.JSON, 10));

  private static List<RecordShape> shapes() {
    List<RecordShape> shapes = new ArrayList<>(RecordShape.exported());
    for (RecordShape shape : RecordShape.exported()) {
      shapes.add(shape.withKept(KEPT));
    }
    return shapes;
  }

  @FuzzTest(maxDuration = "10m")
  void bytesThroughEqualsDecodingEveryString(byte[] input) throws IOException {
    Path file = Files.write(WORK.resolve("differential.jsonl"), input);
    for (RecordShape shape : shapes()) {
      Run fast = run(file, shape, true);
      Run reference = run(file, shape, false);
      assertEquals(reference.outcomes, fast.outcomes, "outcomes, " + shape + " shape");
      assertArrayEquals(
          write(reference.records, shape, "reference"),
          write(fast.records, shape, "fast"),
          "JSONL output, " + shape + " shape");
    }
  }

  private static final LineDecoder[] SCANNED = decoders(true);
  private static final LineDecoder[] JACKSON = decoders(false);

  /** Per shape of {@link #shapes()}, a decoder on one path. */
  private static LineDecoder[] decoders(boolean bytesThrough) {
    return shapes().stream()
        .map(
            shape ->
                new LineDecoder(
                    JsonlQaPairSource.jsonFactory(LIMIT),
                    LIMIT,
                    shape.hasFailureReason(),
                    bytesThrough,
                    new KeptReader.KeptFields(shape.keptColumns())))
        .toArray(LineDecoder[]::new);
  }

  /**
   * The same, one line in memory at a time, so that it runs fast enough for millions of inputs: the
   * scanner path (bytes through) and the Jackson path that decodes every string must give the same
   * outcome, the same values as bytes and Strings, and the same mapping, lenient and strict, for
   * every shape, kept columns included.
   */
  @FuzzTest(maxDuration = "10m")
  void scannerPathEqualsJacksonPathOnOneLine(byte[] line) {
    List<RecordShape> shapes = shapes();
    for (int i = 0; i < shapes.size(); i++) {
      assertEquals(
          outcome(JACKSON[i], line, shapes.get(i)),
          outcome(SCANNED[i], line, shapes.get(i)),
          shapes.get(i).toString());
    }
  }

  private static List<String> outcome(LineDecoder decoder, byte[] line, RecordShape shape) {
    List<String> outcome = new ArrayList<>();
    SourceLine decoded = decoder.decode(2, line, 0, line.length, false);
    outcome.add(describe(decoded));
    if (decoded instanceof SourceLine.Pair pair) {
      for (boolean strict : new boolean[] {false, true}) {
        try {
          HfRecord record = new RecordMapper(strict).map(pair.pair(), shape, new DefaultCounts());
          outcome.add("mapped " + strict + " " + texts(record));
        } catch (InvalidRecordException e) {
          outcome.add("unmapped " + strict + " " + e.getMessage());
        }
      }
    }
    return outcome;
  }

  private record Run(List<String> outcomes, List<HfRecord> records) {}

  private static Run run(Path file, RecordShape shape, boolean bytesThrough) {
    List<String> outcomes = new ArrayList<>();
    List<HfRecord> records = new ArrayList<>();
    var source = new JsonlQaPairSource(LIMIT, bytesThrough);
    try (PairReader reader = source.open(file, shape)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        outcomes.add(describe(line));
        if (line instanceof SourceLine.Pair pair) {
          for (boolean strict : new boolean[] {false, true}) {
            try {
              HfRecord record =
                  new RecordMapper(strict).map(pair.pair(), shape, new DefaultCounts());
              outcomes.add("mapped " + strict + " " + texts(record));
              if (!strict) {
                records.add(record);
              }
            } catch (InvalidRecordException e) {
              outcomes.add("unmapped " + strict + " " + e.getMessage());
            }
          }
        }
      }
    } catch (IOException e) {
      outcomes.add("read failure " + e.getClass().getName() + ": " + e.getMessage());
    }
    return new Run(outcomes, records);
  }

  private static String describe(SourceLine line) {
    if (line instanceof SourceLine.Pair pair) {
      QaPair p = pair.pair();
      return pair.lineNumber()
          + " pair "
          + text(p.question())
          + " "
          + text(p.answer())
          + " "
          + text(p.sourceDocument())
          + " "
          + p.persona()
          + " "
          + p.compositeScore()
          + " "
          + text(p.failureReason())
          + " kept "
          + kept(p.kept())
          + " raw "
          + base64(pair.raw().copyBytes());
    }
    if (line instanceof SourceLine.Invalid invalid) {
      return invalid.lineNumber()
          + " invalid at "
          + invalid.column()
          + ": "
          + invalid.reason()
          + " raw "
          + base64(invalid.raw().copyBytes());
    }
    return line.lineNumber() + " " + line.getClass().getSimpleName();
  }

  private static String texts(HfRecord record) {
    return text(record.questionText())
        + " "
        + text(record.answerText())
        + " "
        + text(record.sourceText())
        + " "
        + text(record.personaText())
        + " "
        + record.validationScore()
        + " "
        + text(record.failureReasonText());
  }

  private static String kept(KeptValues values) {
    var described = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof Utf8Text utf8) {
        described.append(text(utf8));
      } else if (value instanceof List<?> items) {
        described.append('[');
        for (Object item : items) {
          described.append(text((Utf8Text) item)).append(',');
        }
        described.append(']');
      } else {
        described.append(value);
      }
      described.append(';');
    }
    return described.toString();
  }

  /** A text as its bytes and as its String, so both views are compared. */
  private static String text(Utf8Text text) {
    if (text == null) {
      return "null";
    }
    byte[] bytes = new byte[text.length()];
    System.arraycopy(text.array(), text.offset(), bytes, 0, text.length());
    String decoded = text.toString();
    assertArrayEquals(
        decoded.getBytes(StandardCharsets.UTF_8), bytes, "a text's String and bytes disagree");
    return base64(bytes) + "|" + decoded;
  }

  private static byte[] write(List<HfRecord> records, RecordShape shape, String name)
      throws IOException {
    Path out = WORK.resolve("differential-" + name + ".jsonl");
    try (RecordWriter writer = FORMAT.open(out, shape)) {
      for (HfRecord record : records) {
        writer.write(record);
      }
    }
    return Files.readAllBytes(out);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
