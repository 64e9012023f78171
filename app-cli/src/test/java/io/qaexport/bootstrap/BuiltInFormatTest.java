package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.qaexport.adapter.in.cli.CliOptions;
import io.qaexport.adapter.in.cli.CliParser;
import io.qaexport.adapter.in.cli.CliRequest;
import io.qaexport.adapter.in.cli.Console;
import io.qaexport.adapter.in.cli.ExitCode;
import io.qaexport.adapter.in.cli.ExportCommandLine;
import io.qaexport.adapter.in.jsonl.JsonlInputModule;
import io.qaexport.adapter.out.card.DatasetCardModule;
import io.qaexport.adapter.out.jsonl.JsonlOutputModule;
import io.qaexport.adapter.out.parquet.ParquetOutputModule;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import jakarta.inject.Singleton;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's built-in path, followed literally: a Dagger module contributes a format to the
 * map under its name, and one line adds that module to the component. Nothing else changes.
 */
class BuiltInFormatTest {
  @TempDir Path dir;

  /** Step 1 and 2: the format, and its module contributing it under its name. */
  @Module
  static final class TsvOutputModule {
    @Provides
    @IntoMap
    @StringKey("tsv")
    static OutputFormat tsvFormat() {
      return new OutputFormat() {
        @Override public String name() {
          return "tsv";
        }

        @Override public String description() {
          return "tab-separated question and answer";
        }

        @Override public String fileExtension() {
          return "tsv";
        }

        @Override public String hfBuilderName() {
          return "csv";
        }

        @Override public RecordWriter open(Path file, RecordShape shape) throws IOException {
          BufferedWriter out = Files.newBufferedWriter(file);
          return new RecordWriter() {
            @Override public void write(HfRecord record) throws IOException {
              out.write(record.question().replace('\t', ' ') + "\t"
                  + record.answer().replace('\t', ' ') + "\n");
            }

            @Override public void close() throws IOException {
              out.close();
            }
          };
        }
      };
    }
  }

  /** Step 3: the component's module list, plus the new module. */
  @Singleton
  @Component(modules = {ApplicationModule.class, DatasetCardModule.class,
      JsonlInputModule.class, JsonlOutputModule.class, ParquetOutputModule.class,
      TsvOutputModule.class})
  interface ExtendedComponent {
    ExportCommandLine commandLine();

    @Component.Factory
    interface Factory {
      ExtendedComponent create(@BindsInstance Console console,
          @BindsInstance PluginDirectory plugins, JsonlInputModule input);
    }
  }

  private ExtendedComponent component(ByteArrayOutputStream out) {
    var console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return DaggerBuiltInFormatTest_ExtendedComponent.factory().create(console,
        new PluginDirectory(Optional.empty()), new JsonlInputModule(1 << 20));
  }

  @Test
  void aContributedFormatIsListedAndExportsByName() throws Exception {
    var listed = new ByteArrayOutputStream();
    assertEquals(ExitCode.SUCCESS, component(listed).commandLine().listFormats());
    assertTrue(listed.toString(StandardCharsets.UTF_8).lines()
        .anyMatch(line -> line.startsWith("tsv ")), listed.toString(StandardCharsets.UTF_8));

    CliOptions options = ((CliRequest.Export) CliParser.parse("--input-dir",
        GoldenFilesTest.EXAMPLES.toString(), "--output-dir", dir.toString(), "--format", "tsv",
        "--no-dataset-card", "--quiet")).options();
    ExitCode code = component(new ByteArrayOutputStream()).commandLine().export(options);

    assertEquals(ExitCode.SUCCESS, code);
    List<String> rows = Files.readAllLines(dir.resolve("qa_pairs.tsv"));
    assertEquals(8, rows.size());
    assertTrue(rows.get(0).startsWith("Hur ofta ska jag byta handskar?\t"), rows.get(0));
    assertEquals(6, Files.readAllLines(dir.resolve("qa_rejected_hf.tsv")).size());
  }
}
