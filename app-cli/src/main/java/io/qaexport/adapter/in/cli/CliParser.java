package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.ErrorPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** Parses the command line (Apache Commons CLI) into a {@link CliRequest}. */
public final class CliParser {
  public static final String PASSED_FILE = "qa_passed.jsonl";
  public static final String REJECTED_FILE = "qa_rejected.jsonl";
  static final String DEFAULT_INPUT_DIR = "qa";
  static final String DEFAULT_FORMAT = "jsonl";
  /** The longest input line accepted unless {@code --max-line-bytes} says otherwise: 64 MiB. */
  public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;
  static final String DEFAULT_LICENSE = "unknown";
  /** Set by the launcher to its {@code plugins/} directory. */
  public static final String DEFAULT_PLUGIN_DIR_PROPERTY = "qa-export.plugin-dir";
  static final String COMPRESSION_OPTION = "compression";
  static final String SYSTEM_PROMPT_OPTION = "system_prompt";
  static final String DEFAULT_PRETTY_NAME = "Swedish care-work QA pairs";

  private static final Options OPTIONS = buildOptions();

  private CliParser() {}

  public static CliRequest parse(String... args) throws CliUsageException {
    CommandLine line;
    try {
      line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(OPTIONS, args);
    } catch (ParseException e) {
      throw new CliUsageException(lowerFirst(e.getMessage()));
    }
    if (!line.getArgList().isEmpty()) {
      throw new CliUsageException(
          "unexpected argument '" + line.getArgList().get(0) + "' (options start with --)");
    }
    if (line.hasOption("help")) {
      return new CliRequest.ShowHelp();
    }
    if (line.hasOption("version")) {
      return new CliRequest.ShowVersion();
    }
    if (line.hasOption("list-formats")) {
      return new CliRequest.ListFormats(line.hasOption("verbose"), pluginDir(line));
    }
    return new CliRequest.Export(exportOptions(line));
  }

  private static CliOptions exportOptions(CommandLine line) throws CliUsageException {
    Path inputDir = path(line, "input-dir", DEFAULT_INPUT_DIR);
    boolean passedNamed = line.hasOption("passed");
    Path passed = passedNamed ? path(line, "passed", null) : inputDir.resolve(PASSED_FILE);
    // A passed file named on its own sets the directory: the rejected file and the outputs are
    // looked for and written beside it, as the pipeline keeps them together.
    Path baseDir = inputDir;
    if (passedNamed && !line.hasOption("input-dir")) {
      baseDir = passed.getParent() == null ? Path.of(".") : passed.getParent();
    }
    boolean rejectedNamed = line.hasOption("rejected");
    Optional<Path> rejected;
    if (rejectedNamed) {
      rejected = Optional.of(path(line, "rejected", null));
    } else {
      Path conventional = baseDir.resolve(REJECTED_FILE);
      rejected = Files.exists(conventional) ? Optional.of(conventional) : Optional.empty();
    }
    Path outputDir = line.hasOption("output-dir") ? path(line, "output-dir", null) : baseDir;
    String format = line.getOptionValue("format", DEFAULT_FORMAT).toLowerCase(Locale.ROOT);
    return new CliOptions(
        passed,
        rejected,
        rejectedNamed,
        passedNamed,
        outputDir,
        format,
        errorPolicy(line.getOptionValue("on-error", "fail")),
        line.hasOption("strict"),
        line.hasOption("quiet"),
        line.hasOption("verbose"),
        maxLineBytes(line.getOptionValue("max-line-bytes")),
        datasetCard(line, outputDir),
        line.getOptionValue("license", DEFAULT_LICENSE),
        line.getOptionValue("pretty-name", DEFAULT_PRETTY_NAME),
        line.hasOption("summary-json")
            ? Optional.of(path(line, "summary-json", null)) : Optional.empty(),
        pluginDir(line),
        formatOptions(line));
  }

