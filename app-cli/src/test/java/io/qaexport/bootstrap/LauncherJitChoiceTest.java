package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JIT choice, on a copy of the launcher with a stand-in `java` that prints its
 * arguments: C1 alone below the size limit (set small here through QA_EXPORT_C1_BELOW), C2 as well
 * at or above it, when the size cannot be known, and with a near-duplicate stage.
 */
class LauncherJitChoiceTest {
  private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
  private static final int LIMIT = 1000;

  @TempDir Path dir;
  private Path launcher;
  private Path input;

  @BeforeEach
  void aBuiltTreeAndAnInput() throws IOException {
    Path root = dir.resolve("root");
    launcher = LauncherCopy.intoBuiltTree(root);
    input = Files.createDirectories(dir.resolve("in"));
  }

  @Test
  void aSmallInputDirectoryRunsOnC1Alone() throws Exception {
    Files.writeString(input.resolve("qa_passed.jsonl"), "x".repeat(600));
    Files.writeString(input.resolve("qa_rejected.jsonl"), "x".repeat(300));

    assertTrue(javaArguments("--input-dir", input.toString()).contains(C1_ONLY));
    assertTrue(javaArguments("--input-dir=" + input).contains(C1_ONLY));
  }

  @Test
  void passedAndRejectedAddUpAndALargerInputKeepsC2() throws Exception {
    Files.writeString(input.resolve("qa_passed.jsonl"), "x".repeat(600));
    Files.writeString(input.resolve("qa_rejected.jsonl"), "x".repeat(400));

    assertFalse(javaArguments("--input-dir", input.toString()).contains(C1_ONLY));
    assertFalse(
        javaArguments("--passed", input.resolve("qa_passed.jsonl").toString()).contains(C1_ONLY),
        "--passed alone: the rejected file beside it is read, so it counts");
    assertFalse(
        javaArguments(
                "--passed",
                input.resolve("qa_passed.jsonl").toString(),
                "--rejected",
                input.resolve("qa_passed.jsonl").toString())
            .contains(C1_ONLY),
        "600 + 600 bytes");
    assertTrue(
        javaArguments(
                "--input-dir",
                dir.toString(),
                "--passed",
                input.resolve("qa_passed.jsonl").toString())
            .contains(C1_ONLY),
        "with --input-dir the rejected file is looked for there (none): 600 bytes");
  }

  @Test
  void belowAQuarterMebibyteTheCompileThresholdsAreTenTimesHigher() throws Exception {
    String scaled = "-XX:CompileThresholdScaling=10";
    Map<String, String> defaultLimit = Map.of();
    Files.writeString(input.resolve("qa_passed.jsonl"), "x".repeat(200 << 10));
    Files.writeString(input.resolve("qa_rejected.jsonl"), "x".repeat((56 << 10) - 1));

    List<String> small = javaArguments(defaultLimit, "--input-dir", input.toString());
    assertTrue(small.contains(C1_ONLY) && small.contains(scaled), small.toString());

    Files.writeString(input.resolve("qa_rejected.jsonl"), "x".repeat(56 << 10));
    List<String> larger = javaArguments(defaultLimit, "--input-dir", input.toString());
    assertTrue(larger.contains(C1_ONLY) && !larger.contains(scaled), larger.toString());
    assertFalse(javaArguments(defaultLimit, "--passed", "-").contains(scaled), "size unknown");
  }

  @Test
  void aLimitThatIsNoNumberIsIgnored() throws Exception {
    Files.writeString(input.resolve("qa_passed.jsonl"), "x".repeat(10));

    assertTrue(
        javaArguments(Map.of("QA_EXPORT_C1_BELOW", "384M"), "--input-dir", input.toString())
            .contains(C1_ONLY),
        "the default limit applies");
  }

  @Test
  void aCompressedFileCountsAtEightTimesItsSize() throws Exception {
    var gzip = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(gzip)) {
      out.write(new byte[200]);
    }
    assertTrue(gzip.size() < LIMIT / 8, "the compressed file itself is small");
    Path file = Files.write(input.resolve("qa_passed.jsonl"), gzip.toByteArray());

    assertTrue(javaArguments("--passed", file.toString()).contains(C1_ONLY));
    Files.write(file, padded(gzip.toByteArray(), LIMIT / 8 + 1));
    assertFalse(javaArguments("--passed", file.toString()).contains(C1_ONLY));
  }

  @Test
  void aNearDuplicateStageKeepsC2WhateverTheSize() throws Exception {
    Files.writeString(input.resolve("qa_passed.jsonl"), "x".repeat(10));
    String dirArgument = "--input-dir=" + input;

    assertFalse(javaArguments(dirArgument, "--dedup", "near").contains(C1_ONLY));
    assertFalse(javaArguments(dirArgument, "--dedup=near").contains(C1_ONLY));
    assertFalse(
        javaArguments(dirArgument, "--split", "train=0.9,test=0.1", "--split-groups", "near")
            .contains(C1_ONLY));
    assertFalse(javaArguments(dirArgument, "--split-groups=near").contains(C1_ONLY));
    assertTrue(javaArguments(dirArgument, "--dedup", "exact").contains(C1_ONLY));
    assertTrue(
        javaArguments(dirArgument, "--output-dir", "near").contains(C1_ONLY),
        "only a stage's value counts");
  }

  @Test
  void stdinOrAPipeKeepsC2() throws Exception {
    assertFalse(javaArguments("--passed", "-", "--output-dir", "out").contains(C1_ONLY));
    assertFalse(javaArguments("--passed", "/dev/null", "--output-dir", "out").contains(C1_ONLY));
  }

  @Test
  void theUsersArgumentsReachJavaUnchanged() throws Exception {
    List<String> arguments = javaArguments("--input-dir", input.toString(), "--quiet");

    assertEquals(
        List.of("--input-dir", input.toString(), "--quiet"),
        arguments.subList(arguments.size() - 3, arguments.size()));
  }

  private static byte[] padded(byte[] bytes, int length) {
    byte[] longer = new byte[length];
    System.arraycopy(bytes, 0, longer, 0, bytes.length);
    return longer;
  }

  /** The arguments the launcher gives `java`, one per line from the stand-in. */
  private List<String> javaArguments(String... arguments) throws Exception {
    return javaArguments(Map.of("QA_EXPORT_C1_BELOW", String.valueOf(LIMIT)), arguments);
  }

  private List<String> javaArguments(Map<String, String> environment, String... arguments)
      throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java =
        Files.writeString(
            bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
    java.toFile().setExecutable(true);
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(arguments));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().putAll(environment);
    builder.environment().remove("QA_EXPORT_JAVA_OPTS");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.startsWith("-"), "nothing but java's arguments: " + output);
    return List.of(output.split("\n"));
  }
}
