package io.qaexport.adapter.in.cli.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/**
 * The terminal's width in columns, for the progress line: the one given (a launcher may pass {@code
 * -Dqa-export.terminal-width}), else {@code stty size} asked on {@code /dev/tty} the first time a
 * bar is laid out, else {@value #DEFAULT}. Asked here rather than by the launcher: most runs draw
 * no bar, and a process started before java costs every run (issue 21).
 */
public final class TerminalWidth implements IntSupplier {
  static final int DEFAULT = 80;

  private final String given;
  private int columns;

  /**
   * @param given the width as the launcher gave it, or null to ask the terminal
   */
  public TerminalWidth(String given) {
    this.given = given;
  }

  @Override
  public synchronized int getAsInt() {
    if (columns == 0) {
      columns = given != null ? columns(given) : askTheTerminal();
    }
    return columns;
  }

  /** {@code text} as a number of columns; {@value #DEFAULT} if it is none. */
  static int columns(String text) {
    try {
      int columns = Integer.parseInt(text.trim());
      return columns > 0 ? columns : DEFAULT;
    } catch (NumberFormatException e) {
      return DEFAULT;
    }
  }

  private static int askTheTerminal() {
    try {
      Process stty =
          new ProcessBuilder("stty", "size")
              .redirectInput(new File("/dev/tty"))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String rowsAndColumns =
          new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      int space = rowsAndColumns.indexOf(' ');
      if (stty.waitFor() == 0 && space > 0) {
        return columns(rowsAndColumns.substring(space + 1));
      }
    } catch (IOException e) {
      // No stty, or no terminal to ask (/dev/tty cannot be opened): the default.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT;
  }
}
