package io.qaexport.domain.dedup;

import java.util.Arrays;

/** A growable array of primitive ints. */
public final class IntArray {
  private int[] values = new int[256];
  private int size;

  public void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  public int get(int index) {
    return values[index];
  }

  void set(int index, int value) {
    values[index] = value;
  }

  public int size() {
    return size;
  }

  /** The values, in an array of exactly {@link #size()}: this one's own when it is full. */
  int[] array() {
    return size == values.length ? values : toArray();
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
