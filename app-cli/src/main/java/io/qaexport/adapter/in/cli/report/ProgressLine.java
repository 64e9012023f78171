package io.qaexport.adapter.in.cli.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The layout of one file's progress line, fixed when the file starts: which parts fit the terminal
 * and how wide the bar is. Every part has a fixed width, so the line never changes length or moves
 * mid-run; on a narrow terminal whole parts are left out, least useful first, and a number is never
 * cut.
 */
final class ProgressLine {
  /**
   * Numbers are written with ROOT's digits and separators (1,234.5); Formatter has those of
   * Locale.US built in, while any other locale, ROOT too, loads the CLDR locale data first (about
   * 20 ms of a short run's start-up).
   */
  private static final Locale NUMBERS = Locale.US;

  /** The parts, in the order they appear on the line. */
  enum Part {
    NAME,
    BAR,
    PERCENT,
    BYTES,
    SPEED,
    LINES_PER_SECOND,
    ETA
  }

  /** Parts in the order they are given room: the first that do not fit are dropped last. */
  private static final List<Part> PRIORITY =
      List.of(
          Part.PERCENT,
          Part.BYTES,
          Part.ETA,
          Part.SPEED,
          Part.BAR,
          Part.NAME,
          Part.LINES_PER_SECOND);

  private static final int MIN_BAR = 8;
  private static final int MAX_BAR = 40;
  private static final int MAX_NAME = 30;
  private static final String GAP = "  ";
  private static final double MIB = 1 << 20;

  private final String name;
  private final long totalBytes;
  private final Set<Part> parts;
  private final int barCells;
  private final int bytesWidth;

  private ProgressLine(
      String name, long totalBytes, Set<Part> parts, int barCells, int bytesWidth) {
    this.name = name;
    this.totalBytes = totalBytes;
    this.parts = parts;
    this.barCells = barCells;
    this.bytesWidth = bytesWidth;
  }

  /**
   * The layout for a file of {@code totalBytes} (-1: unknown, then no bar, percentage or ETA) on a
   * terminal {@code columns} wide. The last column stays free: writing it wraps some terminals.
   */
  static ProgressLine layout(String fileName, long totalBytes, int columns) {
    String name =
        fileName.length() <= MAX_NAME ? fileName : fileName.substring(0, MAX_NAME - 1) + "…";
    boolean known = totalBytes >= 0;
    int bytesWidth = known ? mib(totalBytes).length() : 7;
    int room = columns - 1;
    Set<Part> chosen = EnumSet.noneOf(Part.class);
    int used = 0;
    for (Part part : PRIORITY) {
      if (!known && (part == Part.PERCENT || part == Part.ETA || part == Part.BAR)) {
        continue;
      }
      int width = part == Part.BAR ? MIN_BAR + 2 : width(part, name, bytesWidth, known);
      int needed = width + (chosen.isEmpty() ? 0 : GAP.length());
      if (used + needed <= room) {
        chosen.add(part);
        used += needed;
      }
    }
    int barCells = 0;
    if (chosen.contains(Part.BAR)) {
      barCells = Math.min(MAX_BAR, MIN_BAR + room - used);
    }
    return new ProgressLine(name, totalBytes, chosen, barCells, bytesWidth);
  }

  Set<Part> parts() {
    return parts;
  }

  /** The line for {@code bytes} read and the rates (NaN while not yet known, shown as a dash). */
  String render(long bytes, double bytesPerSecond, double linesPerSecond) {
    List<String> out = new ArrayList<>();
    boolean known = totalBytes >= 0;
    double fraction = known && totalBytes > 0 ? Math.min(1, (double) bytes / totalBytes) : 1;
    for (Part part : Part.values()) {
      if (!parts.contains(part)) {
        continue;
      }
      out.add(
          switch (part) {
            case NAME -> name;
            case BAR -> bar(fraction);
            case PERCENT -> String.format(NUMBERS, "%3d%%", (int) Math.floor(fraction * 100));
            case BYTES ->
                known
                    ? pad(mib(bytes), bytesWidth) + "/" + mib(totalBytes) + " MiB"
                    : pad(mib(bytes), bytesWidth) + " MiB";
            case SPEED ->
                pad(Double.isNaN(bytesPerSecond) ? "–" : mib((long) bytesPerSecond), 6) + " MiB/s";
            case LINES_PER_SECOND ->
                pad(
                        Double.isNaN(linesPerSecond)
                            ? "–"
                            : String.format(NUMBERS, "%,.0f", linesPerSecond),
                        10)
                    + " lines/s";
            case ETA -> "ETA " + pad(eta(totalBytes - bytes, bytesPerSecond), 7);
          });
    }
    return String.join(GAP, out);
  }

  private String bar(double fraction) {
    int full = (int) Math.floor(fraction * barCells);
    return "[" + "█".repeat(full) + "░".repeat(barCells - full) + "]";
  }

  private static int width(Part part, String name, int bytesWidth, boolean known) {
    return switch (part) {
      case NAME -> name.length();
      case BAR -> MIN_BAR + 2;
      case PERCENT -> 4;
      case BYTES -> known ? bytesWidth * 2 + 1 + 4 : bytesWidth + 4;
      case SPEED -> 6 + 6;
      case LINES_PER_SECOND -> 10 + 8;
      case ETA -> 4 + 7;
    };
  }

  private static String eta(long bytesLeft, double bytesPerSecond) {
    if (Double.isNaN(bytesPerSecond) || bytesPerSecond <= 0) {
      return "–";
    }
    long seconds = (long) Math.ceil(Math.max(0, bytesLeft) / bytesPerSecond);
    if (seconds >= 100 * 3600) {
      return ">99h";
    }
    return seconds >= 3600
        ? String.format(NUMBERS, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(NUMBERS, "%d:%02d", seconds / 60, seconds % 60);
  }

  private static String mib(long bytes) {
    return String.format(NUMBERS, "%.1f", bytes / MIB);
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }
}
