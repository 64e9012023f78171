package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.adapter.in.cli.CliParser;
import io.qaexport.adapter.in.cli.CliRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which runs restart on C2 (the parsed options decide: no launcher reads the arguments), the
 * restarted command, and a real restart through a JVM started as the launchers start it.
 */
class JitChoiceTest {
  private static final long LIMIT = 1000;

  @TempDir Path dir;
  private Path input;

  @BeforeEach
  void anInputDirectory() throws Exception {
    input = Files.createDirectories(dir.resolve("in"));
  }

  private Optional<String> reason(String... args) throws Exception {
    var request = (CliRequest.Export) CliParser.parse(args);
    return JitChoice.reasonForC2(request.options(), LIMIT);
  }

  @Test
  void aSmallInputRunsOnC1AloneAndPassedAndRejectedAddUp() throws Exception {
    Files.writeString(input.resolve("qa_passed.jsonl"), "x".repeat(600));
    Files.writeString(input.resolve("qa_rejected.jsonl"), "x".repeat(399));
    assertEquals(Optional.empty(), reason("--input-dir", input.toString()));

    Files.writeString(input.resolve("qa_rejected.jsonl"), "x".repeat(400));
    assertEquals(Optional.of("1000 bytes of input"), reason("--input-dir", input.toString()));
    assertTrue(
        reason("--passed", input.resolve("qa_passed.jsonl").toString()).isPresent(),
        "--passed alone: the rejected file beside it is read, so it counts");
  }

