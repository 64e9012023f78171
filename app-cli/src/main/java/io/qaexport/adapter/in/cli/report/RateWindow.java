package io.qaexport.adapter.in.cli.report;

import java.util.ArrayDeque;
import java.util.function.ToLongFunction;

/**
 * Rates over the last few seconds: what was read between the oldest and the newest sample still in
 * the window, divided by the time between them. Unlike a total divided by whole elapsed seconds, it
 * follows changes of speed and has no sawtooth.
 */
final class RateWindow {
  private record Sample(long nanos, long bytes, long lines) {}

  private final long windowNanos;
  private final long minimumNanos;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  /**
   * @param minimumNanos how long must have been measured before a rate is given: the first chunk of
   *     a file comes from the page cache in a blink and would promise far too much
   */
  RateWindow(long windowNanos, long minimumNanos) {
    this.windowNanos = windowNanos;
    this.minimumNanos = minimumNanos;
  }

  /** Records the totals at {@code nanos}; samples older than the window (but one) are dropped. */
  void add(long nanos, long bytes, long lines) {
    samples.addLast(new Sample(nanos, bytes, lines));
    // Keep one sample at or beyond the window's start, so the window stays full.
    while (samples.size() > 2) {
      var iterator = samples.iterator();
      iterator.next();
      if (nanos - iterator.next().nanos() >= windowNanos) {
        samples.removeFirst();
      } else {
        break;
      }
    }
  }

  /** Bytes per second over the window, or NaN until the minimum time has been measured. */
  double bytesPerSecond() {
    return rate(Sample::bytes);
  }

  /** Lines per second over the window, or NaN until the minimum time has been measured. */
  double linesPerSecond() {
    return rate(Sample::lines);
  }

  private double rate(ToLongFunction<Sample> amount) {
    if (samples.size() < 2) {
      return Double.NaN;
    }
    Sample first = samples.getFirst();
    Sample last = samples.getLast();
    long nanos = last.nanos() - first.nanos();
    if (nanos <= 0 || nanos < minimumNanos) {
      return Double.NaN;
    }
    return (amount.applyAsLong(last) - amount.applyAsLong(first)) * 1e9 / nanos;
  }
}
