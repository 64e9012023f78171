package io.qaexport.adapter.out.jsonl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/**
 * The output's hand-written writer against Jackson's generator with the product's settings (what
 * the left-out logs write through, {@link JsonlWriting#writeValue}): for any records of any shape
 * (escapes, control characters, non-ASCII, JSON-safe copies, every double, every kept type), both
 * write the same bytes, however the buffer's edges fall.
 */
class JsonlRecordWriterFuzzTest {
  private static final KeptType[] KEPT_TYPES = KeptType.values();

  /** The reference: Jackson's generator, value by value. */
  static byte[] jackson(RecordShape shape, List<HfRecord> records) {
    var out = new ByteArrayOutputStream();
    try (JsonGenerator generator = JsonlWriting.open(out)) {
      for (HfRecord record : records) {
        generator.writeStartObject();
        for (Column column : shape.columns()) {
          generator.writeName(column.name());
          JsonlWriting.writeValue(generator, column, record);
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
      }
    }
    return out.toByteArray();
  }

  static byte[] byHand(RecordShape shape, List<HfRecord> records) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var writer = new JsonlRecordWriter(out, shape)) {
      for (HfRecord record : records) {
        writer.write(record);
      }
    }
    return out.toByteArray();
  }

  @FuzzTest(maxDuration = "5m")
  void handWrittenLinesAreJacksons(FuzzedDataProvider data) throws IOException {
    var generator = new RecordGenerator(data::consumeInt, data::consumeBoolean, data::consumeLong);
    RecordShape shape = generator.shape();
    List<HfRecord> records = new ArrayList<>();
    int count = data.consumeInt(0, 4);
    for (int i = 0; i < count; i++) {
      records.add(generator.record(shape));
    }
    assertArrayEquals(jackson(shape, records), byHand(shape, records));
  }

  @Test
  void randomRecordsOfEveryShapeAreWrittenAsJacksonWritesThem() throws IOException {
    var random = new Random(21);
    for (int round = 0; round < 500; round++) {
      var generator =
          new RecordGenerator(
              (min, max) -> min + random.nextInt(max - min + 1),
              random::nextBoolean,
              random::nextLong);
      RecordShape shape = generator.shape();
      List<HfRecord> records = new ArrayList<>();
      for (int i = random.nextInt(5); i > 0; i--) {
        records.add(generator.record(shape));
      }
      assertArrayEquals(jackson(shape, records), byHand(shape, records), "round " + round);
    }
  }

  @Test
  void aLineLargerThanTheBufferIsWrittenWhole() throws IOException {
    String question = "å\"\n".repeat(100_000) + "x".repeat(70_000);
    var record = new HfRecord(question, "svar", "doc.md", "p", 0.5, null);
    byte[] written = byHand(RecordShape.PASSED, List.of(record));
    assertArrayEquals(jackson(RecordShape.PASSED, List.of(record)), written);
    assertEquals('\n', written[written.length - 1]);
  }

  @Test
  void controlCharactersAndQuotesAreEscapedAsJacksonEscapesThem() throws IOException {
    var text = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      text.append(c);
    }
    text.append("\u2028\u2029\u00a0😀/");
    var record = new HfRecord(text.toString(), "", "", "", Double.NaN, null);
    assertArrayEquals(
        jackson(RecordShape.PASSED, List.of(record)), byHand(RecordShape.PASSED, List.of(record)));
  }

  interface Ints {
    int in(int min, int max);
  }

  interface Bools {
    boolean next();
  }

  interface Longs {
    long next();
  }

  /** Records of a random shape; text from a small alphabet of everything that is escaped. */
  static final class RecordGenerator {
    private static final String[] PIECES = {
      "a", "Hur", " ", "å", "ÄÖ", "é", "😀", "\u2028", "\"", "\\", "\n", "\t", "\r", "\b", "\f",
      "\u0000", "\u0001", "\u001f", "\u007f", "/", "<", "'", "\u00a0", "\ufeff", "\uffff"
    };
    private static final double[] SCORES = {
      0.0,
      -0.0,
      1.0,
      0.5,
      0.72,
      0.1 + 0.2,
      1e-7,
      123456789.0,
      1e300,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      -3.25,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };

    private final Ints ints;
    private final Bools bools;
    private final Longs longs;

    RecordGenerator(Ints ints, Bools bools, Longs longs) {
      this.ints = ints;
      this.bools = bools;
      this.longs = longs;
    }

    RecordShape shape() {
      RecordShape base = bools.next() ? RecordShape.PASSED : RecordShape.REJECTED;
      List<Column.Kept> kept = new ArrayList<>();
      for (int i = ints.in(0, 3); i > 0; i--) {
        KeptType type = KEPT_TYPES[ints.in(0, KEPT_TYPES.length - 1)];
        String name = kept.size() % 2 == 0 ? "kept_" + kept.size() : "behållen_" + kept.size();
        kept.add(new Column.Kept(name, "p" + kept.size(), type, kept.size()));
      }
      return base.withKept(kept);
    }

    HfRecord record(RecordShape shape) {
      Object[] values = new Object[shape.keptColumns().size()];
      for (Column.Kept column : shape.keptColumns()) {
        values[column.index()] = bools.next() && bools.next() ? null : kept(column.keptType());
      }
      return new HfRecord(
          text(),
          text(),
          text(),
          text(),
          score(),
          shape.hasFailureReason() ? text() : null,
          KeptValues.of(values));
    }

    private Object kept(KeptType type) {
      return switch (type) {
        case STRING, JSON -> text();
        case FLOAT64 -> score();
        case INT64 -> longs.next();
        case BOOL -> bools.next();
        case STRING_LIST -> {
          List<Utf8Text> items = new ArrayList<>();
          for (int i = ints.in(0, 3); i > 0; i--) {
            items.add(bools.next() && bools.next() ? null : text());
          }
          yield items;
        }
      };
    }

    private double score() {
      return bools.next() ? SCORES[ints.in(0, SCORES.length - 1)] : ints.in(0, 1000) / 1000.0;
    }

    /**
     * Text as a reader hands it on: JSON-safe bytes marked so, a JSON body with two-character
     * escapes kept as it came, or any text unmarked.
     */
    private Utf8Text text() {
      var text = new StringBuilder();
      int pieces = ints.in(0, 12);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[ints.in(0, PIECES.length - 1)]);
      }
      if (bools.next()) {
        text.append("x".repeat(ints.in(0, 3) * 20_000)); // across the buffer's edge
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      boolean safe = true;
      for (byte b : bytes) {
        safe &= b != '"' && b != '\\' && (b < 0 || b >= 0x20);
      }
      if (safe && bools.next()) {
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 3); // a view, not the whole array
        System.arraycopy(bytes, 0, padded, 1, bytes.length);
        return Utf8Text.ofJsonSafeUtf8(padded, 1, bytes.length);
      }
      if (!safe && bools.next()) {
        Utf8Text escaped = shortEscaped(text.toString());
        if (escaped != null) {
          return escaped;
        }
      }
      return Utf8Text.ofUtf8(bytes, 0, bytes.length);
    }

    /** The text as a JSON body, in a larger array, if two-character escapes can spell it. */
    private static Utf8Text shortEscaped(String text) {
      var body = new StringBuilder("<");
      int escapes = 0;
      for (char c : text.toCharArray()) {
        String escape =
            switch (c) {
              case '"' -> "\\\"";
              case '\\' -> "\\\\";
              case '\b' -> "\\b";
              case '\f' -> "\\f";
              case '\n' -> "\\n";
              case '\r' -> "\\r";
              case '\t' -> "\\t";
              default -> null;
            };
        if (escape != null) {
          body.append(escape);
          escapes++;
        } else if (c < 0x20) {
          return null; // only a Unicode escape spells it
        } else {
          body.append(c);
        }
      }
      byte[] bytes = body.append('>').toString().getBytes(StandardCharsets.UTF_8);
      return Utf8Text.ofShortEscapedJson(bytes, 1, bytes.length - 2, escapes);
    }
  }
}
