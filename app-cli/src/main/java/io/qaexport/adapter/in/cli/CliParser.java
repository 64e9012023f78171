package io.qaexport.adapter.in.cli;

import static io.qaexport.adapter.in.cli.flag.Flags.DATASET_CARD;
import static io.qaexport.adapter.in.cli.flag.Flags.FORMAT;
import static io.qaexport.adapter.in.cli.flag.Flags.FORMAT_OPTION;
import static io.qaexport.adapter.in.cli.flag.Flags.HELP;
import static io.qaexport.adapter.in.cli.flag.Flags.INPUT_DIR;
import static io.qaexport.adapter.in.cli.flag.Flags.KEEP_COLUMNS;
import static io.qaexport.adapter.in.cli.flag.Flags.LICENSE;
import static io.qaexport.adapter.in.cli.flag.Flags.LICENSE_LINK;
import static io.qaexport.adapter.in.cli.flag.Flags.LICENSE_NAME;
import static io.qaexport.adapter.in.cli.flag.Flags.LIST_FORMATS;
import static io.qaexport.adapter.in.cli.flag.Flags.MAX_ERRORS;
import static io.qaexport.adapter.in.cli.flag.Flags.MAX_LINE_BYTES;
import static io.qaexport.adapter.in.cli.flag.Flags.NO_DATASET_CARD;
import static io.qaexport.adapter.in.cli.flag.Flags.ON_ERROR;
import static io.qaexport.adapter.in.cli.flag.Flags.OUTPUT_DIR;
import static io.qaexport.adapter.in.cli.flag.Flags.PASSED;
import static io.qaexport.adapter.in.cli.flag.Flags.PLUGIN_DIR;
import static io.qaexport.adapter.in.cli.flag.Flags.PRETTY_NAME;
import static io.qaexport.adapter.in.cli.flag.Flags.QUIET;
import static io.qaexport.adapter.in.cli.flag.Flags.REJECTED;
import static io.qaexport.adapter.in.cli.flag.Flags.REPO_ID;
import static io.qaexport.adapter.in.cli.flag.Flags.STRICT;
import static io.qaexport.adapter.in.cli.flag.Flags.SUMMARY_JSON;
import static io.qaexport.adapter.in.cli.flag.Flags.VERBOSE;
import static io.qaexport.adapter.in.cli.flag.Flags.VERSION;

import io.qaexport.adapter.in.cli.CliOptions.FormatArgument;
import io.qaexport.adapter.in.cli.flag.CliUsageException;
import io.qaexport.adapter.in.cli.flag.Flag;
import io.qaexport.adapter.in.cli.flag.FlagValues;
import io.qaexport.adapter.in.cli.flag.Flags;
import io.qaexport.adapter.in.cli.flag.KeptColumnsOption;
import io.qaexport.adapter.in.cli.flag.TrainingSetFlags;
import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.domain.card.HubLicense;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

/**
 * Turns the arguments into a {@link CliRequest}, or says what is wrong with them. Pure: it reads no
 * file and no system property; {@link InputResolver} does what needs them. Each flag reads its own
 * value ({@link Flag}); the flags that go together are tabled in {@link Flags}; what is left here
 * is how the values combine.
 */
public final class CliParser {
  /** The longest input line accepted unless {@code --max-line-bytes} says otherwise. */
  public static final int DEFAULT_MAX_LINE_BYTES =
      (int) FlagValues.bytes(Flags.DEFAULT_MAX_LINE).orElseThrow();

  /** What {@code -} stands for as an input file. */
  static final Path STDIN = FlagValues.STDIN;

  private CliParser() {}

