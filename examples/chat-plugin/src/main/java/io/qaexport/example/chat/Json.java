package io.qaexport.example.chat;

import java.util.List;

/** JSON string literals with only what JSON requires escaped; everything else as itself. */
final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /** A kept column's value: null, text, a number, a boolean, or a list of texts. */
  static void keptValue(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof List<?> items) {
      out.append('[');
      String separator = "";
      for (Object item : items) {
        out.append(separator);
        keptValue(out, item);
        separator = ",";
      }
      out.append(']');
    } else if (value instanceof Double || value instanceof Long || value instanceof Boolean) {
      // Double.toString always has a fraction or exponent: readers see a float column.
      out.append(value);
    } else {
      string(out, value.toString());
    }
  }

  static void string(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
