package io.qaexport.domain;

import java.util.ArrayList;
import java.util.List;

/** The two output schemas: passed pairs, and rejected pairs which also carry the failure reason. */
public enum RecordShape {
  PASSED(Columns.PASSED),
  REJECTED(Columns.withFailureReason());

  private final List<Column> columns;

  RecordShape(List<Column> columns) {
    this.columns = columns;
  }

  /** The columns in output order. */
  public List<Column> columns() {
    return columns;
  }

  public boolean hasFailureReason() {
    return this == REJECTED;
  }

  // Enum constants cannot read the enum's own static fields while being built; a holder can.
  private static final class Columns {
    static final List<Column> PASSED =
        List.of(
            new Column("question", ColumnType.STRING),
            new Column("answer", ColumnType.STRING),
            new Column("source", ColumnType.STRING),
            new Column("persona", ColumnType.STRING),
            new Column("validation_score", ColumnType.FLOAT64));

    static List<Column> withFailureReason() {
      var columns = new ArrayList<>(PASSED);
      columns.add(new Column("failure_reason", ColumnType.STRING));
      return List.copyOf(columns);
    }
  }
}
