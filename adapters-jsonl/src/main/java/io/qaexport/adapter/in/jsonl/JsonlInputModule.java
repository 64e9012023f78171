package io.qaexport.adapter.in.jsonl;

import dagger.Module;
import dagger.Provides;
import io.qaexport.application.port.out.QaPairSource;

/** Binds the JSONL reader of the validation step's files. */
@Module
public final class JsonlInputModule {
  private final int maxLineBytes;

  /**
   * @param maxLineBytes the longest line read; a longer one is reported as invalid
   */
  public JsonlInputModule(int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("max line bytes must be positive: " + maxLineBytes);
    }
    this.maxLineBytes = maxLineBytes;
  }

  @Provides
  public QaPairSource pairSource() {
    return new JsonlQaPairSource(maxLineBytes);
  }
}
