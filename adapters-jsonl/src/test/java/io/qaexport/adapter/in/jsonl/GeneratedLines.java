package io.qaexport.adapter.in.jsonl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Random JSONL files that hit the reader's cases: pairs with Swedish text, emoji, escapes and
 * numbers, wrong types, invalid JSON and UTF-8, blank and whitespace lines, CRLF, byte-order marks
 * at the start and mid-file, long lines, and a last line with or without its line end.
 */
final class GeneratedLines {
  private static final String[] TEXTS = {
    "Hur ofta ska såret läggas om?",
    "Två gånger per dygn. [source:rutiner/sår.md#omläggning]",
    "emoji 🧑‍⚕️ och å",
    "tab\\tnewline\\n\\u2028 \\\"citat\\\"",
    "Steg 1:\\n\\\"Tvätta händerna\\\"\\t\\\\ klart\\r\\b\\f",
    "\\ud83d\\ude00",
    "\\ud800 ensam",
    "",
    "a",
    "rutiner/lakemedel.md"
  };

  private GeneratedLines() {}

  static byte[] file(Random random, int lines) {
    var out = new ByteArrayOutputStream();
    if (random.nextInt(4) == 0) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    for (int i = 0; i < lines; i++) {
      out.writeBytes(line(random));
      if (i < lines - 1 || random.nextBoolean()) {
        out.writeBytes(random.nextInt(5) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      }
    }
    return out.toByteArray();
  }

  private static byte[] line(Random random) {
    return switch (random.nextInt(14)) {
      case 0 -> new byte[0];
      case 1 -> "  \t ".getBytes(StandardCharsets.UTF_8);
      case 2 -> invalidUtf8(random);
      case 3 -> ("{\"question\": " + random.nextInt() + "}").getBytes(StandardCharsets.UTF_8);
      case 4 -> "{\"question\": \"trasig".getBytes(StandardCharsets.UTF_8);
      case 5 -> "\uFEFF{\"question\": \"mitt i filen\"}".getBytes(StandardCharsets.UTF_8);
      case 6 ->
          ("{\"answer\": \"" + "lång ".repeat(random.nextInt(3000)) + "\"}")
              .getBytes(StandardCharsets.UTF_8);
      case 7 -> "{\"composite_score\": +Infinity}".getBytes(StandardCharsets.UTF_8);
      default -> pair(random).getBytes(StandardCharsets.UTF_8);
    };
  }

  private static String pair(Random random) {
    String score =
        switch (random.nextInt(5)) {
          case 0 -> "NaN";
          case 1 -> "\"0.5\"";
          case 2 -> "null";
          default -> Double.toString(random.nextDouble());
        };
    return "{\"question\": \""
        + text(random)
        + "\", \"answer\": \""
        + text(random)
        + "\", \"source_document\": \""
        + text(random)
        + "\", \"persona\": {\"roll\": \""
        + text(random)
        + "\", \"erfarenhet\": "
        + (random.nextBoolean() ? "\"ny\"" : "null")
        + "}, \"extra\": [1, {\"x\": true}], \"validation\": {\"composite_score\": "
        + score
        + ", \"failure_reason\": \""
        + text(random)
        + "\"}}";
  }

  private static String text(Random random) {
    return TEXTS[random.nextInt(TEXTS.length)];
  }

  private static byte[] invalidUtf8(Random random) {
    byte[] bytes = ("{\"question\": \"xx\"}").getBytes(StandardCharsets.UTF_8);
    bytes[14 + random.nextInt(2)] = (byte) (0x80 + random.nextInt(128));
    return bytes;
  }
}
