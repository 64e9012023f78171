package io.qaexport.adapter.out.parquet;

import dagger.Module;
import dagger.Provides;
import io.qaexport.application.port.out.ReferenceQuestionReader;

/**
 * Binds the reader of {@code --decontaminate}'s Parquet references. Like the output format, it
 * loads no parquet-java class until it reads a file.
 */
@Module
public final class ParquetReferenceModule {
  private ParquetReferenceModule() {}

  @Provides
  public static ReferenceQuestionReader parquetReferences() {
    return new ParquetQuestionReader();
  }
}
