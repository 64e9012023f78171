package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launchers start before java, counted under {@code strace -f} with a stand-in {@code
 * java} (issue 21: a process costs ~10 ms of CPU on two cores, and the launcher once started 11):
 * the release's launcher runs one command ({@code readlink}); the source tree's launcher the {@code
 * find} that checks for newer sources and then execs the release's, two in all (three through a
 * link: its own {@code readlink}). Every process started is one of those: no subshell besides.
 * Neither reads an argument. Skipped where strace is missing or may not trace.
 */
class LauncherStartupTest {
  private static final Pattern EXECVE = Pattern.compile("^(\\d+) +execve\\(\"([^\"]*)\".* = 0$");
  private static final Pattern PID = Pattern.compile("^(\\d+) ");

  @TempDir Path dir;
  private Path input;
  private Path bin;

  @BeforeEach
  void anInputAndAStandInJava() throws Exception {
    assumeTrue(straceCanTrace(), "strace is not installed here, or may not trace");
    input = Files.createDirectories(dir.resolve("in"));
    Files.writeString(input.resolve("qa_passed.jsonl"), "x".repeat(600));
    Files.writeString(input.resolve("qa_rejected.jsonl"), "x".repeat(300));
    bin = Files.createDirectories(dir.resolve("bin"));
    Path java =
        Files.writeString(
            bin.resolve("java"),
            "#!/bin/sh\necho \"LC_ALL=$LC_ALL\"\nfor a in \"$@\"; do echo \"$a\"; done\n");
    assertTrue(java.toFile().setExecutable(true));
  }

  @Test
  void theSourceTreesLauncherRunsTwoCommandsBeforeJavaAndPassesTheArgumentsUntouched()
      throws Exception {
    Path launcher = builtTreeWithSources();

    Started started = traced(launcher, Map.of(), "--input-dir", input.toString(), "--dedup=near");

    assertEquals(List.of("find", "readlink"), started.commands(), started.trace());
    List<String> arguments = started.javaArguments();
    assertTrue(arguments.contains("-XX:TieredStopAtLevel=1"), started.output());
    assertTrue(arguments.contains("-Dqa-export.jit=auto"), "the program chooses: JitChoice");
    assertEquals(
        List.of("io.qaexport.bootstrap.Main", "--input-dir", input.toString(), "--dedup=near"),
        arguments.subList(arguments.size() - 4, arguments.size()));
  }

  @Test
  void throughALinkItRunsTwo() throws Exception {
    Path launcher = builtTreeWithSources();
    Path link = Files.createSymbolicLink(bin.resolve("qa-export"), launcher);

    Started started = traced(link, Map.of(), "--input-dir", input.toString());

    assertEquals(List.of("readlink", "find", "readlink"), started.commands(), started.trace());
    assertTrue(
        started
            .javaArguments()
            .contains("-Dqa-export.plugin-dir=" + dir.toRealPath().resolve("root/plugins")),
        started.output());
  }

  @Test
  void theReleaseLauncherRunsOneAndFindsItsInstallThroughDotDot() throws Exception {
    Path home = dir.resolve("opt/qa-export-0.1.0");
    Path launcher = LauncherCopy.releaseInto(home);

    Started started = traced(launcher, Map.of(), "--input-dir", input.toString());

    assertEquals(List.of("readlink"), started.commands(), started.trace());
    List<String> arguments = started.javaArguments();
    assertTrue(arguments.contains("-XX:TieredStopAtLevel=1"), started.output());
    assertTrue(
        arguments.contains("-Dqa-export.plugin-dir=" + home.toRealPath().resolve("plugins")),
        started.output());
  }

