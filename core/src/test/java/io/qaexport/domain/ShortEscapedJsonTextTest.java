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

  @Test
  void randomTextsResolveToWhatTheirEscapesStandFor() {
    Random random = new Random(21);
    for (int round = 0; round < 2_000; round++) {
      var text = new StringBuilder();
      var body = new StringBuilder();
      int escapes = 0;
      for (int piece = random.nextInt(12); piece > 0; piece--) {
        if (random.nextInt(3) == 0) {
          String[] escape = ESCAPES[random.nextInt(ESCAPES.length)];
          text.append(escape[0]);
          body.append(escape[1]);
          escapes++;
        } else {
          String plain = PLAIN[random.nextInt(PLAIN.length)];
          text.append(plain);
          body.append(plain);
        }
      }
      byte[] bytes = utf8(body.toString());
      Utf8Text escaped = Utf8Text.ofShortEscapedJson(bytes, 0, bytes.length, escapes);
      assertEquals(utf8(text.toString()).length, escaped.length(), body.toString());
      assertEquals(Utf8Text.of(text.toString()), escaped, body.toString());
      assertEquals(text.toString(), escaped.toString());
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
}
