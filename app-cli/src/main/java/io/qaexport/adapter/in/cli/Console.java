package io.qaexport.adapter.in.cli;

import java.io.PrintStream;

/** Where the command line writes: results to {@code out}, messages and the summary to {@code err}. */
public record Console(PrintStream out, PrintStream err) {}
