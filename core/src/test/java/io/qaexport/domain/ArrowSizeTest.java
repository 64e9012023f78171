package io.qaexport.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArrowSizeTest {

  @Test
  void aRecordCountsItsStringsWithTheirOffsetsAndEightBytesPerScore() {
    var size = new ArrowSize();
    size.add(new HfRecord("då", "", "s", "p", 0.5, null));
    size.add(new HfRecord("q", "a", "s", "p", 1.0, "för vagt"));

    // Passed: 4 strings of 3+0+1+1 bytes with 4-byte offsets, and a double.
    // Rejected: 5 strings of 1+1+1+1+9 bytes with offsets, and a double.
    assertEquals((5 + 16 + 8) + (13 + 20 + 8), size.bytes());
  }
}