  public static CliRequest parse(String... args) throws CliUsageException {
    CommandLine line;
    try {
      line =
          DefaultParser.builder()
              .setAllowPartialMatching(false)
              .get()
              .parse(CliSyntax.OPTIONS, args);
    } catch (ParseException e) {
      throw new CliUsageException(lowerFirst(e.getMessage()));
    }
    if (!line.getArgList().isEmpty()) {
      throw new CliUsageException(
          "unexpected argument '" + line.getArgList().get(0) + "' (options start with --)");
    }
    if (HELP.given(line)) {
      return new CliRequest.ShowHelp();
    }
    if (VERSION.given(line)) {
      return new CliRequest.ShowVersion();
    }
    if (LIST_FORMATS.given(line)) {
      return new CliRequest.ListFormats(VERBOSE.given(line), PLUGIN_DIR.optional(line));
    }
    return new CliRequest.Export(exportOptions(line));
  }

  /** The tabled rules between flags: one that goes only with another, two that exclude. */
  private static void requireFlagsTogether(CommandLine line) throws CliUsageException {
    for (Flags.AppliesWith rule : Flags.APPLIES_WITH) {
      if (rule.flag().given(line) && !rule.with().given(line)) {
        throw new CliUsageException(
            rule.flag().dashed() + " applies with " + rule.with().dashed() + " only");
      }
    }
    for (Flags.Excludes rule : Flags.EXCLUSIVE) {
      if (rule.one().given(line) && rule.other().given(line)) {
        throw new CliUsageException(
            rule.one().dashed() + " and " + rule.other().dashed() + " exclude each other");
      }
    }
  }

  private static CliOptions exportOptions(CommandLine line) throws CliUsageException {
    requireFlagsTogether(line);
    Path inputDir = INPUT_DIR.value(line);
    boolean passedNamed = PASSED.given(line);
    Path passed = passedNamed ? PASSED.value(line) : inputDir.resolve(CliSyntax.PASSED_FILE);
    // A passed file named on its own sets the directory: the rejected file and the outputs are
    // looked for and written beside it, as the pipeline keeps them together.
    Path directory = inputDir;
    if (passedNamed && !INPUT_DIR.given(line)) {
      directory = passed.getParent() == null ? Path.of(".") : passed.getParent();
    }
    Optional<Path> rejected = REJECTED.optional(line);
    if (passed.equals(STDIN) && rejected.equals(Optional.of(STDIN))) {
      throw new CliUsageException("--passed and --rejected cannot both read stdin ('-')");
    }
    if (TrainingSetFlags.DECONTAMINATE.values(line).contains(STDIN)) {
      String reader =
          passed.equals(STDIN)
              ? "--passed"
              : rejected.equals(Optional.of(STDIN)) ? "--rejected" : null;
      if (reader != null) {
        throw new CliUsageException(
            "--decontaminate and " + reader + " cannot both read stdin ('-'): give one a file");
      }
    }
    if (TrainingSetFlags.MAX_SHARD_SIZE.given(line)) {
      for (Path input : Stream.concat(Stream.of(passed), rejected.stream()).toList()) {
        // Shards are sized by a first pass over the file; a stream can be read only once.
        if (Files.exists(input) && !Files.isRegularFile(input) && !Files.isDirectory(input)) {
          throw new CliUsageException(
              "--max-shard-size: "
                  + (input.equals(STDIN) ? "stdin ('-')" : input.toString())
                  + " is a stream, which is read once: its output cannot be cut into shards;"
                  + " give a file instead, or leave out --max-shard-size");
        }
      }
    }
    var inputs = new CliOptions.Inputs(passed, passedNamed, rejected, directory);
    Path outputDir = OUTPUT_DIR.optional(line).orElse(directory);
    String format = FORMAT.value(line);
    var reading =
        new CliOptions.Reading(
            ON_ERROR.value(line),
            STRICT.given(line),
            MAX_LINE_BYTES.value(line),
            MAX_ERRORS.optional(line).map(OptionalLong::of).orElse(OptionalLong.empty()),
            KeptColumnsOption.parse(line.getOptionValues(KEEP_COLUMNS.name())));
    if (reading.maxErrors().isPresent() && reading.errorPolicy() != ErrorPolicy.SKIP) {
      throw new CliUsageException("--max-errors applies with --on-error skip only");
    }
    Optional<CliOptions.Card> card = card(line, outputDir);
    Optional<Path> summaryJson = SUMMARY_JSON.optional(line);
    Optional<Path> pluginDir = PLUGIN_DIR.optional(line);
    return new CliOptions(
        inputs,
        outputDir,
        new CliOptions.Format(format, formatArguments(line)),
        reading,
        card,
        summaryJson,
        pluginDir,
        new CliOptions.Display(QUIET.given(line), VERBOSE.given(line)),
        TrainingSetOptions.of(line, reading.keptColumns()));
  }

