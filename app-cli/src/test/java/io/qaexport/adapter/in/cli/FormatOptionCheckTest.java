package io.qaexport.adapter.in.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.adapter.in.cli.flag.CliUsageException;
import io.qaexport.application.port.out.FormatOptionException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.RecordShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Format options are checked against what the formats declare, and said in flags. */
class FormatOptionCheckTest {
  private final List<String> built = new ArrayList<>();

  /** A format that takes {@code options}, refuses the value "bad", and records being built. */
  private Supplier<OutputFormat> format(String name, String... options) {
    return () -> {
      built.add(name);
      return new OutputFormat() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public String description() {
          return name;
        }

        @Override
        public String fileExtension() {
          return name;
        }

        @Override
        public String hfBuilderName() {
          return "json";
        }

        @Override
        public Set<String> optionNames() {
          return Set.of(options);
        }

        @Override
        public OutputFormat withOptions(Map<String, String> values) {
          values.forEach(
              (option, value) -> {
                if (value.equals("bad")) {
                  throw new FormatOptionException(option, "takes good, not 'bad'");
                }
                if (value.equals("worse")) {
                  throw new IllegalArgumentException("the format cannot take '" + value + "'");
                }
              });
          return this;
        }

        @Override
        public RecordWriter open(Path file, RecordShape shape) {
          throw new UnsupportedOperationException();
        }
      };
    };
  }

  private FormatOptionCheck check() {
    return new FormatOptionCheck(
        Map.of(
            "jsonl", format("jsonl"),
            "parquet", format("parquet", "compression"),
            "arrow", format("arrow", "compression"),
            "chat", format("chat", "system_prompt")));
  }

  private static FormatOption flag(String flag, String option, String value) {
    return new FormatOption(flag, option, value);
  }

  private String error(String format, FormatOption... options) {
    var e = assertThrows(CliUsageException.class, () -> check().check(format, List.of(options)));
    return e.getMessage() + (e.pointsToHelp() ? " [help]" : "");
  }

  @Test
  void withoutOptionsNoFormatIsBuilt() throws CliUsageException {
    check().check("jsonl", List.of());

    assertEquals(List.of(), built);
  }

  @Test
  void anOptionTheChosenFormatTakesPassesWithAValueItAccepts() throws CliUsageException {
    check().check("parquet", List.of(flag("compression", "compression", "zstd")));
    check().check("chat", List.of(flag("format-option system_prompt", "system_prompt", "text")));
  }

  @Test
  void aFlagForAnotherFormatsOptionNamesEveryFormatThatTakesIt() {
    assertEquals(
        "--compression applies to --format arrow, parquet only [help]",
        error("jsonl", flag("compression", "compression", "zstd")));
    assertEquals(
        "--format-option system_prompt applies to --format chat only [help]",
        error("parquet", flag("format-option system_prompt", "system_prompt", "x")));
    assertEquals(
        "--compression applies to --format arrow, parquet only [help]",
        error("csv", flag("compression", "compression", "zstd")),
        "an unknown format takes no option either");
  }

  @Test
  void aRefusedValueIsTheFormatsMessageWithTheFlagInPlaceOfTheOption() {
    assertEquals(
        "--compression takes good, not 'bad'",
        error("parquet", flag("compression", "compression", "bad")));
    assertEquals(
        "--format-option system_prompt takes good, not 'bad'",
        error("chat", flag("format-option system_prompt", "system_prompt", "bad")));
  }

  @Test
  void aFlagNoLoadedFormatTakesNamesTheFlagAndThePluginItIsFor() {
    String expected =
        "--separator applies to formats that take the option 'separator', and no"
            + " loaded format does (format 'jsonl' does not): load the plugin that takes it from"
            + " plugins/ or --plugin-dir; see --list-formats [help]";
    assertEquals(expected, error("jsonl", flag("separator", "separator", "bad")));
    assertEquals(
        expected.replace("'jsonl'", "'parquet'"),
        error(
            "parquet",
            flag("compression", "compression", "bad"),
            flag("separator", "separator", ";")));
  }

  @Test
  void anUnknownFormatIsLeftToTheExportToReport() throws CliUsageException {
    check().check("csv", List.of(flag("separator", "separator", ";")));
  }

  @Test
  void aRefusalThatDoesNotStartWithTheOptionIsLeftToTheExport() throws CliUsageException {
    check().check("parquet", List.of(flag("compression", "compression", "worse")));
  }
}
