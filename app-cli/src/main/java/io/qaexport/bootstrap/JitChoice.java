package io.qaexport.bootstrap;

import io.qaexport.adapter.in.cli.CliOptions;
import io.qaexport.adapter.in.jsonl.CompressedInput;
import io.qaexport.application.port.in.TrainingSet;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which JIT compilers a run gets, decided from the parsed command line (no launcher re-reads the
 * arguments). The launchers start every run on C1 alone: on two cores C2 competes with the export
 * for CPU, and at 200k all-Swedish records C1 alone took 2.7-3.0 s against tiered's 3.1-3.5 s
 * (2026-12-03, alternating), 14 records less start-up CPU. C2's faster code pays for its compiling
 * on large inputs (1M records: tiered 20.0-23.0 s, C1 alone 32.2-35.7 s) and in the near-duplicate
 * grouping's loops (200k templated: 10.0 CPU-s against 15.4). Such a run restarts once, before it
 * reads or writes anything, on the JVM's default tiered compilers: ~0.2 s on a run of 5 s or more.
 */
final class JitChoice {
  /** The break-even input size measured on the launcher's own runs (issue 21). */
  static final long DEFAULT_C1_BELOW_BYTES = 384L << 20;

  /** Compressed input is counted at this many times its size: what the reader decodes. */
  private static final int COMPRESSION_RATIO = 8;

  private static final String MAIN_CLASS = Main.class.getName();

  private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /**
   * The JVM options a restart may repeat: the launchers' own, heap and GC sizing, properties, and
   * the class-data archive; nothing that opens a port, a file or prints.
   */
  private static final Pattern RESTARTABLE_OPTION =
      Pattern.compile(
          "-X(ms|mx|ss|mn)\\S+|-D.+|-Xshare:\\w+|-Xlog:cds(\\+dynamic)?=off"
              + "|-XX:[+-]Use\\w*GC|-XX:[+-]UsePerfData"
              + "|-XX:(Max|Min|Initial)RAMPercentage=[\\d.]+|-XX:SharedArchiveFile=.+");

  private JitChoice() {}

  /**
   * Why the run wants C2 as well, or empty when C1 alone serves it. Decided from the parsed options
   * before anything is read (an {@code @FILE} option value or stdin stays for the run).
   */
  static Optional<String> reasonForC2(CliOptions options, long c1BelowBytes) {
    TrainingSet training = options.trainingSet();
    if (training.dedup() == TrainingSet.Dedup.NEAR) {
      return Optional.of("--dedup near");
    }
    if (training.clustersForSplit()) {
      return Optional.of("--split-groups near");
    }
    CliOptions.Inputs named = options.inputs();
    List<Path> inputs = new ArrayList<>();
    inputs.add(named.passed());
    inputs.add(named.rejected().orElse(named.rejectedBeside()));
    long bytes = 0;
    for (Path input : inputs) {
      try {
        if (Files.isRegularFile(input)) {
          bytes +=
              Files.size(input) * (CompressedInput.isCompressed(input) ? COMPRESSION_RATIO : 1);
        } else if (Files.exists(input) && !Files.isDirectory(input)) {
          return Optional.of("input of unknown size"); // stdin, a pipe, a device
        }
      } catch (IOException e) {
        return Optional.empty(); // the run itself says what is wrong with the file
      }
    }
    if (bytes < c1BelowBytes) {
      return Optional.empty();
    }
    return Optional.of(
        bytes >= 1 << 20 ? (bytes >> 20) + " MiB of input" : bytes + " bytes of input");
  }

