package io.qaexport.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrowSizeTest {

  @Test
  void theUtf8LengthIsWhatTheEncoderWrites() {
    for (String text : List.of("", "abc", "åäö", "e\u0301", "😀👩‍⚕️🇸🇪", "\u2028\u0800\u07ff",
        "tab\tny\nrad")) {
      assertEquals(text.getBytes(StandardCharsets.UTF_8).length, ArrowSize.utf8Length(text),
          text);
    }
  }

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
