package io.qaexport.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * One output column: its name, value type, what it means to a reader of the dataset, and how its
 * value is taken from a record. Writers and the dataset card iterate a shape's columns, so a new
 * column is one definition that every writer follows.
 */
public sealed interface Column permits Column.Text, Column.Float64, Column.Kept {

  String name();

  ColumnType type();

  /** One line for the dataset card's column table. */
  String meaning();

  /**
   * A text column; its value is never null.
   *
   * @param value the value as a {@code String} (the column's API since the first release)
   * @param categorical whether it holds few distinct values (a persona, a source document), so that
   *     a dictionary of them pays; free text (questions, answers) is nearly unique
   * @param utf8Value the value as UTF-8 bytes, which writers take: the built-in columns hand on the
   *     input's own bytes; a column made from a {@code String} function encodes its value
   */
  record Text(
      String name,
      String meaning,
      Function<HfRecord, String> value,
      boolean categorical,
      Function<HfRecord, Utf8Text> utf8Value)
      implements Column {
    public Text {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(meaning, "meaning");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(utf8Value, "utf8Value");
    }

    /** A column from a {@code String} function, as plugins make them. */
    public Text(
        String name, String meaning, Function<HfRecord, String> value, boolean categorical) {
      this(name, meaning, value, categorical, record -> Utf8Text.of(value.apply(record)));
    }

    /** A free-text column from a {@code String} function. */
    public Text(String name, String meaning, Function<HfRecord, String> value) {
      this(name, meaning, value, false);
    }

    /** A column whose value is UTF-8 already (the built-in columns): nothing is decoded. */
    public static Text ofUtf8(
        String name, String meaning, Function<HfRecord, Utf8Text> utf8Value, boolean categorical) {
      Objects.requireNonNull(utf8Value, "utf8Value");
      return new Text(
          name, meaning, record -> utf8Value.apply(record).toString(), categorical, utf8Value);
    }

    @Override
    public ColumnType type() {
      return ColumnType.STRING;
    }

    public String of(HfRecord record) {
      return value.apply(record);
    }

    /** The value as UTF-8 bytes, which is what writers write. */
    public Utf8Text utf8(HfRecord record) {
      return utf8Value.apply(record);
    }

    // equals and hashCode as the generated ones behave, spelled out: those link method-handle
    // trees at run time (~30 ms of a run's start-up, when a shape is first hashed).
    @Override
    public boolean equals(Object other) {
      return other instanceof Text that
          && name.equals(that.name)
          && meaning.equals(that.meaning)
          && value.equals(that.value)
          && categorical == that.categorical
          && utf8Value.equals(that.utf8Value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, meaning, value, categorical, utf8Value);
    }
  }

  /** A 64-bit floating-point column. */
  record Float64(String name, String meaning, ToDoubleFunction<HfRecord> value) implements Column {
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

    @Override
    public boolean equals(Object other) {
      return other instanceof Float64 that
          && name.equals(that.name)
          && meaning.equals(that.meaning)
          && value.equals(that.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, meaning, value);
    }
  }

  /**
   * A column kept from an input field ({@code --keep-columns}); its value is null where the field
   * is missing or JSON null.
   *
   * @param path the input field, dotted for nested objects: {@code persona.situation}
   * @param keptType what the value is written as
   * @param index the column's place among the shape's kept columns, i.e. in {@link KeptValues}
   */
  record Kept(String name, String path, KeptType keptType, int index) implements Column {
    public Kept {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(keptType, "keptType");
      if (index < 0) {
        throw new IllegalArgumentException("a kept column's index is at least 0");
      }
    }

    @Override
    public ColumnType type() {
      return keptType.columnType();
    }

    @Override
    public String meaning() {
      return "kept from the input field `"
          + path
          + "`"
          + (keptType == KeptType.JSON ? ", as its JSON text" : "");
    }

    /** The path's keys, outermost first. */
    public List<String> keys() {
      return List.of(path.split("\\.", -1));
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Kept that
          && name.equals(that.name)
          && path.equals(that.path)
          && keptType == that.keptType
          && index == that.index;
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, path, keptType, index);
    }

    /** The value (see {@link KeptValues}), or {@code null}. */
    public Object of(HfRecord record) {
      return record.kept().get(index);
    }

    /** The value as a person reads it: {@code null}, text, a number, or {@code [a, b]}. */
    public String text(HfRecord record) {
      Object value = of(record);
      if (value instanceof List<?> list) {
        return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
      }
      return String.valueOf(value);
    }
  }
}
