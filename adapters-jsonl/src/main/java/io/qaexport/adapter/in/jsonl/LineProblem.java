package io.qaexport.adapter.in.jsonl;

/** Why one line holds no valid pair, and where in the line (1-based column, 0 if unknown). */
final class LineProblem extends Exception {
  private static final long serialVersionUID = 1L;
  private final int column;

  LineProblem(int column, String reason) {
    super(reason, null, false, false);
    this.column = column;
  }

  int column() {
    return column;
  }
}
