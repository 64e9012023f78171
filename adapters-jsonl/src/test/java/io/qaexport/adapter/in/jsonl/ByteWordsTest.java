package io.qaexport.adapter.in.jsonl;

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
}
