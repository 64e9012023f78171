package io.qaexport.adapter.out.parquet;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.qaexport.application.port.out.OutputFormat;

/**
 * Contributes the {@code parquet} output format. Nothing of parquet-java loads until the format
 * opens a file: this module and the format's options name no Parquet class.
 */
@Module
public final class ParquetOutputModule {
  private ParquetOutputModule() {}

  @Provides
  @IntoMap
  @StringKey("parquet")
  public static OutputFormat parquetFormat() {
    return new ParquetOutputFormat();
  }
}
