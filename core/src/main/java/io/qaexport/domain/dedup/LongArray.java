package io.qaexport.domain.dedup;

import java.util.Arrays;

/** A growable array of primitive longs: no boxing for per-pair keys. */
public final class LongArray {
  private long[] values = new long[256];
  private int size;

  public void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  public long get(int index) {
    return values[index];
  }

  void set(int index, long value) {
    values[index] = value;
  }

  public int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
