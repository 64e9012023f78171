package io.qaexport.bootstrap;

import io.qaexport.adapter.in.cli.CliOptions;
import io.qaexport.adapter.in.cli.CliParser;
import io.qaexport.adapter.in.cli.CliRequest;
import io.qaexport.adapter.in.cli.CliSyntax;
import io.qaexport.adapter.in.cli.ExitCode;
import io.qaexport.adapter.in.cli.InputResolver;
import io.qaexport.adapter.in.cli.ResolvedOptions;
import io.qaexport.adapter.in.cli.flag.CliUsageException;
import io.qaexport.adapter.in.cli.report.Console;
import io.qaexport.adapter.in.cli.report.TerminalWidth;
import io.qaexport.adapter.in.cli.report.ToolVersion;
import io.qaexport.adapter.in.jsonl.JsonlInputModule;
import io.qaexport.adapter.out.plugin.PluginDirectory;
import io.qaexport.application.port.in.TrainingSet;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code qa-export} entry point. */
public final class Main {
  /** Set by the launcher from {@code [ -t 2 ]}: the JDK cannot tell whether stderr is a tty. */
  static final String STDERR_IS_TERMINAL = "qa-export.stderr-is-terminal";

  /** The terminal's width, if a launcher gives it; else asked when a progress line needs it. */
  static final String TERMINAL_WIDTH = "qa-export.terminal-width";

  private Main() {}

  public static void main(String[] args) {
    var out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    var err =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Does all the work of {@link #main} and returns the exit code instead of exiting. */
  /** The stages of this run whose memory grows with the distinct questions, as flags. */
  private static String memoryHeavyStages(TrainingSet training) {
    List<String> stages = new ArrayList<>();
    if (training.dedup() == TrainingSet.Dedup.NEAR) {
      stages.add("--dedup near");
    }
    if (training.clustersForSplit()) {
      stages.add("--split-groups near");
    }
    if (training.decontamination().active()) {
      stages.add("--decontaminate (its references)");
    }
    return String.join(" and ", stages);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    CliRequest request;
    try {
      request = CliParser.parse(args);
    } catch (CliUsageException e) {
      return usageError(e, err);
    }
    boolean verbose = false;
    String heavyStages = "";
    try {
      if (request instanceof CliRequest.ShowHelp) {
        out.print(CliSyntax.helpText());
        return ExitCode.SUCCESS.code();
      }
      if (request instanceof CliRequest.ShowVersion) {
        out.println("qa-export " + version());
        return ExitCode.SUCCESS.code();
      }
      var console =
          new Console(
              out,
              err,
              Boolean.getBoolean(STDERR_IS_TERMINAL),
              new TerminalWidth(System.getProperty(TERMINAL_WIDTH)));
      InputResolver inputs = InputResolver.forLauncher();
      if (request instanceof CliRequest.ListFormats list) {
        verbose = list.verbose();
        return component(
                console, inputs.pluginDir(list.pluginDir()), CliParser.DEFAULT_MAX_LINE_BYTES)
            .commandLine()
            .listFormats()
            .code();
      }
      CliOptions parsed = ((CliRequest.Export) request).options();
      verbose = parsed.display().verbose();
      heavyStages = memoryHeavyStages(parsed.trainingSet());
      ResolvedOptions options = inputs.resolve(parsed);
      QaExportComponent component =
          component(console, options.pluginDir(), parsed.reading().maxLineBytes());
      component.formatOptionCheck().check(parsed.format().name(), options.formatOptions());
      return component.commandLine().export(options).code();
    } catch (CliUsageException e) {
      return usageError(e, err);
    } catch (OutOfMemoryError e) {
      // Memory goes to lines read whole (--max-line-bytes) and to the per-question state of the
      // near stages: name the stages this run had, or the line length when it had none.
      err.println(
          "qa-export: error: out of memory ("
              + e.getMessage()
              + "). "
              + (heavyStages.isEmpty()
                  ? "Each line is read whole: lower --max-line-bytes, or give the JVM more heap"
                  : heavyStages
                      + (heavyStages.contains(" and ") ? " keep" : " keeps")
                      + " about 1 KB per distinct question: give the JVM more heap")
              + ", e.g. QA_EXPORT_JAVA_OPTS=-Xmx8g ./qa-export ...");
      if (verbose) {
        e.printStackTrace(err);
      }
      return ExitCode.IO_FAILURE.code();
    } catch (RuntimeException | Error e) {
      err.println(
          "qa-export: internal error: "
              + e
              + (verbose ? "" : " (run with --verbose for the stack trace)"));
      if (verbose) {
        e.printStackTrace(err);
      }
      return ExitCode.INTERNAL_ERROR.code();
    }
  }

  private static int usageError(CliUsageException e, PrintStream err) {
    err.println("qa-export: error: " + e.getMessage());
    if (e.pointsToHelp()) {
      err.println("Try 'qa-export --help' for the options.");
    }
    return ExitCode.USAGE.code();
  }

  private static QaExportComponent component(
      Console console, Optional<Path> pluginDir, int maxLineBytes) {
    return DaggerQaExportComponent.factory()
        .create(console, new PluginDirectory(pluginDir), new JsonlInputModule(maxLineBytes));
  }

  static String version() {
    return ToolVersion.get();
  }
}
