package io.qaexport.adapter.in.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.adapter.in.cli.CliOptions.FormatArgument;
import io.qaexport.adapter.in.cli.flag.CliUsageException;
import io.qaexport.adapter.in.cli.flag.Flag;
import io.qaexport.adapter.in.cli.flag.Flags;
import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.SplitAssignment;
import io.qaexport.domain.card.HubLicense;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arguments in, a request or one usage error out; nothing here touches a file. */
class CliParserTest {

  private static CliOptions export(String... args) throws CliUsageException {
    return assertInstanceOf(CliRequest.Export.class, CliParser.parse(args)).options();
  }

  private static String usageError(String... args) {
    return assertThrows(CliUsageException.class, () -> CliParser.parse(args)).getMessage();
  }

  @Test
  void noArgumentsReadTheQaDirectoryAsJsonlWithEveryDefault() throws CliUsageException {
    CliOptions options = export();

    assertEquals(
        new CliOptions.Inputs(
            Path.of("qa/qa_passed.jsonl"), false, Optional.empty(), Path.of("qa")),
        options.inputs());
    assertEquals(Path.of("qa/qa_rejected.jsonl"), options.inputs().rejectedBeside());
    assertEquals(Path.of("qa"), options.outputDir());
    assertEquals(new CliOptions.Format("jsonl", List.of()), options.format());
    assertEquals(new CliOptions.Reading(ErrorPolicy.FAIL, false, 64 << 20), options.reading());
    assertEquals(
        Optional.of(
            new CliOptions.Card(
                Path.of("qa/README.md"), Optional.empty(), Optional.empty(), Optional.empty())),
        options.card());
    assertEquals(Optional.empty(), options.summaryJson());
    assertEquals(Optional.empty(), options.pluginDir());
    assertEquals(new CliOptions.Display(false, false), options.display());
  }

  /** A valid value for each flag the tables name, so that only the table's rule can refuse. */
  private static final Map<String, String> VALID =
      Map.of(
          "split-groups", "near",
          "split-seed", "7",
          "stratify", "persona",
          "decontaminate-threshold", "0.5",
          "dataset-card", "card.md");

  private static String[] given(Flag<?> flag) {
    return flag.argName() == null
        ? new String[] {flag.dashed()}
        : new String[] {flag.dashed(), VALID.get(flag.name())};
  }

  @Test
  void everyTabledRuleBetweenFlagsRefusesWithItsOwnWords() {
    for (Flags.AppliesWith rule : Flags.APPLIES_WITH) {
      assertEquals(
          rule.flag().dashed() + " applies with " + rule.with().dashed() + " only",
          usageError(given(rule.flag())),
          rule.toString());
    }
    for (Flags.Excludes rule : Flags.EXCLUSIVE) {
      String[] one = given(rule.one());
      String[] other = given(rule.other());
      String[] both = new String[one.length + other.length];
      System.arraycopy(one, 0, both, 0, one.length);
      System.arraycopy(other, 0, both, one.length, other.length);
      assertEquals(
          rule.one().dashed() + " and " + rule.other().dashed() + " exclude each other",
          usageError(both),
          rule.toString());
    }
  }

  @Test
  void everySizeFlagTakesTheSameGrammar() throws CliUsageException {
    for (String size : List.of("64MB", "64M", "64MiB", "67108864")) {
      long bytes = size.equals("64MB") ? 64_000_000L : 64L << 20;
      assertEquals(bytes, export("--max-line-bytes", size).reading().maxLineBytes(), size);
      assertEquals(bytes, export("--max-shard-size", size).trainingSet().maxShardBytes(), size);
    }
  }

