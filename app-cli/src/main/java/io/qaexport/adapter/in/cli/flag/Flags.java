package io.qaexport.adapter.in.cli.flag;

import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ErrorPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every flag qa-export takes, one typed {@link Flag} each with its help, default and reader, in the
 * order {@code --help} shows them; and the flags that go together, in two tables. A default is
 * written once, where the reader takes it from.
 */
public final class Flags {
  public static final String PASSED_FILE = "qa_passed.jsonl";
  public static final String REJECTED_FILE = "qa_rejected.jsonl";
  public static final String CARD_FILE = CardRequest.FILE_NAME;
  public static final String DEFAULT_INPUT_DIR = "qa";
  public static final String DEFAULT_FORMAT = "jsonl";
  public static final String DEFAULT_ON_ERROR = "fail";
  public static final String DEFAULT_MAX_LINE = "64M";
  public static final String DEFAULT_LICENSE = "unknown";
  public static final String DEFAULT_PRETTY_NAME = CardRequest.DEFAULT_PRETTY_NAME;
  public static final String DEFAULT_DEDUP = "none";
  public static final String DEFAULT_DEDUP_THRESHOLD = "0.8";
  public static final String DEFAULT_MAX_SHARD_SIZE = "500MB";

  public static final Flag<Path> INPUT_DIR =
      Flag.valued(
              "input-dir",
              "DIR",
              "directory holding "
                  + PASSED_FILE
                  + " and "
                  + REJECTED_FILE
                  + " (default: "
                  + DEFAULT_INPUT_DIR
                  + ")",
              FlagValues::path)
          .withDefault(DEFAULT_INPUT_DIR);

  public static final Flag<Path> PASSED =
      Flag.valued(
          "passed",
          "FILE",
          "the passed pairs file, or - for stdin (default: DIR/" + PASSED_FILE + "); required",
          FlagValues::input);

  public static final Flag<Path> REJECTED =
      Flag.valued(
          "rejected",
          "FILE",
          "the rejected pairs file, or - for stdin (default: DIR/"
              + REJECTED_FILE
              + ", skipped if absent)",
          FlagValues::input);

  public static final Flag<Path> OUTPUT_DIR =
      Flag.valued(
          "output-dir",
          "DIR",
          "where the dataset goes (default: the input directory;"
              + " required when --passed is stdin, a pipe or a device)",
          FlagValues::path);

  public static final Flag<String> FORMAT =
      Flag.valued(
              "format",
              "NAME",
              "output format: " + DEFAULT_FORMAT + " (default) or another from --list-formats",
              FlagValues::lowerCase)
          .withDefault(DEFAULT_FORMAT);

  public static final Flag<String> COMPRESSION =
      Flag.formatOption(
          "compression",
          "CODEC",
          "compression",
          "Parquet compression: snappy (default), zstd or none");

  public static final Flag<ErrorPolicy> ON_ERROR =
      Flag.valued(
              "on-error",
              "POLICY",
              "fail"
                  + defaultMark("fail")
                  + ": the first invalid record stops the run, nothing is written; skip"
                  + defaultMark("skip")
                  + ": leave invalid records out and log them to"
                  + " <output>.errors.jsonl",
              FlagValues::errorPolicy)
          .withDefault(DEFAULT_ON_ERROR);

  public static final Flag<Long> MAX_ERRORS =
      Flag.valued(
          "max-errors",
          "N",
          "with --on-error skip: more than N invalid records stop the"
              + " run, nothing is written; without it any number may be skipped, but a file"
              + " whose every record is skipped fails the run",
          FlagValues::maxErrors);

  public static final Flag<Boolean> STRICT =
      Flag.toggle(
          "strict",
          "a missing or null question, answer, source_document, persona or"
              + " validation.composite_score is an invalid record instead of getting a default;"
              + " persona.roll, persona.erfarenhet, an empty persona and failure_reason still get"
              + " theirs, which the summary lists");

  public static final Flag<Integer> MAX_LINE_BYTES =
      Flag.valued(
              "max-line-bytes",
              "SIZE",
              "longest input line accepted, e.g. 64M (default: " + DEFAULT_MAX_LINE + ")",
              FlagValues::maxLineBytes)
          .withDefault(DEFAULT_MAX_LINE);

  public static final Flag<String> KEEP_COLUMNS =
      Flag.valued(
          KeptColumnsOption.FLAG,
          "SPEC,...",
          "keep input fields as typed columns after the fixed ones, in the"
              + " passed and rejected outputs: SPEC is [NAME=]PATH[:TYPE], PATH dotted for nested"
              + " objects (persona.situation), NAME by default PATH with _ for . , TYPE string"
              + " (default), float64, int64, bool, list<string> or json (the value's JSON text);"
              + " a missing or null value is null; a value of another type is an invalid record;"
              + " repeatable",
          FlagValues::text);

  public static final Flag<String> LICENSE =
      Flag.valued(
          "license",
          "ID",
          "license in the dataset card, a Hub license id such as"
              + " cc-by-4.0, or other with --license-name and --license-link (default: the card's"
              + " earlier license, else "
              + DEFAULT_LICENSE
              + ")",
          FlagValues::text);

  public static final Flag<String> LICENSE_NAME =
      Flag.valued(
          "license-name", "TEXT", "with --license other: the license's name", FlagValues::text);

