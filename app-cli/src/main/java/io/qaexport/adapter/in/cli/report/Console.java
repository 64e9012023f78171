package io.qaexport.adapter.in.cli.report;

import java.io.PrintStream;

/**
 * Where the command line writes: results to {@code out}, messages and the summary to {@code err};
 * and whether {@code err} is a terminal (then a progress bar may be drawn), and how wide.
 */
public record Console(PrintStream out, PrintStream err, boolean errIsTerminal, int width) {

  /** A console whose stderr is not a terminal, as in tests and pipelines. */
  public Console(PrintStream out, PrintStream err) {
    this(out, err, false, 80);
  }
}
