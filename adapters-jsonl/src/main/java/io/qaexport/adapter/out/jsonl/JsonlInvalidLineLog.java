package io.qaexport.adapter.out.jsonl;

import io.qaexport.application.port.out.InvalidLineLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * The {@code --on-error skip} log: one JSON object per skipped line with {@code line}, {@code
 * column} ({@code null} when unknown), {@code reason} and the line itself as {@code raw}; a line
 * that is not valid UTF-8 goes to {@code raw_base64} instead, so it is still kept byte for byte.
 */
final class JsonlInvalidLineLog implements InvalidLineLog {
  private final JsonGenerator generator;

  JsonlInvalidLineLog(Path file) throws IOException {
    this.generator = JsonlWriting.open(file);
  }

  @Override
  public void append(long lineNumber, int column, String reason, byte[] rawLine)
      throws IOException {
    try {
      generator.writeStartObject();
      generator.writeNumberProperty("line", lineNumber);
      // 0 is how callers say "unknown"; a reader of the log should not take it for a column.
      if (column > 0) {
        generator.writeNumberProperty("column", column);
      } else {
        generator.writeNullProperty("column");
      }
      generator.writeStringProperty("reason", reason);
      String text = strictUtf8(rawLine);
      if (text != null && !hasSurrogates(text)) {
        generator.writeStringProperty("raw", text);
      } else {
        generator.writeStringProperty("raw_base64", Base64.getEncoder().encodeToString(rawLine));
      }
      generator.writeEndObject();
      generator.writeRaw('\n');
    } catch (JacksonException e) {
      throw JsonlWriting.unwrap(e);
    }
  }

  @Override
  public void close() throws IOException {
    JsonlWriting.close(generator);
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean hasSurrogates(String text) {
    // Valid UTF-8 decodes supplementary characters to proper pairs; only pairs may appear.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
