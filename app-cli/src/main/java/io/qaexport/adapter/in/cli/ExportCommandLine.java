package io.qaexport.adapter.in.cli;

import io.qaexport.adapter.in.cli.report.Console;
import io.qaexport.adapter.in.cli.report.NoticeBoard;
import io.qaexport.adapter.in.cli.report.OutputsWatch;
import io.qaexport.adapter.in.cli.report.PluginReport;
import io.qaexport.adapter.in.cli.report.SummaryJson;
import io.qaexport.adapter.in.cli.report.SummaryReport;
import io.qaexport.adapter.in.cli.report.TerminalProgress;
import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportDatasetUseCase;
import io.qaexport.application.port.in.ExportDatasetUseCase.FormatInfo;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.failure.CardPathTakenException;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.InvalidInputException;
import io.qaexport.application.port.in.failure.InvalidRecordsLimitException;
import io.qaexport.application.port.in.failure.OutputPathTakenException;
import io.qaexport.application.port.in.failure.UnknownFormatException;
import io.qaexport.domain.Column;
import io.qaexport.domain.RecordShape;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs a parsed request against the export use case and turns the outcome into an exit code. */
public final class ExportCommandLine {

  private final ExportDatasetUseCase exportDataset;
  private final Console console;
  private final PluginReport plugins;

  @Inject
  public ExportCommandLine(
      ExportDatasetUseCase exportDataset, Console console, PluginReport plugins) {
    this.exportDataset = exportDataset;
    this.console = console;
    this.plugins = plugins;
  }

  public ExitCode listFormats() {
    plugins.problems().forEach(problem -> console.err().println("qa-export: warning: " + problem));
    for (FormatInfo format : exportDataset.availableFormats()) {
      String origin =
          plugins.origins().containsKey(format.name())
              ? " [plugin: " + plugins.origins().get(format.name()) + "]"
              : "";
      String options =
          format.optionNames().isEmpty()
              ? ""
              : "; --format-option " + String.join("=..., ", format.optionNames()) + "=...";
      console
          .out()
          .printf(
              "%-10s %s (.%s)%s%s%n",
              format.name(), format.description(), format.fileExtension(), options, origin);
    }
    return ExitCode.SUCCESS;
  }

