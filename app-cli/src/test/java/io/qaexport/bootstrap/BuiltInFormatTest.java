package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import io.qaexport.adapter.in.cli.CliOptions;
import io.qaexport.adapter.in.cli.CliOptions.FormatArgument;
import io.qaexport.adapter.in.cli.CliParser;
import io.qaexport.adapter.in.cli.CliRequest;
import io.qaexport.adapter.in.cli.ExitCode;
import io.qaexport.adapter.in.cli.ExportCommandLine;
import io.qaexport.adapter.in.cli.FormatOptionCheck;
import io.qaexport.adapter.in.cli.InputResolver;
import io.qaexport.adapter.in.cli.ResolvedOptions;
import io.qaexport.adapter.in.cli.flag.CliUsageException;
import io.qaexport.adapter.in.cli.report.Console;
import io.qaexport.adapter.in.jsonl.JsonlInputModule;
import io.qaexport.adapter.out.card.DatasetCardModule;
import io.qaexport.adapter.out.jsonl.JsonlOutputModule;
import io.qaexport.adapter.out.parquet.ParquetOutputModule;
import io.qaexport.adapter.out.parquet.ParquetReferenceModule;
import io.qaexport.adapter.out.plugin.PluginDirectory;
import io.qaexport.adapter.out.plugin.PluginModule;
import io.qaexport.application.port.out.FormatOptionException;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's built-in path, followed literally: a Dagger module contributes a format to the map
 * under its name, and one line adds that module to the component. A format with an option declares
 * it and applies it in {@code withOptions}; the command line's flag for it is one line in {@code
 * CliSyntax.FLAGS}, which gives the parser's {@link FormatArgument} built here.
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
      return new TsvFormat("\t");
    }
  }

  /** Takes the option {@code separator}, one character; a tab without it. */
  private record TsvFormat(String separator) implements OutputFormat {
    @Override
    public String name() {
      return "tsv";
    }

    @Override
    public String description() {
      return "tab-separated question and answer";
    }

    @Override
    public String fileExtension() {
      return "tsv";
    }

    @Override
    public String hfBuilderName() {
      return "csv";
    }

    @Override
    public Set<String> optionNames() {
      return Set.of("separator");
    }

    @Override
    public OutputFormat withOptions(Map<String, String> options) {
      String value = options.getOrDefault("separator", separator);
      if (value.length() != 1) {
        throw new FormatOptionException("separator", "takes one character, not '" + value + "'");
      }
      return new TsvFormat(value);
    }

    @Override
    public RecordWriter open(Path file, RecordShape shape) throws IOException {
      BufferedWriter out = Files.newBufferedWriter(file);
      return new RecordWriter() {
        @Override
        public void write(HfRecord record) throws IOException {
          out.write(
              record.question().replace(separator, " ")
                  + separator
                  + record.answer().replace(separator, " ")
                  + "\n");
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }
  }

  /** Step 3: the component's module list, plus the new module. */
  @Singleton
  @Component(
      modules = {
        ApplicationModule.class,
        DatasetCardModule.class,
        JsonlInputModule.class,
        JsonlOutputModule.class,
        ParquetOutputModule.class,
        ParquetReferenceModule.class,
        PluginModule.class,
        TsvOutputModule.class
      })
  interface ExtendedComponent {
    FormatOptionCheck formatOptionCheck();

    ExportCommandLine commandLine();

    @Component.Factory
    interface Factory {
      ExtendedComponent create(
          @BindsInstance Console console,
          @BindsInstance PluginDirectory plugins,
          JsonlInputModule input);
    }
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private ExtendedComponent component() {
    var console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return DaggerBuiltInFormatTest_ExtendedComponent.factory()
        .create(console, new PluginDirectory(Optional.empty()), new JsonlInputModule(1 << 20));
  }

  /** The examples as {@code format}, with {@code --separator VALUE} if a value is given. */
  private static CliOptions options(Path outputDir, String format, String... separator)
      throws CliUsageException {
    CliOptions parsed =
        ((CliRequest.Export)
                CliParser.parse(
                    "--input-dir",
                    GoldenFilesTest.EXAMPLES.toString(),
                    "--output-dir",
                    outputDir.toString(),
                    "--no-dataset-card",
                    "--quiet"))
            .options();
    List<FormatArgument> arguments =
        Stream.of(separator)
            .map(value -> new FormatArgument("separator", "separator", value, false))
            .toList();
    return new CliOptions(
        parsed.inputs(),
        parsed.outputDir(),
        new CliOptions.Format(format, arguments),
        parsed.reading(),
        parsed.card(),
        parsed.summaryJson(),
        parsed.pluginDir(),
        parsed.display());
  }

  /** What {@code Main} does with parsed options: resolve, check the format's, export. */
  private ExitCode export(CliOptions options) throws CliUsageException {
    ResolvedOptions resolved = new InputResolver(Optional.empty()).resolve(options);
    ExtendedComponent component = component();
    component.formatOptionCheck().check(options.format().name(), resolved.formatOptions());
    return component.commandLine().export(resolved);
  }

  @Test
  void aContributedFormatIsListedAndExportsByName() throws Exception {
    assertEquals(ExitCode.SUCCESS, component().commandLine().listFormats());
    assertTrue(
        out.toString(StandardCharsets.UTF_8).lines().anyMatch(line -> line.startsWith("tsv ")),
        out.toString(StandardCharsets.UTF_8));

    ExitCode code = export(options(dir, "tsv"));

    assertEquals(ExitCode.SUCCESS, code);
    List<String> rows = Files.readAllLines(dir.resolve("qa_pairs.tsv"));
    assertEquals(8, rows.size());
    assertTrue(rows.get(0).startsWith("Hur ofta ska jag byta handskar?\t"), rows.get(0));
    assertEquals(6, Files.readAllLines(dir.resolve("qa_rejected_hf.tsv")).size());
  }

  @Test
  void itsOptionReachesItThroughWithOptionsAndItsFlagIsCheckedLikeEveryFormatFlag()
      throws Exception {
    ExitCode code = export(options(dir, "tsv", ";"));

    assertEquals(ExitCode.SUCCESS, code);
    assertTrue(
        Files.readAllLines(dir.resolve("qa_pairs.tsv"))
            .get(0)
            .startsWith("Hur ofta ska jag byta handskar?;"));
    var refused = assertThrows(CliUsageException.class, () -> export(options(dir, "tsv", ";;")));
    assertEquals("--separator takes one character, not ';;'", refused.getMessage());
    var elsewhere = assertThrows(CliUsageException.class, () -> export(options(dir, "jsonl", ";")));
    assertEquals("--separator applies to --format tsv only", elsewhere.getMessage());
  }
}
