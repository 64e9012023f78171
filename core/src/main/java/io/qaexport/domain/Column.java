package io.qaexport.domain;

import java.util.Objects;

/** One output column: its name and value type. */
public record Column(String name, ColumnType type) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
