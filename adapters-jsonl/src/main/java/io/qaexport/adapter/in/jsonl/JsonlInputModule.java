package io.qaexport.adapter.in.jsonl;

import dagger.Module;
import dagger.Provides;
import io.qaexport.application.port.out.QaPairSource;

/** Binds the JSONL reader of the validation step's files. */
@Module
public final class JsonlInputModule {
  private final int maxLineBytes;
  private final boolean longLineEndsReading;

  /** A reader that reads past a line over {@code maxLineBytes} to the next one. */
  public JsonlInputModule(int maxLineBytes) {
    this(maxLineBytes, false);
  }

  /**
   * @param maxLineBytes the longest line read; a longer one is reported as invalid
   * @param longLineEndsReading whether a line over it is the last line read (the run stops at it):
   *     reading on to its end would never end on an endless line ({@code /dev/zero})
   */
  public JsonlInputModule(int maxLineBytes, boolean longLineEndsReading) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("max line bytes must be positive: " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
    this.longLineEndsReading = longLineEndsReading;
  }

  @Provides
  public QaPairSource pairSource() {
    return new JsonlQaPairSource(
        maxLineBytes, true, JsonlQaPairSource.Parallelism.fromMachine(), longLineEndsReading);
  }
}
