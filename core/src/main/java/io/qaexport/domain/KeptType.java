package io.qaexport.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The type a kept input field ({@code --keep-columns}) is written as. A value of another JSON type
 * makes the record invalid; JSON null or a missing field is null in the output.
 */
public enum KeptType {
  /** A JSON string. */
  STRING("string", ColumnType.STRING),
  /** A finite JSON number. */
  FLOAT64("float64", ColumnType.FLOAT64),
  /** A JSON integer from -2^63 to 2^63-1, written without a fraction. */
  INT64("int64", ColumnType.INT64),
  /** {@code true} or {@code false}. */
  BOOL("bool", ColumnType.BOOL),
  /** An array of strings (an element may be null). */
  STRING_LIST("list<string>", ColumnType.STRING_LIST),
  /** Any JSON value, kept as its exact JSON text in a string column: lossless for nested values. */
  JSON("json", ColumnType.STRING);

  private final String spelling;
  private final ColumnType columnType;

  KeptType(String spelling, ColumnType columnType) {
    this.spelling = spelling;
    this.columnType = columnType;
  }

  /** As {@code --keep-columns} spells it, e.g. {@code list<string>}. */
  public String spelling() {
    return spelling;
  }

  public ColumnType columnType() {
    return columnType;
  }

  /** The type a spelling names, ignoring case; empty for an unknown one. */
  public static Optional<KeptType> ofSpelling(String spelling) {
    String wanted = spelling.strip().toLowerCase(Locale.ROOT);
    for (KeptType type : values()) {
      if (type.spelling.equals(wanted)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** What a value of this type is, for messages: "a string or null". */
  public String expected() {
    return switch (this) {
      case STRING -> "a string or null";
      case FLOAT64 -> "a number or null";
      case INT64 -> "an integer or null";
      case BOOL -> "true, false or null";
      case STRING_LIST -> "an array of strings or null";
      case JSON -> "any JSON value";
    };
  }
}
