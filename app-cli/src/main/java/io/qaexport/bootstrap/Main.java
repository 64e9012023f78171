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
import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.TrainingSet;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The {@code qa-export} entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    var out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    var err =
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Launch launch = Launch.ofThisJvm();
    launch.restartedBy().ifPresent(JitChoice::endWith);
    System.exit(run(args, out, err, launch));
  }

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

  /** {@link #run(String[], PrintStream, PrintStream, Launch)} as this JVM was launched. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Launch.ofThisJvm());
  }

  /** Does all the work of {@link #main} and returns the exit code instead of exiting. */
  static int run(String[] args, PrintStream out, PrintStream err, Launch launch) {
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
              out, err, launch.stderrIsTerminal(), new TerminalWidth(launch.terminalWidth()));
      InputResolver inputs = new InputResolver(launch.pluginDir());
      if (request instanceof CliRequest.ListFormats list) {
        verbose = list.verbose();
        return component(
                console,
                inputs.pluginDir(list.pluginDir()),
                new JsonlInputModule(CliParser.DEFAULT_MAX_LINE_BYTES))
            .commandLine()
            .listFormats()
            .code();
      }
      CliOptions parsed = ((CliRequest.Export) request).options();
      verbose = parsed.display().verbose();
      heavyStages = memoryHeavyStages(parsed.trainingSet());
      if (launch.jitAuto()) { // before anything is read: an @FILE value, stdin
        OptionalInt restarted = restartedOnC2(args, parsed, launch, verbose, err);
        if (restarted.isPresent()) {
          return restarted.getAsInt();
        }
      }
      ResolvedOptions options = inputs.resolve(parsed);
      QaExportComponent component =
          component(
              console,
              options.pluginDir(),
              new JsonlInputModule(
                  parsed.reading().maxLineBytes(),
                  parsed.reading().errorPolicy() == ErrorPolicy.FAIL));
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

  /** The restarted run's exit code, if this run wants C2 and may restart ({@link JitChoice}). */
  private static OptionalInt restartedOnC2(
      String[] args, CliOptions options, Launch launch, boolean verbose, PrintStream err) {
    Optional<String> reason = JitChoice.reasonForC2(options, launch.c1BelowBytes());
    Optional<String[]> commandLine = JitChoice.ownArguments();
    if (reason.isEmpty() || commandLine.isEmpty()) {
      return OptionalInt.empty();
    }
    Optional<String> blocked =
        JitChoice.cannotRestart(
            args, JitChoice.jvmOptions(commandLine.get()), launch.optionsVariable());
    ProcessHandle self = ProcessHandle.current();
    Optional<List<String>> command =
        JitChoice.restartCommand(self.info().command(), commandLine, args, self.pid());
    if (blocked.isPresent() || command.isEmpty()) {
      if (verbose) {
        err.println(
            "qa-export: staying on the C1 compiler although "
                + reason.get()
                + " wants C2 too: "
                + blocked.orElse("this JVM cannot tell its command line")
                + " (QA_EXPORT_JIT=tiered starts on both)");
      }
      return OptionalInt.empty();
    }
    if (verbose) {
      err.println("qa-export: restarting the JVM with the C2 compiler too (" + reason.get() + ")");
    }
    try {
      return OptionalInt.of(JitChoice.runRestarted(command.get()));
    } catch (IOException e) {
      return OptionalInt.empty(); // stays on C1: slower, never wrong
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(ExitCode.INTERRUPTED.code());
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
      Console console, Optional<Path> pluginDir, JsonlInputModule input) {
    return DaggerQaExportComponent.factory().create(console, new PluginDirectory(pluginDir), input);
  }

  static String version() {
    return ToolVersion.get();
  }
}
