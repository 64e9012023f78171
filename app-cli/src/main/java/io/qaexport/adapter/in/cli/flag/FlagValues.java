package io.qaexport.adapter.in.cli.flag;

import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.domain.SplitAssignment;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** How each flag's text becomes its value ({@link Flag.Reader}s), and what each refuses. */
public final class FlagValues {
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]?)(I?B?)");

  // Java arrays, and so one line's buffer, stop just short of 2 GiB.
  private static final long MAX_LINE_BYTES = Integer.MAX_VALUE - 16;

  /** What {@code -} stands for as an input file. */
  public static final Path STDIN = Path.of("/dev/stdin");

  /** YAML 1.1 reads these unquoted words as booleans or null, not as a split's name. */
  private static final Set<String> YAML_WORDS =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private FlagValues() {}

  static String text(String flag, String text) {
    return text;
  }

  static String lowerCase(String flag, String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  static Path path(String flag, String text) throws CliUsageException {
    if (text == null || text.isBlank()) {
      throw new CliUsageException("--" + flag + " needs a path");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new CliUsageException("--" + flag + ": not a valid path: " + text);
    }
  }

  /** An input file's path; {@code -} is stdin, as for jq and the GNU tools. */
  static Path input(String flag, String text) throws CliUsageException {
    return "-".equals(text) ? STDIN : path(flag, text);
  }

  static double number(String flag, String text) throws CliUsageException {
    try {
      double number = Double.parseDouble(text.trim());
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below.
    }
    throw new CliUsageException("--" + flag + " takes a number, not '" + text + "'");
  }

  /** A Jaccard similarity threshold: above 0, at most 1. */
  static double similarity(String flag, String text) throws CliUsageException {
    double threshold = number(flag, text);
    if (!(threshold > 0 && threshold <= 1)) {
      throw new CliUsageException(
          "--" + flag + " takes a similarity above 0 and at most 1, not '" + text + "'");
    }
    return threshold;
  }

  static ErrorPolicy errorPolicy(String flag, String text) throws CliUsageException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "fail" -> ErrorPolicy.FAIL;
      case "skip" -> ErrorPolicy.SKIP;
      default ->
          throw new CliUsageException("--" + flag + " takes 'fail' or 'skip', not '" + text + "'");
    };
  }

  static TrainingSet.Dedup dedup(String flag, String text) throws CliUsageException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "none" -> TrainingSet.Dedup.NONE;
      case "exact" -> TrainingSet.Dedup.EXACT;
      case "near" -> TrainingSet.Dedup.NEAR;
      default ->
          throw new CliUsageException(
              "--" + flag + " takes 'none', 'exact' or 'near', not '" + text + "'");
    };
  }

  /** {@code --split-groups}: whether near duplicates share a split (else exact ones). */
  static boolean nearGroups(String flag, String text) throws CliUsageException {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "exact" -> false;
      case "near" -> true;
      default ->
          throw new CliUsageException("--" + flag + " takes 'exact' or 'near', not '" + text + "'");
    };
  }

  static long seed(String flag, String text) throws CliUsageException {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new CliUsageException("--" + flag + " takes a whole number, not '" + text + "'");
    }
  }

  static long maxErrors(String flag, String text) throws CliUsageException {
    try {
      long limit = Long.parseLong(text.trim());
      if (limit >= 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new CliUsageException(
        "--" + flag + " takes a number of records, 0 or more, not '" + text + "'");
  }

  static int maxLineBytes(String flag, String text) throws CliUsageException {
    long bytes = bytes(text).orElse(-1);
    if (bytes < 1 || bytes > MAX_LINE_BYTES) {
      throw new CliUsageException(
          "--"
              + flag
              + " takes a size from 1 to "
              + MAX_LINE_BYTES
              + " bytes (e.g. 64M or 64MB), not '"
              + text
              + "'");
    }
    return (int) bytes;
  }

  static long shardSize(String flag, String text) throws CliUsageException {
    OptionalLong bytes = bytes(text);
    if (bytes.isPresent() && bytes.getAsLong() > 0) {
      return bytes.getAsLong();
    }
    throw new CliUsageException(
        "--" + flag + " takes a size such as 500MB, 1GiB or 64M, not '" + text + "'");
  }

  /**
   * The one size grammar of every size flag: {@code 500MB} (decimal, as push_to_hub counts), {@code
   * 1GiB} or {@code 64M} (binary), or plain bytes; empty if {@code value} is none or overflows.
   */
  public static OptionalLong bytes(String value) {
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

  /**
   * The Hub's rule for repository ids (huggingface_hub's {@code validate_repo_id}): each part
   * letters, digits, '-', '_', '.', starting and ending with a letter, digit or '_'; no "--" or
   * ".."; no ".git" at the end; a name of at most 96 characters.
   */
  static String repoId(String flag, String text) throws CliUsageException {
    String part = "[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?";
    int slash = text.indexOf('/');
    if (!text.matches(part + "/" + part)
        || text.contains("--")
        || text.contains("..")
        || text.endsWith(".git")
        || text.length() - slash - 1 > 96) {
      throw new CliUsageException(
          "--"
              + flag
              + " takes ORG/NAME, the Hub repository (e.g. my-org/vardfragor: letters, digits, -, _"
              + " and ., not first or last, no -- or .., no .git at the end, a name of at most 96"
              + " characters), not '"
              + text
              + "'");
    }
    return text;
  }

  static String oneLine(String flag, String text) throws CliUsageException {
    if (text.isBlank() || text.codePoints().anyMatch(FlagValues::isLineOrControl)) {
      throw new CliUsageException(
          "--" + flag + " takes one line of text without control characters, not " + quoted(text));
    }
    return text;
  }

  private static boolean isLineOrControl(int cp) {
    return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029;
  }

  /** {@code text} quoted, with its control characters shown as escapes. */
  private static String quoted(String text) {
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
  static List<SplitAssignment.Split> splits(String flag, String value) throws CliUsageException {
    List<SplitAssignment.Split> splits = new ArrayList<>();
    double sum = 0;
    for (String part : value.split(",", -1)) {
      String[] nameAndFraction = part.trim().split("=", -1);
      if (nameAndFraction.length != 2 || !nameAndFraction[0].trim().matches("\\w+")) {
        throw new CliUsageException(
            "--"
                + flag
                + " takes NAME=FRACTION,... (e.g. train=0.9,test=0.1), not '"
                + value
                + "'");
      }
      String name = nameAndFraction[0].trim();
      String refusal = splitNameRefusal(name);
      if (refusal != null) {
        throw new CliUsageException(
            "--" + flag + ": '" + name + "' is not a split name " + refusal);
      }
      double fraction;
      try {
        fraction = Double.parseDouble(nameAndFraction[1].trim());
      } catch (NumberFormatException e) {
        fraction = Double.NaN;
      }
      if (!(fraction > 0 && fraction <= 1)) {
        throw new CliUsageException(
            "--"
                + flag
                + ": the fraction of '"
                + name
                + "' is above 0 and at most 1, not '"
                + nameAndFraction[1].trim()
                + "'");
      }
      for (SplitAssignment.Split earlier : splits) {
        if (earlier.name().equals(name)) {
          throw new CliUsageException("--" + flag + " names '" + name + "' twice");
        }
        if (earlier.name().equalsIgnoreCase(name)) {
          // Their files would be one file on a case-insensitive file system (macOS, Windows).
          throw new CliUsageException(
              "--"
                  + flag
                  + ": '"
                  + earlier.name()
                  + "' and '"
                  + name
                  + "' differ only in case, and their files would collide where case is not told"
                  + " apart (macOS, Windows)");
        }
      }
      splits.add(new SplitAssignment.Split(name, fraction));
      sum += fraction;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new CliUsageException(
          String.format(
              Locale.ROOT,
              "--%s: the fractions add up to %s, not 1",
              flag,
              BigDecimal.valueOf(sum)
                  .round(new MathContext(12)) // 0.333 three times: 0.999, not 0.9990000000000001
                  .stripTrailingZeros()
                  .toPlainString()));
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
}
