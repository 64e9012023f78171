package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input as pipelines hand it over: compressed, on stdin, through a pipe. */
class PipelineInputTest {
  private static final Path EXAMPLE_PASSED = Path.of("../examples/qa/qa_passed.jsonl");

  @TempDir Path dir;
  private byte[] plainExport;

  @BeforeEach
  void exportThePlainExample() throws IOException {
    CliRun run =
        CliRun.of(
            "--passed",
            EXAMPLE_PASSED.toString(),
            "--output-dir",
            dir.resolve("plain").toString(),
            "--quiet");
    assertEquals(0, run.exitCode(), run.err());
    plainExport = Files.readAllBytes(dir.resolve("plain/qa_pairs.jsonl"));
  }

  private static byte[] compress(String kind, byte[] plain) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (OutputStream out =
        switch (kind) {
          case "gzip" -> new GZIPOutputStream(bytes);
          case "zstd" -> new ZstdOutputStream(bytes);
          case "bzip2" -> new BZip2CompressorOutputStream(bytes);
          case "xz" -> new XZCompressorOutputStream(bytes);
          default -> throw new IllegalArgumentException(kind);
        }) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "zstd", "bzip2", "xz"})
  void aCompressedInputExportsExactlyAsThePlainOne(String kind) throws IOException {
    Path compressed =
        Files.write(
            dir.resolve("qa_passed.jsonl.any"), compress(kind, Files.readAllBytes(EXAMPLE_PASSED)));

    CliRun run =
        CliRun.of("--passed", compressed.toString(), "--output-dir", dir.resolve("out").toString());

    assertEquals(0, run.exitCode(), run.err());
    assertArrayEquals(plainExport, Files.readAllBytes(dir.resolve("out/qa_pairs.jsonl")));
    assertTrue(run.err().contains("lines read 8 = 8 exported"), run.err());
  }

  @Test
  void aLineNumberInACompressedFileCountsDecompressedLines() throws IOException {
    byte[] withBadLine =
        (Files.readString(EXAMPLE_PASSED) + "{\"question\": 5}\n").getBytes(StandardCharsets.UTF_8);
    Path compressed = Files.write(dir.resolve("qa_passed.jsonl.gz"), compress("gzip", withBadLine));

    CliRun run =
        CliRun.of("--passed", compressed.toString(), "--output-dir", dir.resolve("out").toString());

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains(compressed + ":9:14: "), run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "zstd", "bzip2", "xz"})
  void aTruncatedCompressedFileIsInvalidInputNamingTheFileAndWritesNothing(String kind)
      throws IOException {
    byte[] whole = compress(kind, Files.readAllBytes(EXAMPLE_PASSED));
    Path truncated =
        Files.write(dir.resolve("qa_passed.jsonl.z"), Arrays.copyOf(whole, whole.length - 40));
    Path out = dir.resolve("out");

    CliRun run =
        CliRun.of(
            "--passed", truncated.toString(), "--output-dir", out.toString(), "--on-error", "skip");

    assertEquals(1, run.exitCode(), run.err());
    List<String> lines = run.err().lines().toList();
    assertTrue(lines.get(1).startsWith("qa-export: error: " + truncated + ":"), run.err());
    assertTrue(
        lines.get(1).contains(": the " + kind + " data is corrupt or truncated ("), run.err());
    assertEquals(
        "qa-export: no output was written or replaced.",
        lines.get(2),
        "no hint to skip: no later line can be read");
    assertFalse(Files.exists(out), "nothing written, not even the directory");
  }

  private Process child(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
  }

  @Test
  void aDashReadsCompressedPairsFromAPipeOnStdin() throws Exception {
    Path out = dir.resolve("out");
    Process child = child("--passed", "-", "--output-dir", out.toString());
    try (OutputStream stdin = child.getOutputStream()) {
      stdin.write(compress("zstd", Files.readAllBytes(EXAMPLE_PASSED)));
    }

    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("child.err"));
    assertEquals(0, child.exitValue(), err);
    assertArrayEquals(plainExport, Files.readAllBytes(out.resolve("qa_pairs.jsonl")));
    assertEquals(List.of("README.md", "qa_pairs.jsonl"), filesIn(out));
    assertTrue(
        err.startsWith(
            "qa-export: reading the passed pairs from /dev/stdin; no --rejected"
                + " given, so exporting passed pairs only\n"),
        err);
    assertEquals(
        "",
        new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        "no data on stdout");
  }

  @Test
  void stdinWithoutAnOutputDirectoryIsAUsageErrorThatWritesNothing() throws Exception {
    Process child = child("--passed", "-");
    child.getOutputStream().close();

    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, child.exitValue());
    assertEquals(
        "qa-export: error: --passed /dev/stdin is stdin, a pipe or a device: there is no"
            + " directory beside it to write to; name one with --output-dir\n"
            + "Try 'qa-export --help' for the options.\n",
        Files.readString(dir.resolve("child.err")));
  }

  @Test
  void aNamedPipeIsReadLikeAFile() throws Exception {
    Path fifo = dir.resolve("passed.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.write(fifo, Files.readAllBytes(EXAMPLE_PASSED));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    writer.start();

    CliRun run =
        CliRun.of(
            "--passed", fifo.toString(), "--output-dir", dir.resolve("out").toString(), "--quiet");
    writer.join();

    assertEquals(0, run.exitCode(), run.err());
    assertArrayEquals(plainExport, Files.readAllBytes(dir.resolve("out/qa_pairs.jsonl")));
  }

  @Test
  void aStreamWithAShardSizeIsAUsageErrorNotAnUnshardedOutput() throws Exception {
    Path fifo = dir.resolve("passed.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path out = dir.resolve("out");

    CliRun run =
        CliRun.of(
            "--passed", fifo.toString(), "--output-dir", out.toString(), "--max-shard-size", "1K");

    assertEquals(2, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("--max-shard-size: " + fifo + " is a stream, which is read once"),
        run.err());
    assertFalse(Files.exists(out));

    CliRun directory =
        CliRun.of(
            "--passed", dir.toString(), "--output-dir", out.toString(), "--max-shard-size", "1K");
    assertFalse(directory.err().contains("is a stream"), "a directory: " + directory.err());
  }
}
