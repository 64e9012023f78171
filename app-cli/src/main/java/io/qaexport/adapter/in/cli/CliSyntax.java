package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.CardRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The flags qa-export takes, one line each, their defaults, and the {@code --help} text rendered
 * from both: a default is written once, where the parser takes it from.
 */
public final class CliSyntax {
  public static final String PASSED_FILE = "qa_passed.jsonl";
  public static final String REJECTED_FILE = "qa_rejected.jsonl";
  static final String CARD_FILE = "README.md";
  static final String DEFAULT_INPUT_DIR = "qa";
  static final String DEFAULT_FORMAT = "jsonl";
  static final String DEFAULT_ON_ERROR = "fail";
  static final String DEFAULT_MAX_LINE = "64M";
  static final String DEFAULT_LICENSE = "unknown";
  static final String DEFAULT_PRETTY_NAME = CardRequest.DEFAULT_PRETTY_NAME;
  static final String DEFAULT_DEDUP = "none";
  static final String DEFAULT_DEDUP_THRESHOLD = "0.8";
  static final String DEFAULT_MAX_SHARD_SIZE = "500MB";

  /**
   * A flag: its value's name ({@code null} for a switch), its help, and the output-format option it
   * sets, if any, with whether its value names a file to read the option's value from.
   */
  record Flag(
      String name,
      String argName,
      String description,
      Optional<String> formatOption,
      boolean readsFile,
      Optional<String> shortName) {

    static Flag valued(String name, String argName, String description) {
      return new Flag(name, argName, description, Optional.empty(), false, Optional.empty());
    }

    static Flag toggle(String name, String description) {
      return new Flag(name, null, description, Optional.empty(), false, Optional.empty());
    }

    /** {@code --name VALUE} gives the format the option {@code option}. */
    static Flag formatOption(String name, String argName, String option, String description) {
      return new Flag(name, argName, description, Optional.of(option), false, Optional.empty());
    }

    /** {@code --name FILE} gives the format the option {@code option}, read from FILE. */
    /** This flag, also spelt {@code -letter}. */
    Flag alsoShort(String letter) {
      return new Flag(name, argName, description, formatOption, readsFile, Optional.of(letter));
    }
  }

