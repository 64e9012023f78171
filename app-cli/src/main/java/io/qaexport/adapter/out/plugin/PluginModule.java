package io.qaexport.adapter.out.plugin;

import dagger.Module;
import dagger.Provides;
import io.qaexport.application.port.out.OutputFormat;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Output formats from plugin jars ({@link java.util.ServiceLoader}, one class loader per jar).
 * Built-in names always win; the jars are read once per run.
 */
@Module
public final class PluginModule {
  private PluginModule() {}

  @Provides
  @Singleton
  static PluginFormats pluginFormats(
      PluginDirectory directory, Map<String, Provider<OutputFormat>> builtIns) {
    PluginCatalog catalog = PluginCatalog.discover(directory.path(), builtIns.keySet());
    Map<String, OutputFormat> formats = new LinkedHashMap<>();
    Map<String, Path> jars = new LinkedHashMap<>();
    catalog
        .formats()
        .forEach(
            (name, format) -> {
              formats.put(name, format);
              jars.put(name, format.jar());
            });
    return new PluginFormats(formats, jars, catalog.problems());
  }
}
