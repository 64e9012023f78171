package io.qaexport.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A record's values of the kept columns ({@code --keep-columns}), in the columns' order. A value is
 * {@code null} (missing or JSON null), a {@link Utf8Text} ({@code string}, {@code json}), a {@code
 * Double}, a {@code Long}, a {@code Boolean}, or a {@code List<Utf8Text>} whose elements may be
 * null. Immutable once handed on.
 */
public final class KeptValues {
  public static final KeptValues NONE = new KeptValues(new Object[0]);

  private final Object[] values;

  private KeptValues(Object[] values) {
    this.values = values;
  }

  /** The values as given, not copied: the caller hands the array over. */
  public static KeptValues of(Object... values) {
    return values.length == 0 ? NONE : new KeptValues(values);
  }

  public int size() {
    return values.length;
  }

  /** The value of the kept column at {@code index}, or {@code null}. */
  public Object get(int index) {
    return values[index];
  }

  /** The elements of a {@code list<string>} value. */
  @SuppressWarnings("unchecked")
  public static List<Utf8Text> listOf(Object value) {
    return (List<Utf8Text>) value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeptValues that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