  /** In the order {@code --help} shows them. */
  static final List<Flag> FLAGS =
      List.of(
          Flag.valued(
              "input-dir",
              "DIR",
              "directory holding "
                  + PASSED_FILE
                  + " and "
                  + REJECTED_FILE
                  + " (default: "
                  + DEFAULT_INPUT_DIR
                  + ")"),
          Flag.valued(
              "passed",
              "FILE",
              "the passed pairs file, or - for stdin (default: DIR/" + PASSED_FILE + "); required"),
          Flag.valued(
              "rejected",
              "FILE",
              "the rejected pairs file, or - for stdin (default: DIR/"
                  + REJECTED_FILE
                  + ", skipped if absent)"),
          Flag.valued(
              "output-dir",
              "DIR",
              "where the dataset goes (default: the input directory;"
                  + " required when --passed is stdin, a pipe or a device)"),
          Flag.valued(
              "format",
              "NAME",
              "output format: " + DEFAULT_FORMAT + " (default) or another from --list-formats"),
          Flag.formatOption(
              "compression",
              "CODEC",
              "compression",
              "Parquet compression: snappy (default), zstd or none"),
          Flag.valued(
              "on-error",
              "POLICY",
              "fail"
                  + defaultMark("fail")
                  + ": the first invalid record stops the run, nothing is written; skip"
                  + defaultMark("skip")
                  + ": leave invalid records out and log them to"
                  + " <output>.errors.jsonl"),
          Flag.valued(
              "max-errors",
              "N",
              "with --on-error skip: more than N invalid records stop the"
                  + " run, nothing is written; without it any number may be skipped, but a run that"
                  + " skips records and exports none fails"),
          Flag.toggle(
              "strict",
              "a missing or null question, answer, source_document, persona or"
                  + " validation.composite_score is an invalid record instead of getting a default;"
                  + " persona.roll, persona.erfarenhet, an empty persona and failure_reason still get"
                  + " theirs, which the summary lists"),
          Flag.valued(
              "max-line-bytes",
              "SIZE",
              "longest input line accepted, e.g. 64M (default: " + DEFAULT_MAX_LINE + ")"),
          Flag.valued(
              KeptColumnsOption.FLAG,
              "SPEC,...",
              "keep input fields as typed columns after the fixed ones, in the"
                  + " passed and rejected outputs: SPEC is [NAME=]PATH[:TYPE], PATH dotted for nested"
                  + " objects (persona.situation), NAME by default PATH with _ for . , TYPE string"
                  + " (default), float64, int64, bool, list<string> or json (the value's JSON text);"
                  + " a missing or null value is null; a value of another type is an invalid record;"
                  + " repeatable"),
          Flag.valued(
              "min-score",
              "X",
              "passed pairs whose validation_score is below X move to the"
                  + " rejected output, with the reason"),
          Flag.valued(
              "dedup",
              "MODE",
              "drop duplicate questions among the passed pairs, keeping the"
                  + " best-scored: none (default), exact (equal once normalised) or near (MinHash,"
                  + " verified Jaccard similarity); dropped pairs go to <output>.duplicates.jsonl"),
          Flag.valued(
              "dedup-threshold",
              "J",
              "the Jaccard similarity from which --dedup near and"
                  + " --split-groups near call two questions duplicates (default: "
                  + DEFAULT_DEDUP_THRESHOLD
                  + ")"),
          Flag.valued(
              "decontaminate",
              "PATH",
              "leave out passed pairs whose question matches a"
                  + " reference question (normalised-equal, or verified Jaccard similarity of"
                  + " --decontaminate-threshold or more); PATH: a JSONL file with a question per record"
                  + " (compressed too), a Parquet file with a question column, a .txt file of one"
                  + " question per line, or an earlier export's"
                  + " directory; repeatable; left-out pairs go to <output>.decontaminated.jsonl"),
          Flag.valued(
              "decontaminate-threshold",
              "J",
              "the Jaccard similarity from which"
                  + " --decontaminate calls a question a match (default: --dedup-threshold, else "
                  + DEFAULT_DEDUP_THRESHOLD
                  + ")"),
          Flag.valued(
              "split",
              "NAME=FRACTION,...",
              "split the passed pairs, e.g."
                  + " train=0.9,test=0.1, by a stable hash of the normalised question: a re-export keeps"
                  + " every pair in its split"),
          Flag.valued("split-seed", "N", "another seed gives another split (default: 0)"),
          Flag.valued(
              "split-groups",
              "MODE",
              "which questions share a split: exact (default:"
                  + " equal once normalised) or near (also paraphrases, verified Jaccard similarity of"
                  + " --dedup-threshold or more, even when --dedup keeps them; reads the passed file"
                  + " twice)"),
          Flag.valued(
              "stratify",
              "FIELD",
              "with --split: the pairs of each value of FIELD follow the"
                  + " fractions exactly (FIELD: persona, or a kept string column); a re-export may"
                  + " then move pairs next to a cut"),
          Flag.valued(
              "max-shard-size",
              "SIZE",
              "a split larger than SIZE is written as Hub-named"
                  + " shards, e.g. 500MB or 1GiB (default: "
                  + DEFAULT_MAX_SHARD_SIZE
                  + ")"),
          Flag.valued(
              "license",
              "ID",
              "license in the dataset card, a Hub license id such as"
                  + " cc-by-4.0, or other with --license-name and --license-link (default: the card's"
                  + " earlier license, else "
                  + DEFAULT_LICENSE
                  + ")"),
          Flag.valued("license-name", "TEXT", "with --license other: the license's name"),
          Flag.valued(
              "license-link",
              "URL",
              "with --license other: a link to the license text (a URL,"
                  + " or a file in the dataset such as LICENSE)"),
          Flag.valued(
              "repo-id",
              "ORG/NAME",
              "the Hub dataset repository the card's loading example" + " names"),
          Flag.valued(
              "pretty-name",
              "TEXT",
              "the dataset's name in its card (default: the card's"
                  + " earlier name, else "
                  + DEFAULT_PRETTY_NAME
                  + ")"),
          Flag.valued(
              "dataset-card",
              "PATH",
              "write the dataset card here (default: OUTPUT_DIR/"
                  + CARD_FILE
                  + "); only qa-export's keys and block in it are updated, and a "
                  + CARD_FILE
                  + " without them is never touched"),
          Flag.toggle("no-dataset-card", "write no dataset card"),
          Flag.valued(
              "summary-json",
              "FILE",
              "also write the run summary as JSON to FILE, for pipelines ('-' for stdout; devices"
                  + " and FIFOs are written to, links written through)"),
          Flag.valued(
              "plugin-dir",
              "DIR",
              "load output-format plugins (*.jar) from DIR (default: plugins/ beside the launcher)"),
          Flag.valued(
              "format-option",
              "NAME=VALUE",
              "set an option of the output format (repeatable); NAME=@FILE reads the value from"
                  + " FILE (UTF-8), @@ starts a value with @; --list-formats shows each format's"
                  + " options, e.g. --format chat --format-option system_prompt=TEXT"),
          Flag.toggle("list-formats", "list the output formats and exit"),
          Flag.toggle("quiet", "print nothing but errors (no summary, no progress bar)"),
          Flag.toggle("verbose", "show stack traces for failures"),
          Flag.toggle("help", "show this help and exit").alsoShort("h"),
          Flag.toggle("version", "show the version and exit").alsoShort("V"));