  @Test
  void aMaximumHeapTheUserSetsDropsTheInitialOne() throws Exception {
    Path launcher = LauncherCopy.releaseInto(dir.resolve("opt/qa-export-0.1.0"));

    List<String> plain = traced(launcher, Map.of(), "--version").javaArguments();
    assertTrue(plain.contains("-Xms128m"), plain.toString());
    for (String variable :
        List.of("QA_EXPORT_JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
      for (String maximum : List.of("-Xmx100m", "-XX:MaxHeapSize=100m", "-XX:MaxRAM=150m")) {
        List<String> arguments =
            traced(launcher, Map.of(variable, maximum), "--version").javaArguments();
        assertTrue(
            arguments.stream().noneMatch(argument -> argument.startsWith("-Xms")),
            variable + "=" + maximum + ": " + arguments);
      }
    }
  }

  @Test
  void aLocaleThatIsNotUtf8GivesWayToCUtf8WithoutAnExtraCommand() throws Exception {
    Path launcher = builtTreeWithSources();

    Started c = traced(launcher, Map.of("LC_ALL", "C"), "--input-dir", input.toString());
    Started utf8 = traced(launcher, Map.of("LC_ALL", "C.UTF-8"), "--version");

    assertEquals("LC_ALL=C.UTF-8", c.lcAll(), c.output());
    assertEquals("LC_ALL=C.UTF-8", utf8.lcAll(), utf8.output());
    assertEquals(List.of("find", "readlink"), c.commands(), c.trace());
  }

  /** A built tree whose sources are older than its build, as after a build by the launcher. */
  private Path builtTreeWithSources() throws IOException {
    Path root = dir.resolve("root");
    Path launcher = LauncherCopy.intoBuiltTree(root);
    Path source = Files.createDirectories(root.resolve("core/src/main/java"));
    FileTime before = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    Files.setLastModifiedTime(source, before);
    Files.setLastModifiedTime(source.getParent(), before);
    return launcher;
  }

  /**
   * The commands started before java, by name, in order; the LC_ALL java ran under and its
   * arguments, as the stand-in printed them; the trace.
   */
  private record Started(List<String> commands, String output, String trace) {
    String lcAll() {
      return output.lines().findFirst().orElseThrow();
    }

    List<String> javaArguments() {
      return output.lines().skip(1).toList();
    }
  }

  private Started traced(Path launcher, Map<String, String> environment, String... arguments)
      throws Exception {
    Path trace = dir.resolve("trace-" + System.nanoTime());
    List<String> command =
        new ArrayList<>(
            List.of("strace", "-f", "-qq", "-e", "trace=execve", "-o", trace.toString()));
    command.add(launcher.toString());
    command.addAll(List.of(arguments));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().remove("JAVA_HOME");
    builder.environment().remove("QA_EXPORT_JAVA_OPTS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    String lines = Files.readString(trace);
    // The launcher's own process: the first in the trace. It runs env, bash and at last java; every
    // other process is a command the launcher started.
    Map<String, String> programByPid = new LinkedHashMap<>();
    String launcherPid = null;
    for (String line : lines.lines().toList()) {
      Matcher pid = PID.matcher(line);
      if (!pid.find()) {
        continue;
      }
      if (launcherPid == null) {
        launcherPid = pid.group(1);
      }
      programByPid.putIfAbsent(pid.group(1), "(no exec: a subshell)");
      Matcher exec = EXECVE.matcher(line);
      if (exec.find() && !pid.group(1).equals(launcherPid)) {
        String program = exec.group(2);
        programByPid.put(pid.group(1), program.substring(program.lastIndexOf('/') + 1));
      }
    }
    programByPid.remove(launcherPid);
    assertTrue(output.startsWith("LC_ALL="), "java ran last: " + output);
    return new Started(List.copyOf(programByPid.values()), output, "\n" + lines);
  }

  private static boolean straceCanTrace() {
    try {
      Process strace =
          new ProcessBuilder("strace", "-f", "-qq", "-o", "/dev/null", "true")
              .redirectErrorStream(true)
              .start();
      strace.getInputStream().readAllBytes();
      return strace.waitFor(30, TimeUnit.SECONDS) && strace.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
