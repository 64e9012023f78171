package io.qaexport.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import io.qaexport.adapter.in.cli.ExportCommandLine;
import io.qaexport.adapter.in.cli.FormatOptionCheck;
import io.qaexport.adapter.in.cli.report.Console;
import io.qaexport.adapter.in.jsonl.JsonlInputModule;
import io.qaexport.adapter.out.card.DatasetCardModule;
import io.qaexport.adapter.out.jsonl.JsonlOutputModule;
import io.qaexport.adapter.out.parquet.ParquetOutputModule;
import io.qaexport.adapter.out.parquet.ParquetReferenceModule;
import io.qaexport.adapter.out.plugin.PluginDirectory;
import io.qaexport.adapter.out.plugin.PluginModule;
import jakarta.inject.Singleton;

/**
 * The composition root: one component per invocation. Each built-in output format's module
 * contributes to the {@code Map<String, OutputFormat>} multibinding; add a format by adding its
 * module here. Plugin formats join at run time (see {@link PluginModule}). {@link
 * ParquetReferenceModule} binds the reader of {@code --decontaminate}'s Parquet references.
 */
@Singleton
@Component(
    modules = {
      ApplicationModule.class,
      DatasetCardModule.class,
      JsonlInputModule.class,
      JsonlOutputModule.class,
      ParquetOutputModule.class,
      ParquetReferenceModule.class,
      PluginModule.class
    })
interface QaExportComponent {

  FormatOptionCheck formatOptionCheck();

  ExportCommandLine commandLine();

  @Component.Factory
  interface Factory {
    QaExportComponent create(
        @BindsInstance Console console,
        @BindsInstance PluginDirectory plugins,
        JsonlInputModule input);
  }
}
