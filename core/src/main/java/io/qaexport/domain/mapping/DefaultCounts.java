package io.qaexport.domain.mapping;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** How often each default was applied. Mutable while a file is mapped; not thread-safe. */
public final class DefaultCounts {
  private final long[] counts = new long[DefaultedField.values().length];

  /** Adds one to each field whose bit ({@code 1 << ordinal}) is set. */
  public void add(int fieldBits) {
    for (int bits = fieldBits; bits != 0; bits &= bits - 1) {
      counts[Integer.numberOfTrailingZeros(bits)]++;
    }
  }

  public long get(DefaultedField field) {
    return counts[field.ordinal()];
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** The non-zero counts, in field order. */
  public Map<DefaultedField, Long> nonZero() {
    var result = new EnumMap<DefaultedField, Long>(DefaultedField.class);
    for (DefaultedField field : DefaultedField.values()) {
      if (get(field) > 0) {
        result.put(field, get(field));
      }
    }
    return result;
  }
}
