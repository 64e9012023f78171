package io.qaexport.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A text kept as a JSON string's body ({@link Utf8Text#ofShortEscapedJson}) is, to everything but a
 * JSON writer, the text its escapes stand for: the same bytes, length, String, equality and hash.
 */
class ShortEscapedJsonTextTest {
  private static final String[][] ESCAPES = {
    {"\"", "\\\""},
    {"\\", "\\\\"},
    {"\b", "\\b"},
    {"\f", "\\f"},
    {"\n", "\\n"},
    {"\r", "\\r"},
    {"\t", "\\t"}
  };
  private static final String[] PLAIN = {"a", "Hur", " ", "å", "ÄÖ", "😀", "/", "\u2028", "x"};

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eachTwoCharacterEscapeStandsForItsCharacterWhereverItIs() {
    for (String[] escape : ESCAPES) {
      String text = "a" + escape[0] + "å" + escape[0] + escape[0];
      String body = "a" + escape[1] + "å" + escape[1] + escape[1];
      byte[] padded = utf8("[" + body + "]"); // a view into a larger array
      Utf8Text escaped = Utf8Text.ofShortEscapedJson(padded, 1, padded.length - 2, 3);
      assertEquals(text, escaped.toString());
      assertEquals(utf8(text).length, escaped.length());
      assertArrayEquals(
          utf8(text),
          Arrays.copyOfRange(
              escaped.array(), escaped.offset(), escaped.offset() + escaped.length()));
      assertEquals(Utf8Text.of(text), escaped);
      assertEquals(escaped, Utf8Text.of(text));
      assertEquals(Utf8Text.of(text).hashCode(), escaped.hashCode());
    }
  }

  /** A text, the JSON body that stands for it, and how many escapes the body holds. */
  private record Sample(String text, String body, int escapes) {
    /**
     * Up to {@code pieces} pieces, one in {@code oneIn} an escape, the others from {@code plain}.
     */
    static Sample random(Random random, int pieces, int oneIn, String[] plain) {
      var text = new StringBuilder();
      var body = new StringBuilder();
      int escapes = 0;
      for (int piece = random.nextInt(pieces); piece > 0; piece--) {
        if (random.nextInt(oneIn) == 0) {
          String[] escape = ESCAPES[random.nextInt(ESCAPES.length)];
          text.append(escape[0]);
          body.append(escape[1]);
          escapes++;
        } else {
          String chosen = plain[random.nextInt(plain.length)];
          text.append(chosen);
          body.append(chosen);
        }
      }
      return new Sample(text.toString(), body.toString(), escapes);
    }
  }

  @Test
  void randomTextsResolveToWhatTheirEscapesStandFor() {
    Random random = new Random(21);
    for (int round = 0; round < 2_000; round++) {
      Sample sample = Sample.random(random, 12, 3, PLAIN);
      byte[] bytes = utf8(sample.body());
      Utf8Text escaped = Utf8Text.ofShortEscapedJson(bytes, 0, bytes.length, sample.escapes());
      assertEquals(utf8(sample.text()).length, escaped.length(), sample.body());
      assertEquals(Utf8Text.of(sample.text()), escaped, sample.body());
      assertEquals(sample.text(), escaped.toString());
    }
  }

  @Test
  void aJsonWriterIsGivenTheBodyAsItCame() {
    byte[] padded = utf8("xx\\\"Hej\\\"\\nxx");
    Utf8Text escaped = Utf8Text.ofShortEscapedJson(padded, 2, padded.length - 4, 3);
    assertTrue(escaped.shortEscapedJson());
    assertFalse(escaped.jsonSafe());
    assertEquals(padded, escaped.jsonBodyArray());
    assertEquals(2, escaped.jsonBodyOffset());
    assertEquals(padded.length - 4, escaped.jsonBodyLength());
    assertEquals(6, escaped.length()); // "Hej" and a newline
    Utf8Text plain = Utf8Text.of("Hej");
    assertFalse(plain.shortEscapedJson());
    assertThrows(IllegalStateException.class, plain::jsonBodyArray);
  }

  @Test
  void aMiscountOrAnEscapeOfAnotherKindIsAnErrorNotAWrongText() {
    byte[] body = utf8("a\\nb");
    assertThrows(IllegalArgumentException.class, () -> Utf8Text.ofShortEscapedJson(body, 0, 4, 3));
    assertThrows(
        IllegalStateException.class, () -> Utf8Text.ofShortEscapedJson(body, 0, 4, 0).toString());
    byte[] unicode = utf8("a\\u00e5");
    assertThrows(
        IllegalStateException.class,
        () -> Utf8Text.ofShortEscapedJson(unicode, 0, unicode.length, 1).toString());
  }

  /**
   * Long bodies at any offset of a larger array, so escapes fall anywhere in an eight-byte word,
   * among bytes whose low seven bits are a backslash's (U+071C is 0xdc 0x9c in UTF-8).
   */
  @Test
  void longBodiesAtAnyOffsetResolveAsTheirEscapesSay() {
    Random random = new Random(8);
    String[] plain = {"a", "å", "\u071c", "Ü", "😀", "xxxxxxxx", "/"};
    for (int round = 0; round < 2_000; round++) {
      Sample sample = Sample.random(random, 60, 4, plain);
      byte[] bodyBytes = utf8(sample.body());
      int before = random.nextInt(9);
      byte[] padded = new byte[before + bodyBytes.length + random.nextInt(9)];
      Arrays.fill(padded, (byte) '\\');
      System.arraycopy(bodyBytes, 0, padded, before, bodyBytes.length);
      Utf8Text escaped =
          Utf8Text.ofShortEscapedJson(padded, before, bodyBytes.length, sample.escapes());
      assertArrayEquals(
          utf8(sample.text()),
          Arrays.copyOfRange(
              escaped.array(), escaped.offset(), escaped.offset() + escaped.length()),
          sample.body());
    }
  }
}
