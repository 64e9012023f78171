package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.domain.Column;
import io.qaexport.domain.card.HubLicense;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An export as the command line asks for it: parsed once, immutable, and not yet checked against
 * the file system ({@link InputResolver} does that).
 *
 * @param card where and how the dataset card is written; empty with {@code --no-dataset-card}
 * @param summaryJson where {@code --summary-json} writes the run summary, if asked
 * @param pluginDir the directory {@code --plugin-dir} names, if any
 * @param trainingSet the score threshold, deduplication, splits and shard size
 */
public record CliOptions(
    Inputs inputs,
    Path outputDir,
    Format format,
    Reading reading,
    Optional<Card> card,
    Optional<Path> summaryJson,
    Optional<Path> pluginDir,
    Display display,
    TrainingSet trainingSet) {

  public CliOptions {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(summaryJson, "summaryJson");
    Objects.requireNonNull(pluginDir, "pluginDir");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(trainingSet, "trainingSet");
  }

  /** A plain export, without training-set stages. */
  public CliOptions(
      Inputs inputs,
      Path outputDir,
      Format format,
      Reading reading,
      Optional<Card> card,
      Optional<Path> summaryJson,
      Optional<Path> pluginDir,
      Display display) {
    this(
        inputs,
        outputDir,
        format,
        reading,
        card,
        summaryJson,
        pluginDir,
        display,
        TrainingSet.NONE);
  }

  /**
   * The pairs files.
   *
   * @param passedNamed whether {@code --passed} named the passed file
   * @param rejected the file {@code --rejected} names; without it, {@link #rejectedBeside()} is
   *     read if it exists
   * @param directory where the files are when not named, and where outputs go by default
   */
  public record Inputs(Path passed, boolean passedNamed, Optional<Path> rejected, Path directory) {
    public Inputs {
      Objects.requireNonNull(passed, "passed");
      Objects.requireNonNull(rejected, "rejected");
      Objects.requireNonNull(directory, "directory");
    }

    /** The rejected file by convention, beside the passed one. */
    public Path rejectedBeside() {
      return directory.resolve(CliSyntax.REJECTED_FILE);
    }
  }

  /**
   * The output format, by name, and the flags that set its options.
   *
   * @param name lower case, as formats are named
   */
  public record Format(String name, List<FormatArgument> arguments) {
    public Format {
      Objects.requireNonNull(name, "name");
      arguments = List.copyOf(arguments);
    }
  }

  /**
   * One flag that sets a format option, as given.
   *
   * @param flag the flag without its dashes, e.g. {@code compression}
   * @param option the format's name for the option, e.g. {@code compression}
   * @param value the flag's value; with {@code readsFile}, the path of the file holding it
   */
  public record FormatArgument(String flag, String option, String value, boolean readsFile) {
    public FormatArgument {
      Objects.requireNonNull(flag, "flag");
      Objects.requireNonNull(option, "option");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * How the input is read: what an invalid record does, how long a line may be, how many invalid
   * records may be skipped ({@code --max-errors}; empty when not given), and which input fields are
   * kept as columns ({@code --keep-columns}).
   */
  public record Reading(
      ErrorPolicy errorPolicy,
      boolean strict,
      int maxLineBytes,
      OptionalLong maxErrors,
      List<Column.Kept> keptColumns) {
    public Reading {
      Objects.requireNonNull(errorPolicy, "errorPolicy");
      Objects.requireNonNull(maxErrors, "maxErrors");
      keptColumns = List.copyOf(keptColumns);
    }

    public Reading(
        ErrorPolicy errorPolicy, boolean strict, int maxLineBytes, OptionalLong maxErrors) {
      this(errorPolicy, strict, maxLineBytes, maxErrors, List.of());
    }

    public Reading(ErrorPolicy errorPolicy, boolean strict, int maxLineBytes) {
      this(errorPolicy, strict, maxLineBytes, OptionalLong.empty());
    }
  }

  /**
   * The dataset card: its file, and what it says; license and name empty when not given (an earlier
   * card's then stay).
   */
  public record Card(
      Path file,
      Optional<HubLicense> license,
      Optional<String> prettyName,
      Optional<String> repoId) {
    public Card {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(license, "license");
      Objects.requireNonNull(prettyName, "prettyName");
      Objects.requireNonNull(repoId, "repoId");
    }
  }

  /**
   * What the run prints: nothing but errors with {@code quiet}, stack traces with {@code verbose}.
   */
  public record Display(boolean quiet, boolean verbose) {}
}
