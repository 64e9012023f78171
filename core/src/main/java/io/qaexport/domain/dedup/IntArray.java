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

  void clear() {
    size = 0;
  }

  /** A linear search: for the few values of a short list. */
  boolean contains(int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  /** The values, in an array of exactly {@link #size()}: this one's own when it is full. */
  int[] array() {
    return size == values.length ? values : toArray();
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