  /** {@code --plugin-dir}, else the launcher's default (which need not exist). */
  private static Optional<Path> pluginDir(CommandLine line) throws CliUsageException {
    if (line.hasOption("plugin-dir")) {
      Path dir = path(line, "plugin-dir", null);
      if (!Files.isDirectory(dir)) {
        throw new CliUsageException("--plugin-dir " + dir + ": no such directory");
      }
      return Optional.of(dir);
    }
    return Optional.ofNullable(System.getProperty(DEFAULT_PLUGIN_DIR_PROPERTY)).map(Path::of);
  }

  /** The format options the flags set; whether the chosen format takes them is checked later. */
  private static List<FormatOption> formatOptions(CommandLine line) throws CliUsageException {
    List<FormatOption> options = new ArrayList<>();
    if (line.hasOption("compression")) {
      options.add(new FormatOption("compression", COMPRESSION_OPTION,
          line.getOptionValue("compression")));
    }
    if (line.hasOption("system-prompt") && line.hasOption("system-prompt-file")) {
      throw new CliUsageException("--system-prompt and --system-prompt-file exclude each other");
    }
    if (line.hasOption("system-prompt")) {
      options.add(new FormatOption("system-prompt", SYSTEM_PROMPT_OPTION,
          line.getOptionValue("system-prompt")));
    }
    if (line.hasOption("system-prompt-file")) {
      Path file = path(line, "system-prompt-file", null);
      try {
        options.add(new FormatOption("system-prompt-file", SYSTEM_PROMPT_OPTION,
            Files.readString(file).strip()));
      } catch (IOException e) {
        throw new CliUsageException("--system-prompt-file " + file + ": cannot read it ("
            + e.getClass().getSimpleName() + ")");
      }
    }
    return options;
  }

  private static Optional<Path> datasetCard(CommandLine line, Path outputDir)
      throws CliUsageException {
    if (line.hasOption("no-dataset-card")) {
      if (line.hasOption("dataset-card")) {
        throw new CliUsageException("--dataset-card and --no-dataset-card exclude each other");
      }
      return Optional.empty();
    }
    if (line.hasOption("dataset-card")) {
      return Optional.of(path(line, "dataset-card", null));
    }
    return Optional.of(outputDir.resolve("README.md"));
  }