  static final Options OPTIONS = options();

  private CliSyntax() {}

  private static String defaultMark(String onError) {
    return onError.equals(DEFAULT_ON_ERROR) ? " (default)" : "";
  }

  /** The flags that set an output format's option, in {@link #FLAGS} order. */
  static List<Flag> formatFlags() {
    return FLAGS.stream().filter(flag -> flag.formatOption().isPresent()).toList();
  }

  /** The {@code --help} text. */
  // The deprecated HelpFormatter: commons-cli's new help package lays the options out
  // differently, and the README's usage block is this text byte for byte.
  @SuppressWarnings("deprecation")
  public static String helpText() {
    var text = new StringWriter();
    var writer = new PrintWriter(text);
    HelpFormatter formatter = HelpFormatter.builder().get();
    formatter.setOptionComparator(null);
    formatter.printHelp(
        writer,
        100,
        "qa-export [options]",
        "\nTurns the validation step's "
            + PASSED_FILE
            + " and "
            + REJECTED_FILE
            + " into HuggingFace-ready datasets: "
            + ExportCommandLine.PASSED_OUTPUT
            + ".<ext> and "
            + ExportCommandLine.REJECTED_OUTPUT
            + ".<ext> in the output directory.\n\n",
        OPTIONS,
        2,
        2,
        "\nInput files may be gzip, zstd, bzip2 or xz compressed, told by their first bytes; line"
            + " numbers count decompressed lines, and a corrupt or truncated file is invalid input."
            + "\n\nOutputs are written to temporary files (.NAME.PID.qa-export-tmp) and moved into"
            + " place only when the whole run succeeded, all together: even after kill -9 the output"
            + " directory holds the earlier dataset or the new one, never a mix. One run at a time"
            + " uses an output directory (.qa-export.lock); a second one waits. No output may be an"
            + " input.\n\nExit codes: 0 success; 1 invalid input data; 2 usage error (unknown option"
            + " or format, missing passed file); 3 I/O failure (unreadable input, unwritable output,"
            + " disk full, a failing plugin); 4 internal error (a bug: please report it with"
            + " --verbose output); 130 interrupted (Ctrl-C), nothing written.\n");
    writer.flush();
    return text.toString();
  }

  private static Options options() {
    var options = new Options();
    for (Flag flag : FLAGS) {
      Option.Builder option =
          Option.builder(flag.shortName().orElse(null))
              .longOpt(flag.name())
              .desc(flag.description());
      if (flag.argName() != null) {
        option.hasArg().argName(flag.argName());
      }
      options.addOption(option.get());
    }
    return options;
  }
}
