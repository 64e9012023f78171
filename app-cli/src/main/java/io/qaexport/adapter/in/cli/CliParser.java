package io.qaexport.adapter.in.cli;

import io.qaexport.adapter.in.cli.CliOptions.FormatArgument;
import io.qaexport.adapter.in.cli.CliSyntax.Flag;
import io.qaexport.application.port.in.Decontamination;
import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.domain.Column;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.SplitAssignment;
import io.qaexport.domain.card.HubLicense;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;

/**
 * Turns the arguments into a {@link CliRequest}, or says what is wrong with them. Pure: it reads no
 * file and no system property; {@link InputResolver} does what needs them.
 */
public final class CliParser {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B?)");

  // Java arrays, and so one line's buffer, stop just short of 2 GiB.
  private static final long MAX_LINE_BYTES = Integer.MAX_VALUE - 16;

  /** The longest input line accepted unless {@code --max-line-bytes} says otherwise. */
  public static final int DEFAULT_MAX_LINE_BYTES =
      (int) bytes(CliSyntax.DEFAULT_MAX_LINE).orElseThrow();

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
    if (line.hasOption("help")) {
      return new CliRequest.ShowHelp();
    }
    if (line.hasOption("version")) {
      return new CliRequest.ShowVersion();
    }
    if (line.hasOption("list-formats")) {
      return new CliRequest.ListFormats(
          line.hasOption("verbose"), optionalPath(line, "plugin-dir"));
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
    String format = value(line, "format", CliSyntax.DEFAULT_FORMAT).toLowerCase(Locale.ROOT);
    var reading =
        new CliOptions.Reading(
            errorPolicy(value(line, "on-error", CliSyntax.DEFAULT_ON_ERROR)),
            line.hasOption("strict"),
            maxLineBytes(value(line, "max-line-bytes", null)),
            maxErrors(value(line, "max-errors", null)),
            KeptColumnsOption.parse(line.getOptionValues(KeptColumnsOption.FLAG)));
    if (reading.maxErrors().isPresent() && reading.errorPolicy() != ErrorPolicy.SKIP) {
      throw new CliUsageException("--max-errors applies with --on-error skip only");
    }
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
        new CliOptions.Display(line.hasOption("quiet"), line.hasOption("verbose")),
        trainingSet(line, reading.keptColumns()));
  }

  private static TrainingSet trainingSet(CommandLine line, List<Column.Kept> kept)
      throws CliUsageException {
    OptionalDouble minScore = OptionalDouble.empty();
    if (line.hasOption("min-score")) {
      minScore = OptionalDouble.of(number(line, "min-score"));
    }
    String dedupName = value(line, "dedup", CliSyntax.DEFAULT_DEDUP);
    TrainingSet.Dedup dedup =
        switch (dedupName.toLowerCase(Locale.ROOT)) {
          case "none" -> TrainingSet.Dedup.NONE;
          case "exact" -> TrainingSet.Dedup.EXACT;
          case "near" -> TrainingSet.Dedup.NEAR;
          default ->
              throw new CliUsageException(
                  "--dedup takes 'none', 'exact' or 'near', not '" + dedupName + "'");
        };
    boolean splitNearGroups = false;
    if (line.hasOption("split-groups")) {
      if (!line.hasOption("split")) {
        throw new CliUsageException("--split-groups applies with --split only");
      }
      String groups = value(line, "split-groups", null).toLowerCase(Locale.ROOT);
      if (!groups.equals("exact") && !groups.equals("near")) {
        throw new CliUsageException(
            "--split-groups takes 'exact' or 'near', not '"
                + value(line, "split-groups", null)
                + "'");
      }
      splitNearGroups = groups.equals("near");
      if (splitNearGroups && line.hasOption("stratify")) {
        throw new CliUsageException("--split-groups near and --stratify exclude each other");
      }
    }
    double threshold = TrainingSet.DEFAULT_DEDUP_THRESHOLD;
    if (line.hasOption("dedup-threshold")) {
      if (dedup != TrainingSet.Dedup.NEAR && !splitNearGroups) {
        throw new CliUsageException(
            "--dedup-threshold applies to --dedup near or --split-groups near only");
      }
      threshold = number(line, "dedup-threshold");
      if (!(threshold > 0 && threshold <= 1)) {
        throw new CliUsageException(
            "--dedup-threshold takes a similarity above 0 and at most 1,"
                + " not '"
                + value(line, "dedup-threshold", null)
                + "'");
      }
    }
    if (line.hasOption("split-seed") && !line.hasOption("split")) {
      throw new CliUsageException("--split-seed applies with --split only");
    }
    Optional<SplitAssignment> split = Optional.empty();
    if (line.hasOption("split")) {
      split =
          Optional.of(
              new SplitAssignment(
                  splits(value(line, "split", null)),
                  line.hasOption("split-seed") ? seed(value(line, "split-seed", null)) : 0));
    }
    Optional<Column> stratify = Optional.empty();
    if (line.hasOption("stratify")) {
      if (!line.hasOption("split")) {
        throw new CliUsageException("--stratify applies with --split only");
      }
      stratify = Optional.of(stratifyBy(value(line, "stratify", null), kept));
    }
    long maxShard = shardSize(value(line, "max-shard-size", CliSyntax.DEFAULT_MAX_SHARD_SIZE));
    return new TrainingSet(
        minScore,
        dedup,
        threshold,
        split,
        stratify,
        maxShard,
        ExportCommandLine.REJECTED_OUTPUT,
        splitNearGroups,
        decontamination(line, threshold));
  }

  /** Persona, or a kept string column, by name. */
  private static Column stratifyBy(String name, List<Column.Kept> kept) throws CliUsageException {
    if (name.equalsIgnoreCase(RecordShape.PERSONA.name())) {
      return RecordShape.PERSONA;
    }
    for (Column.Kept column : kept) {
      if (column.name().equals(name)) {
        if (column.keptType() != KeptType.STRING) {
          throw new CliUsageException(
              "--stratify "
                  + name
                  + ": the kept column is "
                  + column.keptType().spelling()
                  + "; stratifying takes a string column");
        }
        return column;
      }
    }
    throw new CliUsageException(
        "--stratify takes 'persona' or a kept string column (--keep-columns), not '"
            + name
            + "'"
            + (kept.isEmpty()
                ? ""
                : "; kept: " + kept.stream().map(Column::name).collect(Collectors.joining(", "))));
  }

  private static Decontamination decontamination(CommandLine line, double dedupThreshold)
      throws CliUsageException {
    String[] given = line.getOptionValues("decontaminate");
    if (given == null) {
      if (line.hasOption("decontaminate-threshold")) {
        throw new CliUsageException("--decontaminate-threshold applies with --decontaminate only");
      }
      return Decontamination.NONE;
    }
    List<Path> references = new ArrayList<>();
    for (String reference : given) {
      if (reference.isBlank()) {
        throw new CliUsageException("--decontaminate needs a path");
      }
      try {
        references.add(Path.of(reference));
      } catch (InvalidPathException e) {
        throw new CliUsageException("--decontaminate: not a valid path: " + reference);
      }
    }
    double threshold = dedupThreshold;
    if (line.hasOption("decontaminate-threshold")) {
      threshold = number(line, "decontaminate-threshold");
      if (!(threshold > 0 && threshold <= 1)) {
        throw new CliUsageException(
            "--decontaminate-threshold takes a similarity above 0 and"
                + " at most 1, not '"
                + value(line, "decontaminate-threshold", null)
                + "'");
      }
    }
    return new Decontamination(references, threshold);
  }

  private static double number(CommandLine line, String option) throws CliUsageException {
    String value = value(line, option, null);
    try {
      double number = Double.parseDouble(value.trim());
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below.
    }
    throw new CliUsageException("--" + option + " takes a number, not '" + value + "'");
  }

  /** YAML 1.1 reads these unquoted words as booleans or null, not as a split's name. */
  private static final Set<String> YAML_WORDS =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  /**
   * Why {@code name} cannot name a split, or null if it can: {@code datasets} takes {@code
   * ^\w+(\.\w+)*$} and reserves {@code all}; the card's YAML must read it as a string, so it starts
   * with a letter and is no YAML boolean or null word.
   */
  static String splitNameRefusal(String name) {
    if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
      return "(a letter, then letters, digits or _, e.g. train or test_2)";
    }
    if (name.equalsIgnoreCase("all")) {
      return "(datasets reserves 'all' for every split together)";
    }
    if (YAML_WORDS.contains(name.toLowerCase(Locale.ROOT))) {
      return "(YAML reads it as a boolean or null in the card)";
    }
    return null;
  }

  /** {@code train=0.9,test=0.1}: split names as the Hub takes them, fractions adding up to 1. */
  private static List<SplitAssignment.Split> splits(String value) throws CliUsageException {
    List<SplitAssignment.Split> splits = new ArrayList<>();
    double sum = 0;
    for (String part : value.split(",", -1)) {
      String[] nameAndFraction = part.trim().split("=", -1);
      if (nameAndFraction.length != 2 || !nameAndFraction[0].trim().matches("\\w+")) {
        throw new CliUsageException(
            "--split takes NAME=FRACTION,... (e.g. train=0.9,test=0.1)," + " not '" + value + "'");
      }
      String name = nameAndFraction[0].trim();
      String refusal = splitNameRefusal(name);
      if (refusal != null) {
        throw new CliUsageException("--split: '" + name + "' is not a split name " + refusal);
      }
      double fraction;
      try {
        fraction = Double.parseDouble(nameAndFraction[1].trim());
      } catch (NumberFormatException e) {
        fraction = Double.NaN;
      }
      if (!(fraction > 0 && fraction <= 1)) {
        throw new CliUsageException(
            "--split: the fraction of '"
                + name
                + "' is above 0 and at"
                + " most 1, not '"
                + nameAndFraction[1].trim()
                + "'");
      }
      for (SplitAssignment.Split earlier : splits) {
        if (earlier.name().equals(name)) {
          throw new CliUsageException("--split names '" + name + "' twice");
        }
      }
      splits.add(new SplitAssignment.Split(name, fraction));
      sum += fraction;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new CliUsageException(
          String.format(
              Locale.ROOT,
              "--split: the fractions add up to %s, not 1",
              BigDecimal.valueOf(sum).stripTrailingZeros().toPlainString()));
    }
    // Exactly 1, so the assignment's own check holds: the last split takes the rounding.
    double others = 0;
    for (int i = 0; i < splits.size() - 1; i++) {
      others += splits.get(i).fraction();
    }
    SplitAssignment.Split last = splits.get(splits.size() - 1);
    splits.set(splits.size() - 1, new SplitAssignment.Split(last.name(), 1 - others));
    return splits;
  }

  private static long seed(String value) throws CliUsageException {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new CliUsageException("--split-seed takes a whole number, not '" + value + "'");
    }
  }

  /**
   * The one size grammar of every size flag: {@code 500MB} (decimal, as push_to_hub counts), {@code
   * 1GiB} or {@code 64M} (binary), or plain bytes; empty if {@code value} is none or overflows.
   */
  static OptionalLong bytes(String value) {
    var matcher = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
    if (!matcher.matches() || (matcher.group(2).isEmpty() && matcher.group(3).equals("IB"))) {
      return OptionalLong.empty();
    }
    boolean decimal = matcher.group(3).equals("B");
    int power = matcher.group(2).isEmpty() ? 0 : "KMGT".indexOf(matcher.group(2)) + 1;
    try {
      long bytes = Long.parseLong(matcher.group(1));
      for (int i = 0; i < power; i++) {
        bytes = Math.multiplyExact(bytes, decimal ? 1000 : 1024);
      }
      return OptionalLong.of(bytes);
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }

  private static long shardSize(String value) throws CliUsageException {
    OptionalLong bytes = bytes(value);
    if (bytes.isPresent() && bytes.getAsLong() > 0) {
      return bytes.getAsLong();
    }
    throw new CliUsageException(
        "--max-shard-size takes a size such as 500MB, 1GiB or 64M, not '" + value + "'");
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
      String value =
          flag.readsFile()
              ? path(line, flag.name(), null).toString()
              : value(line, flag.name(), null);
      arguments.add(new FormatArgument(flag.name(), option, value, flag.readsFile()));
    }
    String[] generic = line.getOptionValues("format-option");
    for (String given : generic == null ? new String[0] : generic) {
      int equals = given.indexOf('=');
      String option = equals < 0 ? given : given.substring(0, equals);
      if (equals < 0 || !option.matches("[a-z][a-z0-9_]*")) {
        throw new CliUsageException(
            "--format-option takes NAME=VALUE (NAME: lower-case letters, digits, _), not '"
                + given
                + "'");
      }
      String flag = "format-option " + option;
      for (FormatArgument earlier : arguments) {
        if (earlier.option().equals(option)) {
          throw new CliUsageException(
              "--" + earlier.flag() + " and --" + flag + " exclude each other");
        }
      }
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

  private static Optional<CliOptions.Card> card(CommandLine line, Path outputDir)
      throws CliUsageException {
    if (line.hasOption("no-dataset-card")) {
      if (line.hasOption("dataset-card")) {
        throw new CliUsageException("--dataset-card and --no-dataset-card exclude each other");
      }
      return Optional.empty();
    }
    Path file =
        line.hasOption("dataset-card")
            ? path(line, "dataset-card", null)
            : outputDir.resolve(CliSyntax.CARD_FILE);
    Optional<String> repoId = Optional.ofNullable(value(line, "repo-id", null));
    if (repoId.isPresent()
        && !repoId.get().matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new CliUsageException(
          "--repo-id takes ORG/NAME, the Hub repository (e.g."
              + " my-org/vardfragor), not '"
              + repoId.get()
              + "'");
    }
    Optional<String> prettyName = Optional.ofNullable(value(line, "pretty-name", null));
    if (prettyName.isPresent()
        && (prettyName.get().isBlank()
            || prettyName.get().codePoints().anyMatch(CliParser::isLineOrControl))) {
      throw new CliUsageException(
          "--pretty-name takes one line of text without control"
              + " characters, not "
              + printable(prettyName.get()));
    }
    return Optional.of(new CliOptions.Card(file, license(line), prettyName, repoId));
  }

  private static boolean isLineOrControl(int cp) {
    return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029;
  }

  /** {@code text} quoted, with its control characters shown as escapes. */
  private static String printable(String text) {
    var out = new StringBuilder("'");
    text.codePoints()
        .forEach(
            cp ->
                out.append(
                    isLineOrControl(cp)
                        ? String.format(Locale.ROOT, "\\u%04X", cp)
                        : Character.toString(cp)));
    return out.append('\'').toString();
  }

  /** The license the flags name, checked against the Hub's ids; empty when none is given. */
  private static Optional<HubLicense> license(CommandLine line) throws CliUsageException {
    Optional<String> name = Optional.ofNullable(value(line, "license-name", null));
    Optional<String> link = Optional.ofNullable(value(line, "license-link", null));
    if (!line.hasOption("license")) {
      if (name.isPresent() || link.isPresent()) {
        throw new CliUsageException("--license-name and --license-link go with --license other");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(new HubLicense(value(line, "license", null), name, link));
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

  private static ErrorPolicy errorPolicy(String value) throws CliUsageException {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "fail" -> ErrorPolicy.FAIL;
      case "skip" -> ErrorPolicy.SKIP;
      default ->
          throw new CliUsageException("--on-error takes 'fail' or 'skip', not '" + value + "'");
    };
  }

  private static int maxLineBytes(String value) throws CliUsageException {
    if (value == null) {
      return DEFAULT_MAX_LINE_BYTES;
    }
    OptionalLong parsed = bytes(value);
    long bytes = parsed.orElse(-1);
    if (bytes < 1 || bytes > MAX_LINE_BYTES) {
      throw new CliUsageException(
          "--max-line-bytes takes a size from 1 to "
              + MAX_LINE_BYTES
              + " bytes (e.g. 64M or 64MB), not '"
              + value
              + "'");
    }
    return (int) bytes;
  }

  private static OptionalLong maxErrors(String value) throws CliUsageException {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long limit = Long.parseLong(value.trim());
      if (limit >= 0) {
        return OptionalLong.of(limit);
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new CliUsageException(
        "--max-errors takes a number of records, 0 or more, not '" + value + "'");
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
