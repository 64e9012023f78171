package io.qaexport.adapter.out.jsonl;

import io.qaexport.domain.KeptValues;
import io.qaexport.domain.Utf8Text;
import tools.jackson.core.JsonGenerator;

/** Writes a kept column's value ({@link KeptValues}) as JSON: null stays null. */
final class KeptJson {
  private KeptJson() {}

  static void write(JsonGenerator generator, Object value) {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Utf8Text text) {
      utf8(generator, text);
    } else if (value instanceof Double number) {
      generator.writeNumber(number.doubleValue());
    } else if (value instanceof Long number) {
      generator.writeNumber(number.longValue());
    } else if (value instanceof Boolean flag) {
      generator.writeBoolean(flag);
    } else {
      generator.writeStartArray();
      for (Utf8Text item : KeptValues.listOf(value)) {
        if (item == null) {
          generator.writeNull();
        } else {
          utf8(generator, item);
        }
      }
      generator.writeEndArray();
    }
  }

  private static void utf8(JsonGenerator generator, Utf8Text text) {
    generator.writeUTF8String(text.array(), text.offset(), text.length());
  }
}
