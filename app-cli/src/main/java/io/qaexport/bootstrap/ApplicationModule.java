package io.qaexport.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.qaexport.application.port.in.ExportDatasetUseCase;
import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.service.ExportDatasetService;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Builds the core use case from whatever the adapter modules bind. */
@Module
final class ApplicationModule {
  private ApplicationModule() {}

  @Provides
  static ExportDatasetUseCase exportDataset(
      QaPairSource source,
      Map<String, Provider<OutputFormat>> formats,
      InvalidLineLog.Factory invalidLineLogs,
      DatasetCardWriter cardWriter) {
    // Core takes plain Suppliers; each still defers to Dagger, so unused formats never load.
    Map<String, Supplier<OutputFormat>> suppliers = new TreeMap<>();
    formats.forEach((name, provider) -> suppliers.put(name, provider::get));
    return new ExportDatasetService(source, suppliers, invalidLineLogs, cardWriter);
  }
}
