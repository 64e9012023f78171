package io.qaexport.bootstrap;

import dagger.Module;
import dagger.Provides;
import io.qaexport.adapter.in.cli.report.PluginReport;
import io.qaexport.adapter.out.plugin.PluginFormats;
import io.qaexport.application.port.in.ExportDatasetUseCase;
import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.ReferenceQuestionReader;
import io.qaexport.application.service.ExportDatasetService;
import jakarta.inject.Provider;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Builds the core use case from the adapter modules' bindings and the plugin formats. */
@Module
final class ApplicationModule {
  private ApplicationModule() {}

  @Provides
  static PluginReport pluginReport(PluginFormats plugins) {
    Map<String, String> origins = new TreeMap<>();
    plugins.jars().forEach((name, jar) -> origins.put(name, jar.toString()));
    return new PluginReport(plugins.problems(), origins);
  }

  /** Every output format by name, built-in and plugin. */
  @Provides
  static Map<String, Supplier<OutputFormat>> formats(
      Map<String, Provider<OutputFormat>> builtIns, PluginFormats plugins) {
    // Core takes plain Suppliers; built-ins still defer to Dagger, so unused ones never load.
    Map<String, Supplier<OutputFormat>> formats = new TreeMap<>();
    plugins.formats().forEach((name, format) -> formats.put(name, () -> format));
    builtIns.forEach((name, provider) -> formats.put(name, provider::get));
    return formats;
  }

  @Provides
  static ExportDatasetUseCase exportDataset(
      QaPairSource source,
      Map<String, Supplier<OutputFormat>> formats,
      InvalidLineLog.Factory invalidLineLogs,
      DatasetCardWriter cardWriter,
      LeftOutLog.Factory leftOutLogs,
      Provider<ReferenceQuestionReader> parquetReferences) {
    // As for the formats: the Parquet reader is built (and loaded) only for a Parquet reference.
    return new ExportDatasetService(
        source, formats, invalidLineLogs, cardWriter, leftOutLogs, parquetReferences::get);
  }
}
