package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.ExportProgress;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar by bytes read, with records per second and ETA, for files large enough to wait
 * for. Used only when stderr is a terminal. The bar redraws itself at most ten times a second;
 * the export thread only stores numbers.
 */
final class TerminalProgress implements ExportProgress {
  /** Smaller files finish before a bar would be worth drawing. */
  static final long MIN_BYTES_FOR_A_BAR = 16L << 20;
  private static final int REDRAW_MILLIS = 100;

  private final Console console;
  private final int width;
  private ProgressBar bar;
  private long started;

  TerminalProgress(Console console, int width) {
    this.console = console;
    this.width = width;
  }

  @Override
  public void fileStarted(Path input, long sizeBytes) {
    if (sizeBytes < MIN_BYTES_FOR_A_BAR) {
      return;
    }
    started = System.nanoTime();
    bar = new ProgressBarBuilder()
        .setTaskName(String.valueOf(input.getFileName()))
        .setInitialMax(sizeBytes)
        .setUnit(" MiB", 1L << 20)
        .setUpdateIntervalMillis(REDRAW_MILLIS)
        .setConsumer(new ConsoleProgressBarConsumer(console.err(), width))
        .showSpeed()
        .build();
  }

  @Override
  public void bytesRead(long bytes) {
    if (bar != null) {
      bar.stepTo(bytes);
    }
  }

  @Override
  public void linesRead(long lines) {
    if (bar != null) {
      double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
      bar.setExtraMessage(String.format(Locale.ROOT, " · %,.0f records/s", lines / seconds));
    }
  }

  @Override
  public void fileFinished(Path input) {
    if (bar != null) {
      bar.stepTo(bar.getMax());
      bar.close();
      bar = null;
    }
  }
}
