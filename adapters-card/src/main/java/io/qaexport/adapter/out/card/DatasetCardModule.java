package io.qaexport.adapter.out.card;

import dagger.Module;
import dagger.Provides;
import io.qaexport.application.port.out.DatasetCardWriter;

/** Binds the Markdown dataset card writer. */
@Module
public final class DatasetCardModule {
  private DatasetCardModule() {}

  @Provides
  static DatasetCardWriter datasetCardWriter() {
    return new MarkdownDatasetCardWriter();
  }
}
