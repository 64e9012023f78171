package io.qaexport.adapter.out.jsonl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;

/**
 * The writer's fast path: bytes that were a JSON string's content without an escape are copied
 * ({@code writeRawUTF8String}) instead of checked byte by byte ({@code writeUTF8String}). For any
 * valid UTF-8 without a quote, a backslash or a control character (what the scanner's unescaped
 * strings are), both must write the same bytes with the product's generator settings.
 */
class JsonSafeCopyFuzzTest {
  private static byte[] written(byte[] text, boolean copied) {
    var out = new ByteArrayOutputStream();
    try (JsonGenerator generator = JsonlWriting.open(out)) {
      generator.writeStartObject();
      generator.writeName("question");
      if (copied) {
        generator.writeRawUTF8String(text, 0, text.length);
      } else {
        generator.writeUTF8String(text, 0, text.length);
      }
      generator.writeEndObject();
    }
    return out.toByteArray();
  }

  /** The bytes, if they are what an unescaped JSON string may hold; else null. */
  private static byte[] jsonSafe(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
        return null;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
    return bytes;
  }

  @FuzzTest(maxDuration = "10m")
  void copyingJsonSafeBytesWritesWhatEscapingWrites(byte[] input) {
    byte[] text = jsonSafe(input);
    if (text == null) {
      return;
    }
    assertArrayEquals(written(text, false), written(text, true));
  }

  @Test
  void theCharactersJacksonCouldTreatSpeciallyAreCopiedAsItWritesThem() {
    for (String text :
        new String[] {
          "",
          "Hur mår du?",
          "ÅÄÖ åäö é ü ß",
          "a/b </script>",
          "\u2028 och \u2029",
          "\u007f",
          "😀 \uD83D\uDE00",
          "\u00a0\ufeff\uffff",
          "'single' <tag> & {braces} [x]",
          "x".repeat(70_000) + "å"
        }) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertArrayEquals(written(bytes, false), written(bytes, true), text);
    }
  }
}
