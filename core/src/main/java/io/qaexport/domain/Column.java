package io.qaexport.domain;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One output column: its name, value type, what it means to a reader of the dataset, and how its
 * value is taken from a record. Writers and the dataset card iterate a shape's columns, so a new
 * column is one definition that every writer follows.
 */
public sealed interface Column permits Column.Text, Column.Float64 {

  String name();

  ColumnType type();

  /** One line for the dataset card's column table. */
  String meaning();

  /**
   * A text column; its value is never null.
   *
   * @param categorical whether it holds few distinct values (a persona, a source document), so
   *     that a dictionary of them pays; free text (questions, answers) is nearly unique
   */
  record Text(String name, String meaning, Function<HfRecord, Utf8Text> value, boolean categorical)
      implements Column {
    public Text {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(meaning, "meaning");
      Objects.requireNonNull(value, "value");
    }

    /** A free-text column. */
    public Text(String name, String meaning, Function<HfRecord, Utf8Text> value) {
      this(name, meaning, value, false);
    }

    @Override
    public ColumnType type() {
      return ColumnType.STRING;
    }

    public String of(HfRecord record) {
      return value.apply(record).toString();
    }

    /** The value as UTF-8 bytes, which is what writers write: no decoding. */
    public Utf8Text utf8(HfRecord record) {
      return value.apply(record);
    }
  }

  /** A 64-bit floating-point column. */
  record Float64(String name, String meaning, ToDoubleFunction<HfRecord> value)
      implements Column {
    public Float64 {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(meaning, "meaning");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public ColumnType type() {
      return ColumnType.FLOAT64;
    }

    public double of(HfRecord record) {
      return value.applyAsDouble(record);
    }
  }
}
