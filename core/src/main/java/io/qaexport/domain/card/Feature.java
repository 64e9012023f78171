package io.qaexport.domain.card;

import io.qaexport.domain.RecordShape;
import java.util.List;
import java.util.Objects;

/**
 * One feature of a dataset as HuggingFace {@code datasets} declares it in a card's {@code
 * dataset_info}: a plain value, or a list of records (e.g. chat {@code messages}: a list of {@code
 * {role, content}}).
 */
public sealed interface Feature permits Feature.Value, Feature.ValueList, Feature.ListOf {

  String name();

  /** A {@code datasets.Value} of {@code dtype}, e.g. {@code string}, {@code float64}. */
  record Value(String name, String dtype) implements Feature {
    public Value {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dtype, "dtype");
    }
  }

  /** A list of plain values of {@code dtype}: {@code List(Value(dtype))}. */
  record ValueList(String name, String dtype) implements Feature {
    public ValueList {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dtype, "dtype");
    }
  }

  /** A list whose items are records with the given fields. */
  record ListOf(String name, List<Feature> fields) implements Feature {
    public ListOf {
      Objects.requireNonNull(name, "name");
      fields = List.copyOf(fields);
      if (fields.isEmpty()) {
        throw new IllegalArgumentException(name + ": a list needs item fields");
      }
    }
  }

  /** The features of rows that hold exactly the shape's columns. */
  static List<Feature> of(RecordShape shape) {
    return shape.columns().stream()
        .<Feature>map(
            column ->
                column.type().isList()
                    ? new ValueList(column.name(), column.type().hfDtype())
                    : new Value(column.name(), column.type().hfDtype()))
        .toList();
  }
}