  @Test
  void aCompressedFileCountsAtEightTimesItsSize() throws Exception {
    var gzip = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gzip)) {
      out.write(new byte[200]);
    }
    Path file = Files.write(input.resolve("qa_passed.jsonl"), gzip.toByteArray());
    assertTrue(gzip.size() < LIMIT / 8);
    assertEquals(Optional.empty(), reason("--passed", file.toString()));

    byte[] padded = new byte[(int) (LIMIT / 8 + 1)];
    System.arraycopy(gzip.toByteArray(), 0, padded, 0, gzip.size());
    Files.write(file, padded);
    assertTrue(reason("--passed", file.toString()).isPresent());
  }

  @Test
  void aNearDuplicateStageRestartsWhateverTheSize() throws Exception {
    Files.writeString(input.resolve("qa_passed.jsonl"), "x");
    String in = "--input-dir=" + input;

    assertEquals(Optional.of("--dedup near"), reason(in, "--dedup", "near"));
    assertEquals(
        Optional.of("--split-groups near"),
        reason(in, "--split", "train=0.9,test=0.1", "--split-groups", "near"));
    assertEquals(Optional.empty(), reason(in, "--dedup", "exact"));
  }

  @Test
  void aMissingInputOrADirectoryIsLeftToTheRunToReport() throws Exception {
    assertEquals(Optional.empty(), reason("--passed", dir.resolve("missing.jsonl").toString()));
    assertEquals(Optional.empty(), reason("--passed", input.toString()));
  }

  @Test
  void aRunThatCannotBeRepeatedInAChildStaysOnC1() {
    List<String> launchers =
        List.of(
            "-XX:+UseSerialGC",
            "-Xms16m",
            "-XX:MaxRAMPercentage=50",
            "-XX:-UsePerfData",
            "-XX:SharedArchiveFile=/opt/q e/lib/qa-export-1.jsa",
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off",
            "-XX:TieredStopAtLevel=1",
            "-Dqa-export.jit=auto",
            "-Dqa-export.plugin-dir=/opt/q e/plugins",
            "-cp",
            "/opt/q e/lib/*");
    String[] plain = {"--dedup", "near"};
    assertEquals(Optional.empty(), JitChoice.cannotRestart(plain, launchers, Optional.empty()));
    assertEquals(
        Optional.empty(),
        JitChoice.cannotRestart(plain, with(launchers, "-Xmx8g"), Optional.empty()),
        "a larger heap, as the out-of-memory message advises");

    assertTrue(
        JitChoice.cannotRestart(
                new String[] {"--summary-json", "/dev/fd/3"}, launchers, Optional.empty())
            .isPresent(),
        "only the standard streams reach the child");
    assertTrue(
        JitChoice.cannotRestart(
                new String[] {"--format-option", "compression=@/proc/self/fd/5"},
                launchers,
                Optional.empty())
            .isPresent());
    assertTrue(
        JitChoice.cannotRestart(plain, launchers, Optional.of("JAVA_TOOL_OPTIONS")).isPresent());
    for (String acting :
        List.of(
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
            "-XX:StartFlightRecording=filename=x.jfr",
            "-XX:+PrintCommandLineFlags",
            "-javaagent:a.jar",
            "-XX:TieredStopAtLevel=1")) {
      assertTrue(
          JitChoice.cannotRestart(plain, with(launchers, acting), Optional.empty()).isPresent(),
          acting);
    }
  }

  private static List<String> with(List<String> options, String more) {
    List<String> longer = new ArrayList<>(options);
    longer.add(more);
    return longer;
  }

  @Test
  void inputOfUnknownSizeRestarts() throws Exception {
    assertEquals(
        Optional.of("input of unknown size"),
        reason("--passed", "-", "--output-dir", dir.resolve("out").toString()));
  }

  @Test
  void aLimitThatIsNoNumberIsIgnored() {
    var properties = new Properties();
    properties.setProperty(Launch.JIT, "auto");
    assertEquals(
        JitChoice.DEFAULT_C1_BELOW_BYTES,
        Launch.of(properties, Map.of("QA_EXPORT_C1_BELOW", "384M")).c1BelowBytes());
    assertEquals(
        Optional.of("JDK_JAVA_OPTIONS"),
        Launch.of(properties, Map.of("JDK_JAVA_OPTIONS", "-Xmx1g")).optionsVariable());
    assertEquals(5, Launch.of(properties, Map.of("QA_EXPORT_C1_BELOW", "5")).c1BelowBytes());
    assertTrue(Launch.of(properties, Map.of()).jitAuto());
    assertTrue(!Launch.of(new Properties(), Map.of()).jitAuto());
  }

  @Test
  void theRestartDropsTheC1OnlyFlagsAndKeepsEverythingElseInOrder() {
    String[] jvm = {
      "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1",
      "-Dqa-export.jit=auto",
      "-cp",
      "/opt/lib/*",
      Main.class.getName(),
      "--dedup",
      "near"
    };
    String[] args = {"--dedup", "near", "--output-dir", "å ä"};

    assertEquals(
        Optional.of(
            List.of(
                "/usr/bin/java",
                "-XX:+UseSerialGC",
                "-cp",
                "/opt/lib/*",
                "-Dqa-export.restarted-by=42",
                Main.class.getName(),
                "--dedup",
                "near",
                "--output-dir",
                "å ä")),
        JitChoice.restartCommand(Optional.of("/usr/bin/java"), Optional.of(jvm), args, 42));
    assertEquals(
        Optional.empty(),
        JitChoice.restartCommand(Optional.of("/usr/bin/java"), Optional.empty(), args, 42),
        "a JVM that cannot tell its command line stays");
    assertEquals(
        Optional.empty(),
        JitChoice.restartCommand(
            Optional.of("/usr/bin/java"), Optional.of(new String[] {"-jar", "x.jar"}), args, 42),
        "started some other way");
  }

  @Test
  void aRunStartedAsTheLaunchersStartItRestartsOnC2AndGivesTheSameOutput() throws Exception {
    Path examples = LauncherCopy.ROOT.resolve("examples/qa");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-Dqa-export.jit=auto",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--input-dir",
                examples.toString(),
                "--dedup",
                "near",
                "--no-dataset-card",
                "--verbose",
                "--output-dir"));
    Process restarted =
        new ProcessBuilder(append(command, dir.resolve("restarted").toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(restarted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(restarted.waitFor(120, TimeUnit.SECONDS));

    assertEquals(0, restarted.exitValue(), output);
    assertTrue(
        output.startsWith("qa-export: restarting the JVM with the C2 compiler too (--dedup near)"),
        output);
    var out = new ByteArrayOutputStream();
    int inProcess =
        Main.run(
            new String[] {
              "--input-dir",
              examples.toString(),
              "--dedup",
              "near",
              "--no-dataset-card",
              "--quiet",
              "--output-dir",
              dir.resolve("here").toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(0, inProcess);
    for (String file : List.of("qa_pairs.jsonl", "qa_rejected_hf.jsonl")) {
      assertEquals(
          Files.readString(dir.resolve("here").resolve(file)),
          Files.readString(dir.resolve("restarted").resolve(file)),
          file);
    }
  }

  private static List<String> append(List<String> list, String last) {
    List<String> longer = new ArrayList<>(list);
    longer.add(last);
    return longer;
  }
}
