package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.json.JsonFactory;

/**
 * Differential: {@link JsonLineScanner} against Jackson ({@link JacksonLineReference}) with the
 * reader's factory, one with tiny limits and one without NaN. For every input the verdict must be
 * the same, and on a valid line so must the root's kind, every path's kind, bytes and escape flag,
 * the first duplicate and the first plus-signed infinity. Each scanner is kept from input to input,
 * as a reading thread keeps its one, and scans the line both alone and with bytes after it that
 * would complete it (a read past the line's end shows). See {@code FUZZING.md}.
 */
class JsonLineScannerFuzzTest {
  /** The reader's fields, a made-up nested one, and short keys that arbitrary bytes hit. */
  static final List<String> PATHS =
      List.of(
          "question",
          "answer",
          "source_document",
          "persona",
          "persona.roll",
          "persona.erfarenhet",
          "validation",
          "validation.composite_score",
          "validation.failure_reason",
          "metadata.tags",
          "a",
          "a.b",
          "a.b.c",
          "b",
          "ö");

  private static final List<JsonFactory> FACTORIES =
      List.of(
          JacksonLineReference.productFactory(1 << 20),
          JacksonLineReference.tightFactory(),
          JacksonLineReference.strictFactory());

  private static final List<JsonLineScanner> SCANNERS =
      FACTORIES.stream().map(json -> new JsonLineScanner(json, PATHS)).toList();

  /** What could complete a line cut short, if the scanner read past its end. */
  private static final byte[] TAIL = "0e1\"]}ull ".getBytes(StandardCharsets.US_ASCII);

  @FuzzTest(maxDuration = "5m")
  void anyBytesScanAsJacksonReads(byte[] line) {
    check(line);
  }

  @FuzzTest(maxDuration = "5m")
  void generatedLinesScanAsJacksonReads(FuzzedDataProvider data) {
    check(new Generator(data).line());
  }

  private static void check(byte[] line) {
    byte[] placed = new byte[line.length + 2 + TAIL.length];
    placed[0] = '{';
    placed[1] = '"';
    System.arraycopy(line, 0, placed, 2, line.length);
    System.arraycopy(TAIL, 0, placed, 2 + line.length, TAIL.length);
    for (int i = 0; i < FACTORIES.size(); i++) {
      JacksonLineReference.Outcome expected =
          JacksonLineReference.walk(FACTORIES.get(i), line, PATHS);
      JsonLineScanner scanner = SCANNERS.get(i);
      int factory = i;
      assertEquals(
          expected,
          JacksonLineReference.of(scanner, scanner.scan(line, 0, line.length), 0),
          () -> "factory " + factory + ", line " + JsonLineScannerTest.show(line));
      assertEquals(
          expected,
          JacksonLineReference.of(scanner, scanner.scan(placed, 2, line.length), 2),
          () -> "factory " + factory + " amid other bytes, line " + JsonLineScannerTest.show(line));
    }
  }

  /**
   * Lines that are mostly the reader's objects: its fields and nested ones, keys spelled with and
   * without escapes and sometimes twice, Swedish and escaped text, numbers of every form, NaN and
   * the infinities; then, sometimes, a few bytes changed so the line is almost valid.
   */
  static final class Generator {
    private static final String[] KEYS = {
      "question",
      "answer",
      "source_document",
      "persona",
      "roll",
      "erfarenhet",
      "validation",
      "composite_score",
      "failure_reason",
      "metadata",
      "tags",
      "a",
      "b",
      "c",
      "ö",
      "id",
      "",
    };
    private static final String[] TEXTS = {
      "Vad är skillnaden mellan å, ä och ö?",
      "Svar: \\\"citat\\\"\\n\\tindrag\\r\\n",
      "\\u00e5\\u00E4\\u00f6 \\/ \\\\ \\b\\f",
      "\\uD83D\\uDE00 😀 €",
      "\\uD800 ensam, \\uDC00 ensam",
      "ÅÄÖ åäö ÅÄÖ åäö ÅÄÖ",
      "",
      " ",
      "tab\there",
      "\\u0000\\u001f",
      "\\x",
      "\\u12",
    };
    private static final String[] NUMBERS = {
      "0", "-0", "1", "-1", "0.75", "-0.5e-3", "1E+10", "12345", "123456", "1.2345", "1.23456",
      "1e999", "01", "1.", ".5", "-", "1e", "+1", "NaN", "Infinity", "-Infinity", "+Infinity",
      "-INF", "+INF", "INF", "-NaN", "99999999999999999999999",
    };
    private static final String[] LITERALS = {"true", "false", "null", "tru", "nulll", "True"};
    private static final String[] SPACES = {"", "", "", " ", "  ", "\t", "\r", "\n", "\f"};
    private static final byte[] NOISE = {
      '"',
      '\\',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ' ',
      0,
      0x1F,
      (byte) 0xC3,
      (byte) 0xA5,
      (byte) 0x80,
      (byte) 0xED,
      'e',
      '-',
      '0',
      '+',
      'u',
      '.',
      'I',
      'N',
    };

