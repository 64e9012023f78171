package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.qaexport.application.port.in.failure.ExportIoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second adversarial round's smaller defects, end to end: passed pairs and failure_reason, a
 * skip run that exports nothing, --max-errors, permission problems, non-ASCII paths under LC_ALL=C.
 */
class HostileInputRoundTwoTest {

  @TempDir Path dir;

  @Test
  void aPassedPairIsNotRejectedForTheTypeOfItsFailureReason() throws IOException {
    Path passed =
        Files.writeString(
            dir.resolve("qa_passed.jsonl"),
            "{\"question\":\"q\",\"validation\":{\"composite_score\":0.9,\"failure_reason\":5}}\n");

    CliRun run =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        "{\"question\":\"q\",\"answer\":\"\",\"source\":\"\",\"persona\":\"unknown\","
            + "\"validation_score\":0.9}\n",
        Files.readString(dir.resolve("out/qa_pairs.jsonl")));
  }

  @Test
  void skippingEveryRecordOfARunFailsItUnlessMaxErrorsIsGiven() throws IOException {
    Path passed = dir.resolve("in/qa_passed.jsonl");
    Files.createDirectories(passed.getParent());
    // UTF-16 text: every line is invalid (JSON Lines is UTF-8), as with any wrong file type.
    Files.write(passed, "{\"question\":\"q\"}\n".repeat(50).getBytes(StandardCharsets.UTF_16LE));
    Path out = dir.resolve("out");

    CliRun skip =
        CliRun.of(
            "--passed", passed.toString(), "--output-dir", out.toString(), "--on-error", "skip");

    assertEquals(1, skip.exitCode(), skip.err());
    assertTrue(
        skip.err().contains("qa-export: error: every record of " + passed + " was invalid: "),
        skip.err());
    assertTrue(skip.err().contains("No output was written or replaced."), skip.err());
    assertTrue(skip.err().contains("give --max-errors"), skip.err());
    assertFalse(Files.exists(out));

    CliRun accepted =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            out.toString(),
            "--on-error",
            "skip",
            "--max-errors",
            "1000",
            "--quiet");
    assertEquals(0, accepted.exitCode(), accepted.err());
    assertEquals(0, Files.size(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void aMisspeltInputDirWithANamedPassedFileIsAUsageErrorNotAnOutputDirectory() throws IOException {
    Path passed = Files.writeString(dir.resolve("qa_passed.jsonl"), "{\"question\":\"q\"}\n");
    Path typo = dir.resolve("inptu");

    CliRun run = CliRun.of("--input-dir", typo.toString(), "--passed", passed.toString());
    CliRun alone = CliRun.of("--passed", passed.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--input-dir " + typo + ": no such directory"), run.err());
    assertFalse(Files.exists(typo));
    assertEquals(0, alone.exitCode(), alone.err());
    assertTrue(
        alone.err().startsWith("qa-export: no " + dir.resolve("qa_rejected.jsonl") + ";"),
        "names the file it looked for: " + alone.err());
  }

  /** Under --on-error fail an over-long line ends the run at once, even an endless one. */
  @Test
  void anEndlessLineStopsARunThatFailsOnInvalidRecords() {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    Path out = dir.resolve("out");

    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60),
            () ->
                CliRun.of(
                    "--passed",
                    "/dev/zero",
                    "--output-dir",
                    out.toString(),
                    "--max-line-bytes",
                    "1K"));

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("/dev/zero:1"), run.err());
    assertTrue(run.err().contains("longer than the limit"), run.err());
    assertFalse(Files.exists(out));
  }

  /** The rule holds per file: the rejected file's records do not make a foreign passed file. */
  @Test
  void aPassedFileOfOnlyInvalidRecordsFailsTheRunThoughTheRejectedFileHasSome() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(
        in.resolve("qa_passed.jsonl"),
        "{\"question\":\"q\"}\n".repeat(5).getBytes(StandardCharsets.UTF_16LE));
    Files.writeString(
        in.resolve("qa_rejected.jsonl"),
        "{\"question\":\"q\",\"validation\":{\"composite_score\":0.2}}\n");
    Path out = dir.resolve("out");

    CliRun skip =
        CliRun.of(
            "--input-dir", in.toString(), "--output-dir", out.toString(), "--on-error", "skip");

    assertEquals(1, skip.exitCode(), skip.err());
    assertTrue(
        skip.err().contains("every record of " + in.resolve("qa_passed.jsonl") + " was invalid"),
        skip.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void moreInvalidRecordsThanMaxErrorsStopTheRunWithNothingWritten() throws IOException {
    Path passed =
        Files.writeString(
            dir.resolve("qa_passed.jsonl"),
            "{\"question\":\"a\"}\nnot json\n{\"question\":\"b\"}\n{\"question\":5}\n");
    Path out = dir.resolve("out");

    CliRun two =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            out.toString(),
            "--on-error",
            "skip",
            "--max-errors",
            "2",
            "--quiet");
    CliRun one =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            dir.resolve("out1").toString(),
            "--on-error",
            "skip",
            "--max-errors",
            "1",
            "--quiet");
    CliRun failPolicy = CliRun.of("--passed", passed.toString(), "--max-errors", "1");

    assertEquals(0, two.exitCode(), two.err());
    assertEquals(1, one.exitCode(), one.err());
    assertEquals(
        List.of(
            "qa-export: error: more than 1 invalid records (the limit); the run"
                + " stopped at "
                + passed
                + ":4. No output was written or replaced."),
        one.err().lines().toList());
    assertFalse(Files.exists(dir.resolve("out1")));
    assertEquals(2, failPolicy.exitCode());
    assertTrue(
        failPolicy.err().contains("--max-errors applies with --on-error skip only"),
        failPolicy.err());
  }

  @Test
  void aPathThatExistsButCannotBeReachedIsAnIoFailureNotAMissingFile() throws IOException {
    Path loop = dir.resolve("loop");
    Files.createSymbolicLink(loop, loop); // ELOOP, which even root cannot get past

    CliRun run =
        CliRun.of("--input-dir", loop.toString(), "--output-dir", dir.resolve("out").toString());

    assertEquals(3, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .startsWith("qa-export: error: cannot read " + loop.resolve("qa_passed.jsonl") + ": "),
        run.err());
    assertFalse(run.err().contains("validation step"), run.err());
  }

  @Test
  void anInputDirectoryThatCannotBeSearchedIsExit3PermissionDenied() throws IOException {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root can search any directory");
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.writeString(locked.resolve("qa_passed.jsonl"), "{\"question\":\"q\"}\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
    try {
      CliRun run =
          CliRun.of(
              "--input-dir", locked.toString(), "--output-dir", dir.resolve("out").toString());

      assertEquals(3, run.exitCode(), run.err());
      assertEquals(
          "qa-export: error: cannot read "
              + locked.resolve("qa_passed.jsonl")
              + ": permission denied\n",
          run.err());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void permissionDeniedIsSaidInWordsNotAsThePathAgain() {
    var e =
        ExportIoException.of(
            "cannot read in/qa_passed.jsonl", new AccessDeniedException("in/qa_passed.jsonl"));

    assertEquals("cannot read in/qa_passed.jsonl: permission denied", e.getMessage());
  }

  @Test
  void theLauncherRunsTheJvmWithAUtf8LocaleWhenTheCurrentOneIsNot() throws Exception {
    // A copy of the launcher with a stand-in `java` that reports the locale it was given.
    Path root = dir.resolve("root");
    Path launcher = LauncherCopy.intoBuiltTree(root);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fakeJava =
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"charmap=$(locale charmap)\"\n");
    fakeJava.toFile().setExecutable(true);

    String underC =
        run(
            Map.of("LC_ALL", "C", "PATH", bin + ":" + System.getenv("PATH")),
            launcher.toString(),
            "--version");
    String underUtf8 =
        run(
            Map.of("LC_ALL", "C.UTF-8", "PATH", bin + ":" + System.getenv("PATH")),
            launcher.toString(),
            "--version");

    assertEquals("charmap=UTF-8\n", underC);
    assertEquals("charmap=UTF-8\n", underUtf8);
  }

  @Test
  void theCauseAJvmUnderLcAllCCannotNameANonAsciiPathButUnderCUtf8It() throws Exception {
    Path input = Files.createDirectories(dir.resolve("indata_å"));
    Files.writeString(input.resolve("qa_passed.jsonl"), "{\"question\":\"q\"}\n");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--input-dir",
                input.toString(),
                "--output-dir",
                dir.resolve("out").toString(),
                "--quiet"));

    String[] asC = runWithExit(Map.of("LC_ALL", "C"), command);
    String[] asUtf8 = runWithExit(Map.of("LC_ALL", "C.UTF-8"), command);

    assertEquals("2", asC[0], "sun.jnu.encoding is ASCII under C: " + asC[1]);
    assertTrue(asC[1].contains("not a valid path"), asC[1]);
    assertEquals("0", asUtf8[0], asUtf8[1]);
    assertTrue(Files.exists(dir.resolve("out/qa_pairs.jsonl")));
  }

  private static String run(Map<String, String> env, String... command) throws Exception {
    String[] result = runWithExit(env, List.of(command));
    assertEquals("0", result[0], result[1]);
    return result[1];
  }

  private static String[] runWithExit(Map<String, String> env, List<String> command)
      throws Exception {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new String[] {Integer.toString(process.exitValue()), output};
  }
}