  public ExitCode export(ResolvedOptions resolved) {
    CliOptions options = resolved.options();
    boolean quiet = options.display().quiet();
    if (!quiet) {
      plugins
          .problems()
          .forEach(problem -> console.err().println("qa-export: warning: " + problem));
    }
    try {
      Files.readAttributes(options.inputs().passed(), BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      error(missingPassedMessage(options));
      return ExitCode.USAGE;
    } catch (IOException e) {
      // Not missing: unreadable, e.g. a directory on the way that cannot be searched.
      error(ExportIoException.of("cannot read " + options.inputs().passed(), e).getMessage());
      return failed(ExitCode.IO_FAILURE, e, options);
    }
    if (options.summaryJson().isPresent()) {
      // Checked first: once the dataset is in place, a failure here could not undo it.
      Optional<String> refusal = SummaryJson.refusal(options.summaryJson().get());
      if (refusal.isPresent()) {
        error(refusal.get());
        return ExitCode.USAGE;
      }
    }
    List<ExportJob> jobs = new ArrayList<>();
    List<Column.Kept> kept = options.reading().keptColumns();
    jobs.add(
        new ExportJob(
            options.inputs().passed(), RecordShape.PASSED.withKept(kept), ExportJob.PASSED_OUTPUT));
    resolved
        .rejected()
        .ifPresent(
            rejected ->
                jobs.add(
                    new ExportJob(
                        rejected, RecordShape.REJECTED.withKept(kept), ExportJob.REJECTED_OUTPUT)));
    TerminalProgress bar = !quiet && console.errIsTerminal() ? new TerminalProgress(console) : null;
    var progress = new NoticeBoard(console, quiet, bar != null ? bar : ExportProgress.NONE);
    if (resolved.rejected().isEmpty() && !quiet) {
      console
          .err()
          .println(
              InputResolver.isStream(options.inputs().passed())
                  ? "qa-export: reading the passed pairs from "
                      + options.inputs().passed()
                      + "; no --rejected given, so exporting passed pairs only"
                  : "qa-export: no "
                      + options.inputs().rejectedBeside()
                      + "; exporting passed pairs only");
    }
    var command =
        new ExportCommand(
            jobs,
            options.outputDir(),
            options.format().name(),
            options.reading().errorPolicy(),
            options.reading().strict(),
            progress,
            options
                .card()
                .map(
                    card ->
                        new CardRequest(
                            card.file(), card.license(), card.prettyName(), card.repoId())),
            resolved.formatOptionValues(),
            options.reading().maxErrors(),
            options.trainingSet());
    try {
      if (options.summaryJson().isPresent() && !SummaryJson.isStdout(options.summaryJson().get())) {
        Path json = options.summaryJson().get();
        exportDataset.checkOutputs(command, List.of(json));
        Path parent = json.toAbsolutePath().getParent();
        try {
          Files.createDirectories(parent);
        } catch (IOException e) {
          error(
              "--summary-json "
                  + json
                  + ": cannot create "
                  + parent
                  + " ("
                  + ExportIoException.reason(e)
                  + ")");
          return ExitCode.IO_FAILURE;
        }
      }
      ExportSummary summary = exportInterruptibly(command, bar, progress.outputs());
      if (options.summaryJson().isPresent()) {
        Path json = options.summaryJson().get();
        try {
          SummaryJson.write(json, summary, console.out());
        } catch (IOException e) {
          error(
              "the dataset was exported, but the summary could not be written to "
                  + json
                  + ": "
                  + ExportIoException.reason(e));
          return failed(ExitCode.IO_FAILURE, e, options);
        }
      }
      if (!quiet) {
        console
            .err()
            .print(SummaryReport.render(summary, progress.notes(), options.reading().strict()));
      }
      return ExitCode.SUCCESS;
    } catch (InvalidInputException e) {
      error(e.getMessage());
      if (!quiet && e.skippable()) {
        console
            .err()
            .println(
                "qa-export: no output was written or replaced. Fix the line, or"
                    + " run with --on-error skip to leave invalid records out and log them.");
      } else if (!quiet) {
        console.err().println("qa-export: no output was written or replaced.");
      }
      return failed(ExitCode.INVALID_INPUT, e, options);
    } catch (InvalidRecordsLimitException e) {
      error(e.getMessage() + ". No output was written or replaced.");
      if (!quiet) {
        console
            .err()
            .println(
                "qa-export: "
                    + (e.limit().isPresent()
                        ? "raise --max-errors to skip more, or fix the input."
                        : "is the input JSON Lines (gzip, zstd, bzip2 or xz at most)? To accept a run"
                            + " that exports nothing, give --max-errors."));
      }
      return failed(ExitCode.INVALID_INPUT, e, options);
    } catch (ExportIoException e) {
      error(e.getMessage());
      return failed(ExitCode.IO_FAILURE, e, options);
    } catch (UnknownFormatException e) {
      error(e.getMessage() + " (see --list-formats)");
      return failed(ExitCode.USAGE, e, options);
    } catch (OutputPathTakenException e) {
      boolean summary = options.summaryJson().filter(json -> json == e.output()).isPresent();
      error(
          e.getMessage()
              + "; nothing was written. "
              + (summary
                  ? "Name another file with --summary-json."
                  : "Choose another --output-dir (the outputs are named "
                      + ExportJob.PASSED_OUTPUT
                      + ".<ext>, "
                      + ExportJob.REJECTED_OUTPUT
                      + ".<ext> and their .errors.jsonl logs)."));
      return failed(ExitCode.USAGE, e, options);
    } catch (CardPathTakenException e) {
      error(e.getMessage() + "; name another path with --dataset-card");
      return failed(ExitCode.USAGE, e, options);
    } catch (ExportException e) {
      error(e.getMessage());
      return failed(ExitCode.USAGE, e, options);
    }
  }

  /** How long a signal's message waits for a commit under way to finish or be undone. */
  private static final long INTERRUPTED_COMMIT_WAIT_MILLIS = 60_000;

  /**
   * Runs the export; if the JVM is stopped meanwhile (Ctrl-C, SIGTERM), the progress line is ended
   * and the user told what the output directory holds: the output transaction's own hook stops a
   * commit short of its commit point and removes what the run staged, so nothing was written unless
   * the signal came after the commit point. The JVM's exit code then says which signal (130 for
   * Ctrl-C).
   */
  private ExportSummary exportInterruptibly(
      ExportCommand command, TerminalProgress bar, OutputsWatch outputs) throws ExportException {
    Thread onInterrupt =
        new Thread(
            () -> {
              Optional<Path> committed;
              try {
                committed = outputs.committedAfterRelease(INTERRUPTED_COMMIT_WAIT_MILLIS);
              } catch (InterruptedException e) {
                committed = Optional.empty();
              }
              if (bar != null) {
                bar.interrupted();
              }
              console
                  .err()
                  .println(
                      committed.isPresent()
                          ? "qa-export: interrupted after this run's outputs were moved into place: "
                              + committed.get()
                              + " holds the new dataset (the summary was not printed)"
                          : "qa-export: interrupted: nothing was written or replaced");
              console.err().flush();
            },
            "qa-export-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      return exportDataset.export(command);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: it tells the user.
      }
    }
  }

  private ExitCode failed(ExitCode code, Exception e, CliOptions options) {
    if (options.display().verbose()) {
      e.printStackTrace(console.err());
    }
    return code;
  }

  private static String missingPassedMessage(CliOptions options) {
    Path passed = options.inputs().passed();
    if (options.inputs().passedNamed()) {
      return passed
          + ": no such file (named by --passed). The pipeline's validation step writes"
          + " the passed pairs; run it first, or check the path.";
    }
    return passed
        + ": no such file. It is written by the pipeline's validation step; run that"
        + " first, or point --input-dir or --passed at the file.";
  }

  private void error(String message) {
    console.err().println("qa-export: error: " + message);
  }
}