  /** The flags that set format options; two that set the same option exclude each other. */
  private static List<FormatArgument> formatArguments(CommandLine line) throws CliUsageException {
    List<FormatArgument> arguments = new ArrayList<>();
    for (Flag<?> flag : Flags.formatFlags()) {
      if (flag.given(line)) {
        String option = flag.formatOption().orElseThrow();
        requireUnset(arguments, option, flag.name());
        arguments.add(new FormatArgument(flag.name(), option, flag.text(line), false));
      }
    }
    for (String given : FORMAT_OPTION.values(line)) {
      int equals = given.indexOf('=');
      String option = equals < 0 ? given : given.substring(0, equals);
      if (equals < 0 || !option.matches("[a-z][a-z0-9_]*")) {
        throw new CliUsageException(
            "--format-option takes NAME=VALUE (NAME: lower-case letters, digits, _), not '"
                + given
                + "'");
      }
      String flag = "format-option " + option;
      requireUnset(arguments, option, flag);
      String value = given.substring(equals + 1);
      boolean readsFile = value.startsWith("@") && !value.startsWith("@@");
      if (value.startsWith("@")) {
        value = value.substring(1);
      }
      if (readsFile && value.isBlank()) {
        throw new CliUsageException("--" + flag + "=@FILE needs a path");
      }
      arguments.add(new FormatArgument(flag, option, value, readsFile));
    }
    return arguments;
  }

  private static void requireUnset(List<FormatArgument> arguments, String option, String flag)
      throws CliUsageException {
    for (FormatArgument earlier : arguments) {
      if (earlier.option().equals(option)) {
        throw new CliUsageException(
            "--" + earlier.flag() + " and --" + flag + " exclude each other");
      }
    }
  }

  private static Optional<CliOptions.Card> card(CommandLine line, Path outputDir)
      throws CliUsageException {
    if (NO_DATASET_CARD.given(line)) {
      return Optional.empty();
    }
    Path file = DATASET_CARD.optional(line).orElse(outputDir.resolve(CliSyntax.CARD_FILE));
    if (file.toString().equals("-")) {
      throw new CliUsageException(
          "--dataset-card takes a file (the card is part of the dataset), not - for stdout");
    }
    Optional<String> repoId = REPO_ID.optional(line);
    Optional<String> prettyName = PRETTY_NAME.optional(line);
    return Optional.of(new CliOptions.Card(file, license(line), prettyName, repoId));
  }

  /** The license the flags name, checked against the Hub's ids; empty when none is given. */
  private static Optional<HubLicense> license(CommandLine line) throws CliUsageException {
    Optional<String> name = LICENSE_NAME.optional(line);
    Optional<String> link = LICENSE_LINK.optional(line);
    if (!LICENSE.given(line)) {
      if (name.isPresent() || link.isPresent()) {
        throw new CliUsageException("--license-name and --license-link go with --license other");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(new HubLicense(LICENSE.value(line), name, link));
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(
          "--license: "
              + e.getMessage()
                  .replace(
                      "the license's name and a link to its text",
                      "--license-name TEXT and --license-link URL")
                  .replace(
                      "a license name and link go with",
                      "--license-name and --license-link go with"));
    }
  }

  private static String lowerFirst(String message) {
    if (message == null || message.isEmpty()) {
      return "invalid command line";
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
