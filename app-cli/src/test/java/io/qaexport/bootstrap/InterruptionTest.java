package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line in a child JVM, killed while it writes a large export: SIGTERM leaves the
 * output directory as it was; SIGKILL leaves only the clearly named temporary file and the unlocked
 * lock file, which the next run removes.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InterruptionTest {
  private static final int LINES = 250_000;
  private static final byte[] EARLIER =
      "{\"question\":\"earlier\",\"answer\":\"run\"}\n".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path shared;
  private static Path bigInput;

  @TempDir Path dir;

  @BeforeAll
  static void generateALargeInput() throws IOException {
    bigInput = shared.resolve("qa_passed.jsonl");
    String answer = "Du byter handskar mellan varje vårdtagare. ".repeat(22);
    try (BufferedWriter out = Files.newBufferedWriter(bigInput, StandardCharsets.UTF_8)) {
      for (int i = 0; i < LINES; i++) {
        out.write(
            "{\"question\": \"Hur ofta ska jag byta handskar? "
                + i
                + "\", \"answer\": \""
                + answer
                + "\", \"source_document\": \"rutiner/handtvatt.md\", \"persona\":"
                + " {\"roll\": \"underskoterska\", \"erfarenhet\": \"nyanstald\"},"
                + " \"validation\": {\"composite_score\": 0.86}}\n");
      }
    }
  }

  private Path outputWithAnEarlierExport() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.write(out.resolve("qa_pairs.jsonl"), EARLIER);
    return out;
  }

  private Process startExport(Path out) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Through perl, which restores Ctrl-C's default action: a child started from a background
    // job inherits SIGINT ignored, and the JVM then keeps ignoring it.
    return new ProcessBuilder(
            "perl",
            "-e",
            "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!",
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--passed",
            bigInput.toString(),
            "--output-dir",
            out.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  /** Waits until the child's temporary output exists and has grown between two looks. */
  private Path awaitGrowingTemporaryFile(Process child, Path out) throws Exception {
    Path temporary = out.resolve(".qa_pairs.jsonl." + child.pid() + ".qa-export-tmp");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long lastSize = -1;
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        fail(
            "the export ended (exit "
                + child.exitValue()
                + ") before it could be interrupted: "
                + Files.readString(dir.resolve("child.log")));
      }
      long size = Files.exists(temporary) ? sizeOrZero(temporary) : -1;
      if (lastSize > 0 && size > lastSize) {
        return temporary;
      }
      lastSize = size;
      Thread.sleep(25);
    }
    child.destroyForcibly();
    throw new AssertionError(
        "no growing " + temporary + " within 30 s: " + Files.readString(dir.resolve("child.log")));
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException vanished) {
      return -1;
    }
  }

  private static int awaitExit(Process child) throws InterruptedException {
    if (!child.waitFor(20, TimeUnit.SECONDS)) {
      child.destroyForcibly();
      fail("the export did not end within 20 s of being told to");
    }
    return child.exitValue();
  }

  @Test
  void sigtermRemovesTheTemporaryFileAndLeavesTheEarlierOutputAsItWas() throws Exception {
    Path out = outputWithAnEarlierExport();
    Process child = startExport(out);
    awaitGrowingTemporaryFile(child, out);

    child.destroy(); // SIGTERM: the JVM runs its shutdown hooks

    int exit = awaitExit(child);
    assertEquals(128 + 15, exit, "ended by SIGTERM, after the shutdown hooks ran");
    assertEquals(List.of("qa_pairs.jsonl"), filesIn(out), "no temporary or partial file is left");
    assertArrayEquals(EARLIER, Files.readAllBytes(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void afterSigkillOnlyTheNamedTemporaryFileIsLeftAndTheNextRunRemovesIt() throws Exception {
    Path out = outputWithAnEarlierExport();
    Process child = startExport(out);
    Path temporary = awaitGrowingTemporaryFile(child, out);

    child.destroyForcibly(); // SIGKILL: no hook runs

    assertEquals(128 + 9, awaitExit(child), "ended by SIGKILL");
    assertEquals(
        List.of(".qa-export.lock", temporary.getFileName().toString(), "qa_pairs.jsonl"),
        filesIn(out),
        "the lock file stays, unlocked: the system released the lock");
    assertTrue(Files.size(temporary) > 0, "the leftover is the partial export");
    assertArrayEquals(EARLIER, Files.readAllBytes(out.resolve("qa_pairs.jsonl")));
    assertTrue(ProcessHandle.of(child.pid()).isEmpty(), "the writer of the leftover is gone");

    Path small =
        Files.writeString(
            dir.resolve("small.jsonl"),
            "{\"question\": \"ny\", \"answer\": \"körning\"}\n",
            StandardCharsets.UTF_8);
    CliRun next =
        CliRun.of("--passed", small.toString(), "--output-dir", out.toString(), "--quiet");

    assertEquals(0, next.exitCode(), next.err());
    assertEquals(
        List.of("qa_pairs.jsonl"),
        filesIn(out).stream().filter(f -> !f.equals("README.md")).toList(),
        "the leftovers were removed (README.md is the dataset card)");
    assertEquals(
        "{\"question\":\"ny\",\"answer\":\"körning\",\"source\":\"\",\"persona\":"
            + "\"unknown\",\"validation_score\":0.0}\n",
        Files.readString(out.resolve("qa_pairs.jsonl"), StandardCharsets.UTF_8));
  }

  @Test
  void ctrlCEndsWithExit130SaysNothingWasWrittenAndRemovesTheDirectoryItCreated() throws Exception {
    Path out = dir.resolve("new-out");
    Process child = startExport(out);
    awaitGrowingTemporaryFile(child, out);

    assertEquals(
        0,
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor(),
        "SIGINT, as Ctrl-C sends it");

    assertEquals(128 + 2, awaitExit(child), "ended by SIGINT");
    String log = Files.readString(dir.resolve("child.log"));
    assertTrue(log.endsWith("qa-export: interrupted: nothing was written or replaced\n"), log);
    assertFalse(Files.exists(out), "the output directory this run created is gone");
  }
}
