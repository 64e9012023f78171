package io.qaexport.adapter.in.cli.report;

import java.io.PrintStream;
import java.util.function.IntSupplier;

/**
 * Where the command line writes: results to {@code out}, messages and the summary to {@code err};
 * and whether {@code err} is a terminal (then a progress bar may be drawn), and how wide: asked
 * only when a bar is laid out (see {@link TerminalWidth}).
 */
public record Console(PrintStream out, PrintStream err, boolean errIsTerminal, IntSupplier width) {

  /** A console whose terminal is {@code width} columns wide. */
  public Console(PrintStream out, PrintStream err, boolean errIsTerminal, int width) {
    this(out, err, errIsTerminal, () -> width);
  }

  /** A console whose stderr is not a terminal, as in tests and pipelines. */
  public Console(PrintStream out, PrintStream err) {
    this(out, err, false, TerminalWidth.DEFAULT);
  }
}
