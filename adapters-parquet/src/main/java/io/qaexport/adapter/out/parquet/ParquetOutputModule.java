package io.qaexport.adapter.out.parquet;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.qaexport.application.port.out.OutputFormat;
import java.util.List;
import java.util.Map;

/**
 * Contributes the {@code parquet} output format. Nothing of parquet-java loads until the format
 * is chosen: this module names no Parquet class.
 */
@Module
public final class ParquetOutputModule {
  /** The values {@code --compression} takes; the first is the default. */
  public static final List<String> COMPRESSIONS = List.of("snappy", "zstd", "none");

  private final String compression;

  /** @param compression one of {@link #COMPRESSIONS} */
  public ParquetOutputModule(String compression) {
    if (!COMPRESSIONS.contains(compression)) {
      throw new IllegalArgumentException(
          "unknown Parquet compression '" + compression + "'; use " + COMPRESSIONS);
    }
    this.compression = compression;
  }

  @Provides
  @IntoMap
  @StringKey("parquet")
  OutputFormat parquetFormat() {
    return new ParquetOutputFormat().withOptions(
        Map.of(ParquetOutputFormat.COMPRESSION, compression));
  }
}