    private final FuzzedDataProvider data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int budget = 80;

    Generator(FuzzedDataProvider data) {
      this.data = data;
    }

    byte[] line() {
      if (data.consumeInt(0, 30) == 0) {
        write("\uFEFF");
      }
      space();
      if (data.consumeInt(0, 10) == 0) {
        value(0);
      } else {
        object(0, true);
      }
      space();
      byte[] line = out.toByteArray();
      int mutations = data.consumeInt(0, 6) - 3;
      for (int i = 0; i < mutations && line.length > 0; i++) {
        line = mutate(line);
      }
      return line;
    }

    private byte[] mutate(byte[] line) {
      int at = data.consumeInt(0, line.length - 1);
      byte noise = data.pickValue(NOISE);
      ByteArrayOutputStream changed = new ByteArrayOutputStream();
      changed.write(line, 0, at);
      switch (data.consumeInt(0, 2)) {
        case 0 -> changed.write(line, at + 1, line.length - at - 1); // delete
        case 1 -> {
          changed.write(noise); // insert
          changed.write(line, at, line.length - at);
        }
        default -> {
          changed.write(noise); // replace
          changed.write(line, at + 1, line.length - at - 1);
        }
      }
      return changed.toByteArray();
    }

    private void object(int depth, boolean wellKnown) {
      write("{");
      int members = data.consumeInt(0, wellKnown ? 7 : 4);
      for (int i = 0; i < members && budget-- > 0; i++) {
        if (i > 0) {
          space();
          write(",");
        }
        space();
        key();
        space();
        write(":");
        space();
        value(depth + 1);
      }
      space();
      write("}");
    }

    private void key() {
      String key = data.consumeInt(0, 12) == 0 ? data.consumeString(6) : data.pickValue(KEYS);
      write("\"");
      for (int i = 0; i < key.length(); i++) {
        char c = key.charAt(i);
        switch (data.consumeInt(0, 8)) {
          case 0 -> write(String.format("\\u%04x", (int) c));
          case 1 -> write(String.format("\\u%04X", (int) c));
          default -> {
            if (c == '"' || c == '\\' || c < 0x20) {
              write(String.format("\\u%04x", (int) c));
            } else {
              write(String.valueOf(c));
            }
          }
        }
      }
      write("\"");
    }

    private void value(int depth) {
      int kind = data.consumeInt(0, depth > 5 || budget <= 0 ? 3 : 6);
      switch (kind) {
        case 0 -> {
          write("\"");
          int parts = data.consumeInt(0, 3);
          for (int i = 0; i < parts; i++) {
            write(data.consumeInt(0, 4) == 0 ? data.consumeString(8) : data.pickValue(TEXTS));
          }
          write("\"");
        }
        case 1 -> write(data.pickValue(NUMBERS));
        case 2 -> write(data.pickValue(LITERALS));
        case 3 -> write(data.pickValue(NUMBERS).replace("1", "12"));
        case 4, 5 -> object(depth, false);
        default -> {
          write("[");
          int elements = data.consumeInt(0, 4);
          for (int i = 0; i < elements && budget-- > 0; i++) {
            if (i > 0) {
              write(",");
            }
            space();
            value(depth + 1);
          }
          write("]");
        }
      }
    }

    private void space() {
      write(data.pickValue(SPACES));
    }

    private void write(String text) {
      out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
