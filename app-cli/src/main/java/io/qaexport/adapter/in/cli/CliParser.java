package io.qaexport.adapter.in.cli;

import io.qaexport.adapter.in.cli.CliOptions.FormatArgument;
import io.qaexport.adapter.in.cli.CliSyntax.Flag;
import io.qaexport.application.port.in.ErrorPolicy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

/**
 * Turns the arguments into a {@link CliRequest}, or says what is wrong with them. Pure: it reads
 * no file and no system property; {@link InputResolver} does what needs them.
 */
public final class CliParser {
  // Java arrays, and so one line's buffer, stop just short of 2 GiB.
  private static final long MAX_LINE_BYTES = Integer.MAX_VALUE - 16;

  /** The longest input line accepted unless {@code --max-line-bytes} says otherwise. */
  public static final int DEFAULT_MAX_LINE_BYTES = size(CliSyntax.DEFAULT_MAX_LINE);

  /** What {@code -} stands for as an input file. */
  static final Path STDIN = Path.of("/dev/stdin");

  private CliParser() {}

  /**
   * The option's value, the last one given when it is repeated (as GNU tools do: an alias or a
   * script's default can be overridden by appending), or {@code fallback} when absent.
   */
  private static String value(CommandLine line, String option, String fallback) {
    String[] values = line.getOptionValues(option);
    return values == null || values.length == 0 ? fallback : values[values.length - 1];
  }

  public static CliRequest parse(String... args) throws CliUsageException {
    CommandLine line;
    try {
      line = DefaultParser.builder().setAllowPartialMatching(false).get()
          .parse(CliSyntax.OPTIONS, args);
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
      return new CliRequest.ListFormats(line.hasOption("verbose"), optionalPath(line, "plugin-dir"));
    }
    return new CliRequest.Export(exportOptions(line));
  }

  private static CliOptions exportOptions(CommandLine line) throws CliUsageException {
    Path inputDir = path(line, "input-dir", CliSyntax.DEFAULT_INPUT_DIR);
    boolean passedNamed = line.hasOption("passed");
    Path passed = passedNamed ? input(line, "passed") : inputDir.resolve(CliSyntax.PASSED_FILE);
    // A passed file named on its own sets the directory: the rejected file and the outputs are
    // looked for and written beside it, as the pipeline keeps them together.
    Path directory = inputDir;
    if (passedNamed && !line.hasOption("input-dir")) {
      directory = passed.getParent() == null ? Path.of(".") : passed.getParent();
    }
    Optional<Path> rejected =
        line.hasOption("rejected") ? Optional.of(input(line, "rejected")) : Optional.empty();
    if (passed.equals(STDIN) && rejected.equals(Optional.of(STDIN))) {
      throw new CliUsageException("--passed and --rejected cannot both read stdin ('-')");
    }
    var inputs = new CliOptions.Inputs(passed, passedNamed, rejected, directory);
    Path outputDir = line.hasOption("output-dir") ? path(line, "output-dir", null) : directory;
    String format =
        value(line, "format", CliSyntax.DEFAULT_FORMAT).toLowerCase(Locale.ROOT);
    var reading = new CliOptions.Reading(
        errorPolicy(value(line, "on-error", CliSyntax.DEFAULT_ON_ERROR)),
        line.hasOption("strict"),
        maxLineBytes(value(line, "max-line-bytes", null)));
    Optional<CliOptions.Card> card = card(line, outputDir);
    Optional<Path> summaryJson = optionalPath(line, "summary-json");
    Optional<Path> pluginDir = optionalPath(line, "plugin-dir");
    return new CliOptions(
        inputs,
        outputDir,
        new CliOptions.Format(format, formatArguments(line)),
        reading,
        card,
        summaryJson,
        pluginDir,
        new CliOptions.Display(line.hasOption("quiet"), line.hasOption("verbose")));
  }

  /** The flags that set format options; two that set the same option exclude each other. */
  private static List<FormatArgument> formatArguments(CommandLine line) throws CliUsageException {
    List<FormatArgument> arguments = new ArrayList<>();
    for (Flag flag : CliSyntax.formatFlags()) {
      if (!line.hasOption(flag.name())) {
        continue;
      }
      String option = flag.formatOption().orElseThrow();
      for (FormatArgument earlier : arguments) {
        if (earlier.option().equals(option)) {
          throw new CliUsageException(
              "--" + earlier.flag() + " and --" + flag.name() + " exclude each other");
        }
      }
      String value = flag.readsFile()
          ? path(line, flag.name(), null).toString() : value(line, flag.name(), null);
      arguments.add(new FormatArgument(flag.name(), option, value, flag.readsFile()));
    }
    return arguments;
  }

  private static Optional<CliOptions.Card> card(CommandLine line, Path outputDir)
      throws CliUsageException {
    if (line.hasOption("no-dataset-card")) {
      if (line.hasOption("dataset-card")) {
        throw new CliUsageException("--dataset-card and --no-dataset-card exclude each other");
      }
      return Optional.empty();
    }
    Path file = line.hasOption("dataset-card")
        ? path(line, "dataset-card", null) : outputDir.resolve(CliSyntax.CARD_FILE);
    return Optional.of(new CliOptions.Card(file,
        value(line, "license", CliSyntax.DEFAULT_LICENSE),
        value(line, "pretty-name", CliSyntax.DEFAULT_PRETTY_NAME)));
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
    int bytes = size(value);
    if (bytes < 1) {
      throw new CliUsageException(
          "--max-line-bytes takes a size from 1 to " + MAX_LINE_BYTES + " bytes (e.g. 64M), not '"
              + value + "'");
    }
    return bytes;
  }

  /** A size such as {@code 64M} in bytes, or -1 if it is none or out of range. */
  private static int size(String value) {
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
      return -1;
    }
    return bytes < 1 || bytes > MAX_LINE_BYTES ? -1 : (int) bytes;
  }

  private static Optional<Path> optionalPath(CommandLine line, String option)
      throws CliUsageException {
    return line.hasOption(option) ? Optional.of(path(line, option, null)) : Optional.empty();
  }

  /** An input file's path; {@code -} is stdin, as for jq and the GNU tools. */
  private static Path input(CommandLine line, String option) throws CliUsageException {
    return "-".equals(value(line, option, null)) ? STDIN : path(line, option, null);
  }

  private static Path path(CommandLine line, String option, String fallback)
      throws CliUsageException {
    String value = value(line, option, fallback);
    if (value == null || value.isBlank()) {
      throw new CliUsageException("--" + option + " needs a path");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CliUsageException("--" + option + ": not a valid path: " + value);
    }
  }

  private static String lowerFirst(String message) {
    if (message == null || message.isEmpty()) {
      return "invalid command line";
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
