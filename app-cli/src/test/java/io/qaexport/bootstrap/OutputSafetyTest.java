package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output is ever written over an input or another output, compared as files; the summary is
 * written through links, devices and FIFOs, never replacing them.
 */
class OutputSafetyTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "qa").toAbsolutePath().normalize();

  @TempDir Path dir;

  private Path copyOfPassed(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.copy(EXAMPLES.resolve("qa_passed.jsonl"), target);
  }

  @Test
  void anInputNamedLikeASplitFileIsNeverOverwritten() throws Exception {
    Path input = copyOfPassed(dir.resolve("d/qa_pairs-train.jsonl"));
    byte[] before = Files.readAllBytes(input);

    CliRun run =
        CliRun.of("--passed", input.toString(), "--split", "train=0.5,test=0.5", "--quiet");

    assertEquals(3, run.exitCode(), run.err());
    assertTrue(run.err().contains("which an export never overwrites"), run.err());
    assertArrayEquals(before, Files.readAllBytes(input));
    assertEquals(List.of("qa_pairs-train.jsonl"), TestFiles.filesIn(dir.resolve("d")));
  }

  @Test
  void aPassedFileNamedLikeItsOwnOutputIsRefusedAndLeftAsItIs() throws Exception {
    Path input = copyOfPassed(dir.resolve("d/qa_pairs.jsonl"));
    byte[] before = Files.readAllBytes(input);

    CliRun run = CliRun.of("--passed", input.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                input
                    + " would overwrite the input "
                    + input
                    + "; nothing was written. Choose another --output-dir"),
        run.err());
    assertArrayEquals(before, Files.readAllBytes(input));
    assertEquals(List.of("qa_pairs.jsonl"), filesIn(dir.resolve("d")));
  }

  @Test
  void aRejectedFileThatIsAnOutputThroughALinkIsRefused() throws Exception {
    Path passed = copyOfPassed(dir.resolve("in/qa_passed.jsonl"));
    Path rejected =
        Files.copy(EXAMPLES.resolve("qa_rejected.jsonl"), dir.resolve("in/qa_pairs.jsonl"));
    Path linkToIn = Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("in"));
    byte[] before = Files.readAllBytes(rejected);

    CliRun run =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--rejected",
            rejected.toString(),
            "--output-dir",
            linkToIn.toString(),
            "--quiet");

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("would overwrite the input " + rejected + " (the same file)"),
        run.err());
    assertArrayEquals(before, Files.readAllBytes(rejected));
    assertEquals(List.of("qa_pairs.jsonl", "qa_passed.jsonl"), filesIn(dir.resolve("in")));
  }

  @Test
  void aSummaryNamedLikeAnInputOrAnOutputIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path passed = copyOfPassed(dir.resolve("in/qa_passed.jsonl"));
    byte[] before = Files.readAllBytes(passed);
    Path out = dir.resolve("out");

    CliRun onInput =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            out.toString(),
            "--summary-json",
            dir.resolve("in/../in/qa_passed.jsonl").toString());
    CliRun onOutput =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            out.toString(),
            "--summary-json",
            out.resolve("qa_pairs.jsonl").toString());

    assertEquals(2, onInput.exitCode(), onInput.err());
    assertTrue(onInput.err().contains("would overwrite the input " + passed), onInput.err());
    assertTrue(onInput.err().contains("Name another file with --summary-json."), onInput.err());
    assertEquals(2, onOutput.exitCode(), onOutput.err());
    assertTrue(
        onOutput
            .err()
            .contains(
                out.resolve("qa_pairs.jsonl")
                    + " would overwrite the"
                    + " output "
                    + out.resolve("qa_pairs.jsonl")),
        onOutput.err());
    assertArrayEquals(before, Files.readAllBytes(passed));
    assertTrue(Files.notExists(out), "nothing was written");
  }

  @Test
  void aSummaryNamedLikeASplitFileAShardOrTheMovedPairsOutputIsRefusedBeforeTheExport()
      throws Exception {
    Path passed = copyOfPassed(dir.resolve("in/qa_passed.jsonl"));
    Path out = dir.resolve("out");

    for (String name :
        List.of(
            "qa_pairs-train.jsonl",
            "qa_pairs-test-00001-of-00002.jsonl",
            "qa_pairs-00000-of-00003.jsonl",
            "qa_rejected_hf.jsonl")) {
      CliRun run =
          CliRun.of(
              "--passed",
              passed.toString(),
              "--output-dir",
              out.toString(),
              "--split",
              "train=0.5,test=0.5",
              "--min-score",
              "0.9",
              "--summary-json",
              out.resolve(name).toString());

      assertEquals(2, run.exitCode(), name + ": " + run.err());
      assertTrue(
          run.err()
              .contains(
                  out.resolve(name)
                      + " would overwrite the output "
                      + out.resolve(name)
                      + "; nothing was written. Name another file with --summary-json."),
          run.err());
      assertTrue(Files.notExists(out), "nothing was written");
    }
    CliRun earlier =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            out.toString(),
            "--split",
            "train=0.5,test=0.5",
            "--quiet");
    assertEquals(0, earlier.exitCode(), earlier.err());
    byte[] train = Files.readAllBytes(out.resolve("qa_pairs-train.jsonl"));
    Path link =
        Files.createSymbolicLink(dir.resolve("summary.json"), out.resolve("qa_pairs-train.jsonl"));
    CliRun throughLink =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            out.toString(),
            "--split",
            "train=0.5,test=0.5",
            "--summary-json",
            link.toString());
    assertEquals(2, throughLink.exitCode(), throughLink.err());
    assertArrayEquals(train, Files.readAllBytes(out.resolve("qa_pairs-train.jsonl")));
  }

  @Test
  void aSummaryThroughASymlinkReplacesTheFileItPointsToAndKeepsTheLink() throws Exception {
    Path passed = copyOfPassed(dir.resolve("in/qa_passed.jsonl"));
    Path real = Files.writeString(dir.resolve("real-summary.json"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("summary.json"), real);

    CliRun run =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--summary-json",
            link.toString(),
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertTrue(
        Files.readString(real).startsWith("{\"tool\":\"qa-export\""), Files.readString(real));
  }

  @Test
  void aSummaryToStdoutIsWrittenThereWithDashOrDevStdout() throws Exception {
    Path passed = copyOfPassed(dir.resolve("in/qa_passed.jsonl"));

    CliRun dash =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--summary-json",
            "-",
            "--quiet");

    assertEquals(0, dash.exitCode(), dash.err());
    assertTrue(dash.out().startsWith("{\"tool\":\"qa-export\""), dash.out());

    // /dev/stdout in a child whose stdout is a pipe: written through, never replaced.
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--passed",
                passed.toString(),
                "--output-dir",
                dir.resolve("out2").toString(),
                "--summary-json",
                "/dev/stdout",
                "--quiet")
            .start();
    String stdout = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, child.exitValue(), stderr);
    assertTrue(stdout.startsWith("{\"tool\":\"qa-export\""), stdout);
    assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")));
  }

  @Test
  void aSummaryToAFifoIsWrittenIntoIt() throws Exception {
    Path passed = copyOfPassed(dir.resolve("in/qa_passed.jsonl"));
    Path fifo = dir.resolve("summary.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor());
    var reader = new CompletableFuture<String>();
    Thread readerThread =
        new Thread(
            () -> {
              try {
                reader.complete(Files.readString(fifo));
              } catch (IOException e) {
                reader.completeExceptionally(e);
              }
            });
    readerThread.start();

    CliRun run =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            dir.resolve("out").toString(),
            "--summary-json",
            fifo.toString(),
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(reader.get(30, TimeUnit.SECONDS).startsWith("{\"tool\":\"qa-export\""));
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still a FIFO");
  }

  @Test
  void aSummaryPathThatCannotBeWrittenAsAskedIsRefusedBeforeTheExport() throws Exception {
    Path passed = copyOfPassed(dir.resolve("in/qa_passed.jsonl"));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere"));
    Path out = dir.resolve("out");

    CliRun toDangling =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            out.toString(),
            "--summary-json",
            dangling.toString());
    CliRun toMissingDevice =
        CliRun.of(
            "--passed",
            passed.toString(),
            "--output-dir",
            out.toString(),
            "--summary-json",
            "/dev/qa-export-no-such-device");

    assertEquals(2, toDangling.exitCode(), toDangling.err());
    assertEquals(
        "qa-export: error: --summary-json "
            + dangling
            + " is a symbolic link to a"
            + " missing file; name the file itself\n",
        toDangling.err());
    assertEquals(2, toMissingDevice.exitCode(), toMissingDevice.err());
    assertTrue(toMissingDevice.err().contains("no such device or file"), toMissingDevice.err());
    assertTrue(Files.notExists(out), "nothing was exported");
    assertTrue(Files.notExists(Path.of("/dev/qa-export-no-such-device")));
  }
}