  @Test
  void everyDefaultTheHelpShowsIsTheOneTheParserUses() throws CliUsageException {
    CliOptions options = export();
    String help = CliSyntax.helpText().replaceAll("\\s+", " ");

    assertTrue(help.contains("(default: " + options.outputDir() + ")"), help);
    assertTrue(help.contains("output format: " + options.format().name() + " (default)"), help);
    assertTrue(
        help.contains(options.reading().errorPolicy().name().toLowerCase() + " (default):"), help);
    assertEquals(64 << 20, CliParser.DEFAULT_MAX_LINE_BYTES);
    assertTrue(help.contains("(default: 64M)"), help);
    CliOptions.Card card = options.card().orElseThrow();
    assertTrue(help.contains("earlier license, else " + HubLicense.UNKNOWN_ID + ")"), help);
    assertTrue(help.contains("earlier name, else " + CardRequest.DEFAULT_PRETTY_NAME + ")"), help);
    assertTrue(help.contains("(default: OUTPUT_DIR/" + card.file().getFileName()), help);
  }

  @Test
  void aPassedFileNamedOnItsOwnPutsTheRejectedFileAndTheOutputsBesideIt() throws CliUsageException {
    CliOptions alone = export("--passed", "data/run1/passed.jsonl");
    CliOptions bare = export("--passed", "passed.jsonl");
    CliOptions withDir = export("--input-dir", "in", "--passed", "data/passed.jsonl");

    assertEquals(
        new CliOptions.Inputs(
            Path.of("data/run1/passed.jsonl"), true, Optional.empty(), Path.of("data/run1")),
        alone.inputs());
    assertEquals(Path.of("data/run1"), alone.outputDir());
    assertEquals(Path.of("data/run1/README.md"), alone.card().orElseThrow().file());
    assertEquals(Path.of("."), bare.inputs().directory());
    assertEquals(Path.of("in"), withDir.inputs().directory(), "--input-dir still sets it");
  }

  @Test
  void namedFilesAndDirectoriesAreTakenAsTheyAre() throws CliUsageException {
    CliOptions options =
        export(
            "--rejected",
            "r.jsonl",
            "--output-dir",
            "out",
            "--dataset-card",
            "card/README.md",
            "--summary-json",
            "s.json",
            "--plugin-dir",
            "p",
            "--license",
            "cc-by-4.0",
            "--pretty-name",
            "Vård-QA",
            "--repo-id",
            "my-org/vard-qa",
            "--strict",
            "--quiet",
            "--verbose",
            "--on-error",
            "SKIP",
            "--max-line-bytes",
            "2k",
            "--format",
            "Parquet");

    assertEquals(Optional.of(Path.of("r.jsonl")), options.inputs().rejected());
    assertEquals(Path.of("out"), options.outputDir());
    assertEquals(
        Optional.of(
            new CliOptions.Card(
                Path.of("card/README.md"),
                Optional.of(HubLicense.of("cc-by-4.0")),
                Optional.of("Vård-QA"),
                Optional.of("my-org/vard-qa"))),
        options.card());
    assertEquals(Optional.of(Path.of("s.json")), options.summaryJson());
    assertEquals(Optional.of(Path.of("p")), options.pluginDir());
    assertEquals(new CliOptions.Reading(ErrorPolicy.SKIP, true, 2048), options.reading());
    assertEquals(new CliOptions.Display(true, true), options.display());
    assertEquals("parquet", options.format().name(), "format names are lower case");
  }

  @Test
  void noDatasetCardLeavesTheCardOut() throws CliUsageException {
    assertEquals(Optional.empty(), export("--no-dataset-card").card());
  }

