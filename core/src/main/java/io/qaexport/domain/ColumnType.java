package io.qaexport.domain;

/** The value types of output columns, named as HuggingFace {@code datasets} names them. */
public enum ColumnType {
  STRING("string"),
  FLOAT64("float64");

  private final String hfDtype;

  ColumnType(String hfDtype) {
    this.hfDtype = hfDtype;
  }

  /** The {@code dtype} of the matching {@code datasets.Value} feature. */
  public String hfDtype() {
    return hfDtype;
  }
}
