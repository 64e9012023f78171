package io.qaexport.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteWordsTest {
  @Test
  void theLowestMarkedByteIsWhereTheLowestHighBitIsWhateverIsMarkedAboveIt() {
    Random random = new Random(21);
    for (int lowest = 0; lowest < Long.BYTES; lowest++) {
      long bit = 0x80L << (8 * lowest);
      for (int i = 0; i < 1_000; i++) {
        long above = random.nextLong() & 0x8080808080808080L & -(bit << 1);
        long marks = bit | above;
        assertEquals(Long.numberOfTrailingZeros(marks) >>> 3, ByteWords.lowestMarkedByte(marks));
        assertEquals(lowest, ByteWords.lowestMarkedByte(marks));
      }
    }
  }

  /**
   * Against a byte-at-a-time search, in arrays of backslashes, bytes whose low seven bits are a
   * backslash's (0xdc, as in U+071C's UTF-8) and others, from every start to every end.
   */
  @Test
  void theNextBackslashIsTheFirstAByteAtATimeSearchFinds() {
    Random random = new Random(5);
    byte[] alphabet = {'\\', (byte) 0xdc, (byte) 0x9c, 'a', '"', 0x5d, 0x5b, (byte) 0x80};
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
      }
      for (int from = 0; from <= bytes.length; from++) {
        for (int end = from; end <= bytes.length; end++) {
          int expected = from;
          while (expected < end && bytes[expected] != '\\') {
            expected++;
          }
          assertEquals(expected, ByteWords.nextBackslash(bytes, from, end));
        }
      }
    }
  }
}