  private static ErrorPolicy errorPolicy(String value) throws CliUsageException {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "fail" -> ErrorPolicy.FAIL;
      case "skip" -> ErrorPolicy.SKIP;
      default -> throw new CliUsageException(
          "--on-error takes 'fail' or 'skip', not '" + value + "'");
    };
  }

  private static int maxLineBytes(String value) throws CliUsageException {
    if (value == null) {
      return DEFAULT_MAX_LINE_BYTES;
    }
    String digits = value.trim().toUpperCase(Locale.ROOT);
    long unit = 1;
    if (digits.endsWith("K") || digits.endsWith("M") || digits.endsWith("G")) {
      unit = switch (digits.charAt(digits.length() - 1)) {
        case 'K' -> 1L << 10;
        case 'M' -> 1L << 20;
        default -> 1L << 30;
      };
      digits = digits.substring(0, digits.length() - 1);
    }
    long bytes;
    try {
      bytes = Long.parseLong(digits) * unit;
    } catch (NumberFormatException e) {
      bytes = -1;
    }
    // Java arrays, and so one line's buffer, stop just short of 2 GiB.
    long max = Integer.MAX_VALUE - 16;
    if (bytes < 1 || bytes > max) {
      throw new CliUsageException(
          "--max-line-bytes takes a size from 1 to " + max + " bytes (e.g. 64M), not '"
              + value + "'");
    }
    return (int) bytes;
  }

  private static Path path(CommandLine line, String option, String fallback)
      throws CliUsageException {
    String value = line.getOptionValue(option, fallback);
    if (value == null || value.isBlank()) {
      throw new CliUsageException("--" + option + " needs a path");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CliUsageException("--" + option + ": not a valid path: " + value);
    }
  }

  /** The {@code --help} text. */
  public static String helpText() {
    var text = new StringWriter();
    var writer = new PrintWriter(text);
    HelpFormatter formatter = HelpFormatter.builder().get();
    formatter.setOptionComparator(null);
    formatter.printHelp(
        writer,
        100,
        "qa-export [options]",
        "\nTurns the validation step's qa_passed.jsonl and qa_rejected.jsonl into HuggingFace-ready"
            + " datasets: qa_pairs.<ext> and qa_rejected_hf.<ext> in the output directory.\n\n",
        OPTIONS,
        2,
        2,
        "\nOutputs are written to temporary files (.NAME.PID.qa-export-tmp) and moved into place only"
            + " when the whole run succeeded; a leftover from a killed run is removed by the next"
            + " run.\n\nExit codes: 0 success; 1 invalid input data; 2 usage error (unknown option"
            + " or format, missing passed file); 3 I/O failure (unreadable input, unwritable output,"
            + " disk full, a failing plugin); 4 internal error (a bug: please report it with"
            + " --verbose output).\n");
    writer.flush();
    return text.toString();
  }

  private static Options buildOptions() {
    var options = new Options();
    options.addOption(valued("input-dir", "DIR",
        "directory holding qa_passed.jsonl and qa_rejected.jsonl (default: qa)"));
    options.addOption(valued("passed", "FILE",
        "the passed pairs file (default: DIR/qa_passed.jsonl); required"));
    options.addOption(valued("rejected", "FILE",
        "the rejected pairs file (default: DIR/qa_rejected.jsonl, skipped if absent)"));
    options.addOption(valued("output-dir", "DIR",
        "where the dataset goes (default: the input directory)"));
    options.addOption(valued("format", "NAME",
        "output format: jsonl (default) or another from --list-formats"));
    options.addOption(valued("compression", "CODEC",
        "Parquet compression: snappy (default), zstd or none"));
    options.addOption(valued("on-error", "POLICY",
        "fail (default): the first invalid record stops the run, nothing is written;"
            + " skip: leave invalid records out and log them to <output>.errors.jsonl"));
    options.addOption(flag("strict",
        "a missing or null question, answer, source_document, persona or score is an invalid"
            + " record instead of getting a default"));
    options.addOption(valued("max-line-bytes", "SIZE",
        "longest input line accepted, e.g. 64M (default: 64M)"));
    options.addOption(valued("license", "ID",
        "license in the dataset card, a Hub license id such as cc-by-4.0 (default: unknown)"));
    options.addOption(valued("pretty-name", "TEXT",
        "the dataset's name in its card (default: Swedish care-work QA pairs)"));
    options.addOption(valued("dataset-card", "PATH",
        "write the dataset card here (default: OUTPUT_DIR/README.md; a README.md that qa-export"
            + " did not write is never replaced)"));
    options.addOption(flag("no-dataset-card", "write no dataset card"));
    options.addOption(valued("summary-json", "FILE",
        "also write the run summary as JSON to FILE, for pipelines"));
    options.addOption(valued("plugin-dir", "DIR",
        "load output-format plugins (*.jar) from DIR (default: plugins/ beside the launcher)"));
    options.addOption(valued("system-prompt", "TEXT",
        "for formats that take it (chat): a system message before each conversation"));
    options.addOption(valued("system-prompt-file", "FILE", "the same, read from FILE (UTF-8)"));
    options.addOption(flag("list-formats", "list the output formats and exit"));
    options.addOption(flag("quiet", "print nothing but errors (no summary, no progress bar)"));
    options.addOption(flag("verbose", "show stack traces for failures"));
    options.addOption(flag("help", "show this help and exit"));
    options.addOption(flag("version", "show the version and exit"));
    return options;
  }

  private static Option valued(String name, String argName, String description) {
    return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
  }

  private static Option flag(String name, String description) {
    return Option.builder().longOpt(name).desc(description).get();
  }

  private static String lowerFirst(String message) {
    if (message == null || message.isEmpty()) {
      return "invalid command line";
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
