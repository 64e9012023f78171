package io.qaexport.adapter.in.cli.report;

import io.qaexport.application.port.in.ExportProgress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A progress line on the terminal for files large enough to wait for: bytes read, with bar,
 * percentage and ETA when the size is known (a plain file), rates over the last few seconds. A file
 * of unknown size (compressed, a pipe) gets its line once that many bytes have been read. Drawn
 * from the exporting thread at most ten times a second; {@link #interrupted()} may come from a
 * shutdown hook, hence the locking.
 */
public final class TerminalProgress implements ExportProgress {
  /** Smaller files finish before a bar would be worth drawing. */
  static final long MIN_BYTES_FOR_A_BAR = 16L << 20;

  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(3);
  private static final long RATE_MINIMUM_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final Console console;
  private final IntSupplier columns;
  private final LongSupplier clock;
  private Path input;
  private String label;
  private long sizeBytes;
  private ProgressLine line;
  private RateWindow rates;
  private boolean lineOpen;
  private boolean stopped;
  private long bytes;
  private long lines;
  private long lastDrawn;

  /** A progress line as wide as the console's terminal, asked when the first line is laid out. */
  public TerminalProgress(Console console) {
    this(console, console.width(), System::nanoTime);
  }

  /**
   * @param clock nanoseconds, as {@link System#nanoTime()}; tests pass their own
   */
  public TerminalProgress(Console console, int columns, LongSupplier clock) {
    this(console, () -> columns, clock);
  }

  private TerminalProgress(Console console, IntSupplier columns, LongSupplier clock) {
    this.console = console;
    this.columns = columns;
    this.clock = clock;
  }

  @Override
  public synchronized void fileStarted(Path input, long sizeBytes) {
    start(input, String.valueOf(input.getFileName()), sizeBytes);
  }

  @Override
  public synchronized void firstPassStarted(Path input, long sizeBytes) {
    start(input, input.getFileName() + " (first pass)", sizeBytes);
  }

  private void start(Path input, String label, long sizeBytes) {
    this.input = input;
    this.label = label;
    this.sizeBytes = sizeBytes;
    bytes = 0;
    lines = 0;
    line = null;
    rates = new RateWindow(RATE_WINDOW_NANOS, RATE_MINIMUM_NANOS);
    rates.add(clock.getAsLong(), 0, 0);
  }

  @Override
  public synchronized void bytesRead(long bytes) {
    this.bytes = bytes;
    maybeDraw();
  }

  @Override
  public synchronized void linesRead(long lines) {
    // Drawn with the next byte count, which comes far more often: one draw, both numbers fresh.
    this.lines = lines;
  }

  @Override
  public synchronized void fileFinished(Path input) {
    if (line != null && !stopped) {
      draw(clock.getAsLong());
      console.err().print('\n');
      console.err().flush();
    }
    line = null;
    lineOpen = false;
  }

  /**
   * The run is being stopped (Ctrl-C): the open line is ended so what follows starts on its own,
   * and nothing more is drawn.
   */
  public synchronized void interrupted() {
    if (lineOpen) {
      console.err().print('\n');
      console.err().flush();
    }
    lineOpen = false;
    stopped = true;
  }

  private void maybeDraw() {
    if (stopped || rates == null) {
      return;
    }
    long now = clock.getAsLong();
    if (line == null) {
      boolean worthABar =
          sizeBytes >= 0 ? sizeBytes >= MIN_BYTES_FOR_A_BAR : bytes >= MIN_BYTES_FOR_A_BAR;
      if (!worthABar) {
        return;
      }
      line = ProgressLine.layout(label, sizeBytes, columns.getAsInt());
      draw(now);
      return;
    }
    if (now - lastDrawn >= REDRAW_NANOS) {
      draw(now);
    }
  }

  private void draw(long now) {
    rates.add(now, bytes, lines);
    lastDrawn = now;
    console.err().print("\r" + line.render(bytes, rates.bytesPerSecond(), rates.linesPerSecond()));
    console.err().flush();
    lineOpen = true;
  }
}
