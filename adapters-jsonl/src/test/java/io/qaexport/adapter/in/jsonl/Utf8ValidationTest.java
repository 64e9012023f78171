package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time paths must find the same byte as a byte-by-byte scan would. */
class Utf8ValidationTest {

  @Test
  void findsABadByteAtEveryPositionOfAnAsciiRun() {
    for (int length = 1; length <= 40; length++) {
      for (int bad = 0; bad < length; bad++) {
        byte[] line = new byte[length + 3];
        Arrays.fill(line, (byte) 'a');
        line[bad + 3] = (byte) 0xFF;
        assertEquals(
            bad + 3,
            Utf8Validation.firstInvalidByte(line, 3, length + 3),
            "length " + length + ", bad byte at " + bad);
      }
    }
  }

  @Test
  void multiByteCharactersAnywhereAreValidAndCutOnesAreNot() {
    String text = "Får jag äta? 😀 e\u0301 \u2028 ".repeat(5);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int start = 0; start < 9; start++) {
      byte[] shifted = new byte[bytes.length + start];
      Arrays.fill(shifted, (byte) ' ');
      System.arraycopy(bytes, 0, shifted, start, bytes.length);
      assertEquals(-1, Utf8Validation.firstInvalidByte(shifted, 0, shifted.length));
    }
    int emoji = text.indexOf("😀");
    int cut = new String(text.substring(0, emoji)).getBytes(StandardCharsets.UTF_8).length + 2;
    assertEquals(cut - 2, Utf8Validation.firstInvalidByte(bytes, 0, cut));
  }

  @Test
  void newlinesAreFoundAtEveryOffsetAcrossWords() throws Exception {
    for (int position = 0; position < 30; position++) {
      byte[] content = new byte[31];
      Arrays.fill(content, (byte) 'x');
      content[position] = '\n';
      var lines = new LineSplitter(new ByteArrayInputStream(content), 1 << 10);
      lines.next();
      assertEquals(position, lines.end() - lines.start(), "newline at " + position);
    }
  }
}