  @Test
  void formatOptionFlagsBecomeArgumentsNamingTheirFlagAndTheFormatsOption()
      throws CliUsageException {
    CliOptions parquet = export("--format", "parquet", "--compression", "ZSTD");
    CliOptions chat = export("--format-option", "system_prompt=@prompt.txt", "--format", "chat");
    CliOptions literal =
        export("--format-option", "system_prompt=@@hej", "--format-option", "x_1=a=b");

    assertEquals(
        List.of(new FormatArgument("compression", "compression", "ZSTD", false)),
        parquet.format().arguments(),
        "the value is the format's to judge, as given");
    assertEquals(
        List.of(
            new FormatArgument("format-option system_prompt", "system_prompt", "prompt.txt", true)),
        chat.format().arguments(),
        "the file is read later, not by the parser");
    assertEquals(
        List.of(
            new FormatArgument("format-option system_prompt", "system_prompt", "@hej", false),
            new FormatArgument("format-option x_1", "x_1", "a=b", false)),
        literal.format().arguments(),
        "@@ is a literal @; the value runs to the end");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1|1",
        "64K|65536",
        " 3m |3145728",
        "1G|1073741824",
        "2147483631|2147483631",
        "64MB|64000000",
        "64MiB|67108864",
        "1kb|1000",
        "7B|7"
      })
  void maxLineBytesTakesASizeWithAnOptionalUnit(String value, int bytes) throws CliUsageException {
    assertEquals(bytes, export("--max-line-bytes", value).reading().maxLineBytes());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0",
        "-1",
        "lots",
        "2G",
        "2147483632",
        "M",
        "9999999999G",
        "18014398509481985K",
        "8589934593G"
      })
  void maxLineBytesOutsideOneByteToJustUnder2GibIsAUsageError(String value) {
    assertEquals(
        "--max-line-bytes takes a size from 1 to 2147483631 bytes (e.g. 64M or 64MB), not '"
            + value
            + "'",
        usageError("--max-line-bytes", value));
  }

  @Test
  void eachWrongCommandLineGetsItsOneExactMessage() {
    assertEquals("unrecognized option: --frobnicate", usageError("--frobnicate"));
    assertEquals(
        "unrecognized option: --input",
        usageError("--input", "qa"),
        "no abbreviations: a prefix of a flag is not that flag");
    assertEquals("missing argument for option: format", usageError("--format"));
    assertEquals("unexpected argument 'examples' (options start with --)", usageError("examples"));
    assertEquals(
        "--on-error takes 'fail' or 'skip', not 'ignore'", usageError("--on-error", "ignore"));
    assertEquals(
        "--dataset-card and --no-dataset-card exclude each other",
        usageError("--dataset-card", "x.md", "--no-dataset-card"));
    assertEquals(
        "--compression and --format-option compression exclude each other",
        usageError("--compression", "zstd", "--format-option", "compression=none"));
    assertEquals(
        "--format-option takes NAME=VALUE (NAME: lower-case letters, digits, _), not 'Prompt'",
        usageError("--format-option", "Prompt"));
    assertEquals("--output-dir needs a path", usageError("--output-dir", " "));
    assertEquals(
        "--format-option system_prompt=@FILE needs a path",
        usageError("--format-option", "system_prompt=@"));
    assertEquals("--passed: not a valid path: a\0b", usageError("--passed", "a\0b"));
  }

  @Test
  void helpVersionAndTheFormatListNeedNoExportOptions() throws CliUsageException {
    assertInstanceOf(CliRequest.ShowHelp.class, CliParser.parse("--help", "--on-error", "x"));
    assertInstanceOf(CliRequest.ShowVersion.class, CliParser.parse("--version"));
    assertEquals(
        new CliRequest.ListFormats(true, Optional.of(Path.of("nowhere"))),
        CliParser.parse(
            "--list-formats", "--verbose", "--plugin-dir", "nowhere", "--max-line-bytes", "0"));
    assertEquals(
        new CliRequest.ListFormats(false, Optional.empty()), CliParser.parse("--list-formats"));
  }

  @Test
  void anUnknownOptionIsReportedEvenNextToHelp() {
    assertEquals("unrecognized option: --colour", usageError("--help", "--colour"));
  }

  @Test
  void aPluginDirThatDoesNotExistIsNotTheParsersConcern() throws CliUsageException {
    assertEquals(
        Optional.of(Path.of("/no/such/dir")), export("--plugin-dir", "/no/such/dir").pluginDir());
    assertFalse(export("--rejected", "/no/such.jsonl").inputs().rejected().isEmpty());
  }

  @Test
  void aLicenseTheHubDoesNotKnowIsAUsageErrorThatNamesTheIdToUse() {
    var e = assertThrows(CliUsageException.class, () -> export("--license", "CC BY 4.0"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "--license: 'CC BY 4.0' is not a Hub license id" + " (did you mean cc-by-4.0?)"),
        e.getMessage());
    assertThrows(CliUsageException.class, () -> export("--license", "made-up-1.0"));
  }

  @Test
  void licenseOtherNeedsALicenseNameAndALink() throws CliUsageException {
    var e = assertThrows(CliUsageException.class, () -> export("--license", "other"));
    assertTrue(
        e.getMessage().contains("--license-name TEXT and --license-link URL"), e.getMessage());
    assertThrows(
        CliUsageException.class,
        () -> export("--license", "other", "--license-name", "Vår licens"));
    assertThrows(
        CliUsageException.class,
        () -> export("--license-name", "Vår licens", "--license-link", "LICENSE"));
    assertThrows(
        CliUsageException.class, () -> export("--license", "mit", "--license-link", "LICENSE"));

    CliOptions options =
        export(
            "--license",
            "other",
            "--license-name",
            "Vår licens",
            "--license-link",
            "https://example.org/licens");

    assertEquals(
        Optional.of(HubLicense.other("Vår licens", "https://example.org/licens")),
        options.card().orElseThrow().license());
  }

  @Test
  void aRepoIdIsOrgSlashNameAsTheHubTakesIt() throws CliUsageException {
    for (String refused :
        List.of(
            "vardfragor",
            "org/name.git",
            "org/x..y",
            "org/x--y",
            "org/x-",
            "-org/x",
            "org/.x",
            "org/" + "n".repeat(97))) {
      var e = assertThrows(CliUsageException.class, () -> export("--repo-id", refused));
      assertTrue(e.getMessage().startsWith("--repo-id takes ORG/NAME"), e.getMessage());
    }
    for (String taken : List.of("my-org/vardfragor", "a_b/c.d-e_", "org/" + "n".repeat(96))) {
      assertEquals(Optional.of(taken), export("--repo-id", taken).card().orElseThrow().repoId());
    }
  }

  @Test
  void theDatasetCardIsAFileNotStdout() {
    var e = assertThrows(CliUsageException.class, () -> export("--dataset-card", "-"));
    assertTrue(e.getMessage().startsWith("--dataset-card takes a file"), e.getMessage());
  }

  @Test
  void fractionsThatDoNotAddUpAreShownAsWritten() {
    var e =
        assertThrows(CliUsageException.class, () -> export("--split", "a=0.333,b=0.333,c=0.333"));
    assertTrue(e.getMessage().endsWith("the fractions add up to 0.999, not 1"), e.getMessage());
  }

  @Test
  void trainingSetFlagsBecomeTheTrainingSetAndTheirAbsenceAPlainExport() throws CliUsageException {
    assertEquals(TrainingSet.NONE, export().trainingSet());
    TrainingSet training =
        export(
                "--min-score",
                "0.8",
                "--dedup",
                "NEAR",
                "--dedup-threshold",
                "0.7",
                "--split",
                "train=0.8, validation=0.1,test=0.1",
                "--split-seed",
                "42",
                "--max-shard-size",
                "1GiB")
            .trainingSet();

    assertEquals(0.8, training.minScore().getAsDouble());
    assertEquals(TrainingSet.Dedup.NEAR, training.dedup());
    assertEquals(0.7, training.dedupThreshold());
    SplitAssignment split = training.split().orElseThrow();
    assertEquals(
        List.of("train", "validation", "test"),
        split.splits().stream().map(SplitAssignment.Split::name).toList());
    assertEquals(0.1, split.splits().get(2).fraction(), 1e-12);
    assertEquals(42, split.seed());
    assertEquals(1L << 30, training.maxShardBytes());
    assertEquals("qa_rejected_hf", training.rejectedOutputBaseName());
    assertFalse(training.stratifies());
    assertEquals(
        Optional.of(RecordShape.PERSONA),
        export("--split", "a=0.5,b=0.5", "--stratify", "persona").trainingSet().stratifyBy());
    assertEquals(500_000_000L, export("--max-shard-size", "500MB").trainingSet().maxShardBytes());
    assertEquals(64L << 20, export("--max-shard-size", "64M").trainingSet().maxShardBytes());
    assertEquals(TrainingSet.DEFAULT_MAX_SHARD_BYTES, TrainingSet.NONE.maxShardBytes());
    assertFalse(training.splitNearGroups());
    TrainingSet grouped =
        export(
                "--split",
                "train=0.5,test=0.5",
                "--split-groups",
                "NEAR",
                "--dedup-threshold",
                "0.7")
            .trainingSet();
    assertTrue(grouped.splitNearGroups());
    assertEquals(0.7, grouped.dedupThreshold());
  }

  @Test
  void aPrettyNameIsOneLineWithoutControlCharacters() {
    assertEquals(
        "--pretty-name takes one line of text without control characters, not"
            + " 'Vård\\u000A---'",
        usageError("--pretty-name", "Vård\n---"));
    assertEquals(
        "--pretty-name takes one line of text without control characters, not" + " 'a\\u2028b'",
        usageError("--pretty-name", "a\u2028b"));
    assertEquals(
        "--pretty-name takes one line of text without control characters, not ' '",
        usageError("--pretty-name", " "));
  }

  @Test
  void splitNamesAreThoseTheHubAndDatasetsLoadAsStrings() throws Exception {
    assertEquals(
        "--split: '0' is not a split name (a letter, then letters, digits or _, e.g."
            + " train or test_2)",
        usageError("--split", "0=0.5,1=0.5"));
    assertEquals(
        "--split: 'ALL' is not a split name (datasets reserves 'all' for every split"
            + " together)",
        usageError("--split", "train=0.5,ALL=0.5"));
    assertEquals(
        "--split: 'yes' is not a split name (YAML reads it as a boolean or null in the" + " card)",
        usageError("--split", "yes=0.5,no=0.5"));
    assertEquals(
        "--split: '_x' is not a split name (a letter, then letters, digits or _, e.g."
            + " train or test_2)",
        usageError("--split", "train=0.5,_x=0.5"));
    assertEquals(
        List.of("train", "test_2", "Validation"),
        export("--split", "train=0.5,test_2=0.25,Validation=0.25")
            .trainingSet()
            .split()
            .orElseThrow()
            .splits()
            .stream()
            .map(SplitAssignment.Split::name)
            .toList());
  }

  @Test
  void eachWrongTrainingSetFlagGetsItsOneExactMessage() {
    assertEquals("--min-score takes a number, not 'high'", usageError("--min-score", "high"));
    assertEquals(
        "--dedup takes 'none', 'exact' or 'near', not 'fuzzy'", usageError("--dedup", "fuzzy"));
    assertEquals(
        "--dedup-threshold applies to --dedup near or --split-groups near only",
        usageError("--dedup", "exact", "--dedup-threshold", "0.9"));
    assertEquals("--split-groups applies with --split only", usageError("--split-groups", "near"));
    assertEquals(
        "--split-groups takes 'exact' or 'near', not 'fuzzy'",
        usageError("--split", "train=1", "--split-groups", "fuzzy"));
    assertEquals(
        "--split-groups near and --stratify exclude each other",
        usageError("--split", "train=1", "--split-groups", "near", "--stratify", "persona"));
    assertEquals(
        "--dedup-threshold takes a similarity above 0 and at most 1, not '1.5'",
        usageError("--dedup", "near", "--dedup-threshold", "1.5"));
    assertEquals(
        "--split: the fractions add up to 0.9, not 1", usageError("--split", "train=0.8,test=0.1"));
    assertEquals(
        "--split takes NAME=FRACTION,... (e.g. train=0.9,test=0.1), not 'train'",
        usageError("--split", "train"));
    assertEquals("--split names 'train' twice", usageError("--split", "train=0.5,train=0.5"));
    assertEquals(
        "--split: 'Train' and 'train' differ only in case, and their files would collide where"
            + " case is not told apart (macOS, Windows)",
        usageError("--split", "Train=0.5,train=0.5"));
    assertEquals(
        "--split: the fraction of 'test' is above 0 and at most 1, not '-0.1'",
        usageError("--split", "train=1,test=-0.1"));
    assertEquals("--split-seed applies with --split only", usageError("--split-seed", "1"));
    assertEquals("--stratify applies with --split only", usageError("--stratify", "persona"));
    assertEquals(
        "--stratify takes 'persona' or a kept string column (--keep-columns), not 'source'",
        usageError("--split", "train=1", "--stratify", "source"));
    assertEquals(
        "--split-seed takes a whole number, not 'x'",
        usageError("--split", "train=1", "--split-seed", "x"));
    assertEquals(
        "--max-shard-size takes a size such as 500MB, 1GiB or 64M, not '0'",
        usageError("--max-shard-size", "0"));
  }

  @Test
  void aRepeatedOptionTakesItsLastValueAsGnuToolsDo() throws CliUsageException {
    CliOptions options =
        export(
            "--format",
            "jsonl",
            "--format",
            "parquet",
            "--on-error",
            "skip",
            "--on-error",
            "fail",
            "--license",
            "mit",
            "--license",
            "cc-by-4.0",
            "--compression",
            "zstd",
            "--compression",
            "none",
            "--max-line-bytes",
            "1K",
            "--max-line-bytes",
            "2K");

    assertEquals("parquet", options.format().name());
    assertEquals(ErrorPolicy.FAIL, options.reading().errorPolicy());
    assertEquals("cc-by-4.0", options.card().orElseThrow().license().orElseThrow().id());
    assertEquals(
        List.of(new FormatArgument("compression", "compression", "none", false)),
        options.format().arguments());
    assertEquals(2048, options.reading().maxLineBytes());
    assertEquals(
        Path.of("b/qa_passed.jsonl"),
        export("--input-dir", "a", "--input-dir", "b").inputs().passed());
  }

  @Test
  void shortHelpAndVersionAreTheLongOnes() throws CliUsageException {
    assertInstanceOf(CliRequest.ShowHelp.class, CliParser.parse("-h"));
    assertInstanceOf(CliRequest.ShowVersion.class, CliParser.parse("-V"));
    assertTrue(CliSyntax.helpText().contains("-h,--help"), CliSyntax.helpText());
    assertTrue(CliSyntax.helpText().contains("-V,--version"), CliSyntax.helpText());
  }

  @Test
  void aDashForAnInputFileIsStdin() throws CliUsageException {
    CliOptions options = export("--passed", "-", "--output-dir", "out");

    assertEquals(CliParser.STDIN, options.inputs().passed());
    assertEquals(
        Optional.of(CliParser.STDIN),
        export("--passed", "p.jsonl", "--rejected", "-").inputs().rejected());
    assertEquals(
        "--passed and --rejected cannot both read stdin ('-')",
        usageError("--passed", "-", "--rejected", "-"));
    assertEquals(
        List.of(CliParser.STDIN),
        export("--passed", "p.jsonl", "--decontaminate", "-")
            .trainingSet()
            .decontamination()
            .references());
    assertEquals(
        "--decontaminate and --passed cannot both read stdin ('-'): give one a file",
        usageError("--passed", "-", "--output-dir", "out", "--decontaminate", "-"));
    assertEquals(
        "--decontaminate and --rejected cannot both read stdin ('-'): give one a file",
        usageError("--passed", "p.jsonl", "--rejected", "-", "--decontaminate", "-"));
  }
}