  /**
   * Why this run cannot be restarted, or empty when it can. A restarted run gets only the standard
   * streams: a path to another descriptor ({@code /dev/fd/3}, {@code <(...)}) would name another
   * file there. JVM options beyond the launchers' own (an agent, a flight recording, printing
   * flags) would act twice, and {@code JAVA_TOOL_OPTIONS} and its kin reach every JVM.
   */
  static Optional<String> cannotRestart(
      String[] args, List<String> jvmOptions, Optional<String> optionsVariable) {
    for (String arg : args) {
      if (arg.contains("/dev/fd/") || arg.contains("/proc/")) {
        return Optional.of("an argument names a file descriptor or /proc: " + arg);
      }
    }
    if (optionsVariable.isPresent()) {
      return Optional.of(optionsVariable.get() + " is set");
    }
    int c1Only = 0;
    for (int i = 0; i < jvmOptions.size(); i++) {
      String option = jvmOptions.get(i);
      if (option.equals("-cp") || option.equals("-classpath")) {
        i++;
      } else if (option.equals(C1_ONLY)) {
        c1Only++;
      } else if (!RESTARTABLE_OPTION.matcher(option).matches()) {
        return Optional.of("JVM option " + option);
      }
    }
    // The user's own -XX:TieredStopAtLevel=1 (QA_EXPORT_JAVA_OPTS) keeps C1: a choice, kept.
    return c1Only == 1 ? Optional.empty() : Optional.of("C1 chosen in the JVM options");
  }

  /**
   * This JVM's command again on the tiered compilers: its options without the C1-only ones, the
   * main class, then the arguments as this JVM decoded them; empty where the JVM cannot tell its
   * own command line (the run then stays on C1).
   */
  static Optional<List<String>> restartCommand(
      Optional<String> java, Optional<String[]> commandLine, String[] args, long pid) {
    if (java.isEmpty() || commandLine.isEmpty()) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    for (String argument : commandLine.get()) {
      if (argument.equals(MAIN_CLASS)) {
        command.add("-D" + Launch.RESTARTED_BY + "=" + pid);
        command.add(MAIN_CLASS);
        command.addAll(List.of(args));
        return Optional.of(command);
      }
      if (!argument.equals(C1_ONLY) && !argument.startsWith("-D" + Launch.JIT + "=")) {
        command.add(argument);
      }
    }
    return Optional.empty(); // started some other way (a test, a jar): stay
  }

  /**
   * This JVM's arguments after the executable: from {@code /proc/self/cmdline} where there is one
   * (whole: the JDK's {@link ProcessHandle.Info#arguments()} gives up on a command line over 4
   * KiB), else from the JDK.
   */
  static Optional<String[]> ownArguments() {
    try {
      byte[] cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
      String[] parts =
          new String(
                  cmdline,
                  Charset.forName(
                      System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name())))
              .split("\0");
      if (parts.length > 1) {
        return Optional.of(Arrays.copyOfRange(parts, 1, parts.length));
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the JDK's view below
    }
    return ProcessHandle.current().info().arguments();
  }

  /** The JVM options of a command line (its arguments after the executable): before the class. */
  static List<String> jvmOptions(String[] commandLine) {
    List<String> options = new ArrayList<>();
    for (String argument : commandLine) {
      if (argument.equals(MAIN_CLASS)) {
        break;
      }
      options.add(argument);
    }
    return options;
  }

  /**
   * Runs {@code command} with this process's standard streams and returns its exit code. A signal
   * that ends this JVM (Ctrl-C, kill) reaches the restarted run too, which cleans up as any run.
   */
  static int runRestarted(List<String> command) throws IOException, InterruptedException {
    Process restarted = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (restarted.isAlive()) {
                    restarted.destroy();
                    try {
                      restarted.waitFor();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                },
                "qa-export-restarted-run"));
    return restarted.waitFor();
  }

  /**
   * In the restarted run: ends at once, as if killed with it, when the process that started it is
   * killed (kill -9 leaves it no time to pass a signal on); the commit survives that as any kill.
   */
  static void endWith(long parentPid) {
    Thread watch =
        new Thread(
            () -> {
              while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L)
                  == parentPid) {
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Runtime.getRuntime().halt(137);
            },
            "qa-export-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
