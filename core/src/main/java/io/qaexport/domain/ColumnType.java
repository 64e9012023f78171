package io.qaexport.domain;

/** The value types of output columns, named as HuggingFace {@code datasets} names them. */
public enum ColumnType {
  STRING("string"),
  FLOAT64("float64"),
  INT64("int64"),
  BOOL("bool"),
  /** A list of strings: {@code List(Value("string"))}; its {@link #hfDtype()} is the items'. */
  STRING_LIST("string");

  private final String hfDtype;

  ColumnType(String hfDtype) {
    this.hfDtype = hfDtype;
  }

  /**
   * The {@code dtype} of the matching {@code datasets.Value} feature (of the items, for a list).
   */
  public String hfDtype() {
    return hfDtype;
  }

  /** Whether values are lists of {@link #hfDtype()} values. */
  public boolean isList() {
    return this == STRING_LIST;
  }
}