  public static final Flag<String> LICENSE_LINK =
      Flag.valued(
          "license-link",
          "URL",
          "with --license other: a link to the license text (a URL,"
              + " or a file in the dataset such as LICENSE)",
          FlagValues::text);

  public static final Flag<String> REPO_ID =
      Flag.valued(
          "repo-id",
          "ORG/NAME",
          "the Hub dataset repository the card's loading example" + " names",
          FlagValues::repoId);

  public static final Flag<String> PRETTY_NAME =
      Flag.valued(
          "pretty-name",
          "TEXT",
          "the dataset's name in its card (default: the card's"
              + " earlier name, else "
              + DEFAULT_PRETTY_NAME
              + ")",
          FlagValues::oneLine);

  public static final Flag<Path> DATASET_CARD =
      Flag.valued(
          "dataset-card",
          "PATH",
          "write the dataset card here (default: OUTPUT_DIR/"
              + CARD_FILE
              + "); only qa-export's keys and block in it are updated, and a "
              + CARD_FILE
              + " without them is never touched",
          FlagValues::path);

  public static final Flag<Boolean> NO_DATASET_CARD =
      Flag.toggle("no-dataset-card", "write no dataset card");

  public static final Flag<Path> SUMMARY_JSON =
      Flag.valued(
          "summary-json",
          "FILE",
          "also write the run summary as JSON to FILE, for pipelines ('-' for stdout; devices"
              + " and FIFOs are written to, links written through)",
          FlagValues::path);

  public static final Flag<Path> PLUGIN_DIR =
      Flag.valued(
          "plugin-dir",
          "DIR",
          "load output-format plugins (*.jar) from DIR (default: plugins/ beside the launcher)",
          FlagValues::path);

  public static final Flag<String> FORMAT_OPTION =
      Flag.valued(
          "format-option",
          "NAME=VALUE",
          "set an option of the output format (repeatable); NAME=@FILE reads the value from"
              + " FILE (UTF-8), @@ starts a value with @; --list-formats shows each format's"
              + " options, e.g. --format parquet --format-option compression=ZSTD",
          FlagValues::text);

  public static final Flag<Boolean> LIST_FORMATS =
      Flag.toggle("list-formats", "list the output formats and exit");

  public static final Flag<Boolean> QUIET =
      Flag.toggle("quiet", "print nothing but errors (no summary, no progress bar)");

  public static final Flag<Boolean> VERBOSE =
      Flag.toggle("verbose", "show stack traces for failures");

  public static final Flag<Boolean> HELP =
      Flag.toggle("help", "show this help and exit").alsoShort("h");

  public static final Flag<Boolean> VERSION =
      Flag.toggle("version", "show the version and exit").alsoShort("V");

  private static final List<Flag<?>> OUTPUT_AND_DISPLAY =
      List.of(
          LICENSE,
          LICENSE_NAME,
          LICENSE_LINK,
          REPO_ID,
          PRETTY_NAME,
          DATASET_CARD,
          NO_DATASET_CARD,
          SUMMARY_JSON,
          PLUGIN_DIR,
          FORMAT_OPTION,
          LIST_FORMATS,
          QUIET,
          VERBOSE,
          HELP,
          VERSION);

  /** In the order {@code --help} shows them: the input's, the training set's, the output's. */
  public static final List<Flag<?>> ALL =
      Stream.<List<Flag<?>>>of(
              List.of(
                  INPUT_DIR,
                  PASSED,
                  REJECTED,
                  OUTPUT_DIR,
                  FORMAT,
                  COMPRESSION,
                  ON_ERROR,
                  MAX_ERRORS,
                  STRICT,
                  MAX_LINE_BYTES,
                  KEEP_COLUMNS),
              TrainingSetFlags.ALL,
              OUTPUT_AND_DISPLAY)
          .flatMap(List::stream)
          .toList();

  /**
   * A flag that means something only beside another, refused alone: "--a applies with --b only".
   */
  public record AppliesWith(Flag<?> flag, Flag<?> with) {}

  public static final List<AppliesWith> APPLIES_WITH =
      List.of(
          new AppliesWith(TrainingSetFlags.SPLIT_GROUPS, TrainingSetFlags.SPLIT),
          new AppliesWith(TrainingSetFlags.SPLIT_SEED, TrainingSetFlags.SPLIT),
          new AppliesWith(TrainingSetFlags.STRATIFY, TrainingSetFlags.SPLIT),
          new AppliesWith(
              TrainingSetFlags.DECONTAMINATE_THRESHOLD, TrainingSetFlags.DECONTAMINATE));

  /** Two flags that cannot be given together: "--a and --b exclude each other". */
  public record Excludes(Flag<?> one, Flag<?> other) {}

  public static final List<Excludes> EXCLUSIVE =
      List.of(new Excludes(DATASET_CARD, NO_DATASET_CARD));

  private Flags() {}

  private static String defaultMark(String onError) {
    return onError.equals(DEFAULT_ON_ERROR) ? " (default)" : "";
  }

  /** The flags that set an output format's option, in {@link #ALL} order. */
  public static List<Flag<?>> formatFlags() {
    return ALL.stream().filter(flag -> flag.formatOption().isPresent()).toList();
  }
}
