package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.qaexport.adapter.in.cli.CliOptions;
import io.qaexport.adapter.in.cli.ExitCode;
import io.qaexport.adapter.in.cli.ResolvedOptions;
import io.qaexport.adapter.in.cli.report.Console;
import io.qaexport.adapter.in.jsonl.JsonlInputModule;
import io.qaexport.adapter.out.plugin.PluginDirectory;
import io.qaexport.application.port.in.ErrorPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full disk, simulated by an in-memory file system with a size limit: the run fails with exit
 * code 3 and one clear line, and leaves the output directory exactly as it found it.
 */
class DiskFullTest {
  private static final int BLOCK = 4096;
  private static final String EARLIER = "{\"question\":\"earlier\"}\n";

  private FileSystem fs;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private FileSystem fileSystem(long maxBytes) {
    fs =
        Jimfs.newFileSystem(
            Configuration.unix().toBuilder().setBlockSize(BLOCK).setMaxSize(maxBytes).build());
    return fs;
  }

  @AfterEach
  void close() throws IOException {
    if (fs != null) {
      fs.close();
    }
  }

  private static String line(int i) {
    return "{\"question\": \"Fråga "
        + i
        + "\", \"answer\": \""
        + "svar ".repeat(40)
        + "\", \"source_document\": \"a.md\", \"persona\": \"anhörig\","
        + " \"validation\": {\"composite_score\": 0.5, \"failure_reason\": \"nej\"}}\n";
  }

  private static Path input(Path file, int lines) throws IOException {
    Files.createDirectories(file.getParent());
    var text = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      text.append(line(i));
    }
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private ExitCode export(Path passed, Optional<Path> rejected, Path outputDir) {
    var console =
        new Console(
            new PrintStream(new ByteArrayOutputStream(), true),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    var options =
        new CliOptions(
            new CliOptions.Inputs(passed, true, rejected, passed.getParent()),
            outputDir,
            new CliOptions.Format("jsonl", List.of()),
            new CliOptions.Reading(ErrorPolicy.FAIL, false, 64 << 20),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            new CliOptions.Display(false, false));
    return DaggerQaExportComponent.factory()
        .create(console, new PluginDirectory(Optional.empty()), new JsonlInputModule(64 << 20))
        .commandLine()
        .export(new ResolvedOptions(options, rejected, List.of(), Optional.empty()));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFullDiskFailsWithOneClearLineAndLeavesTheEarlierOutputAsItWas() throws IOException {
    // Room for the input (~40 KB) and the earlier output, not for the new output as well.
    FileSystem fs = fileSystem(16L * BLOCK);
    Path passed = input(fs.getPath("/qa/qa_passed.jsonl"), 150);
    assertTrue(Files.size(passed) > 10 * BLOCK, "the input fills most of the disk");
    Path out = Files.createDirectories(fs.getPath("/out"));
    Files.writeString(out.resolve("qa_pairs.jsonl"), EARLIER);

    ExitCode code = export(passed, Optional.empty(), out);

    assertEquals(ExitCode.IO_FAILURE, code, stderr());
    List<String> errorLines = stderr().lines().filter(l -> l.contains("error")).toList();
    assertEquals(
        List.of("qa-export: error: cannot write /out/qa_pairs.jsonl: out of disk space"),
        errorLines,
        stderr());
    assertFalse(stderr().contains("\tat "), "no stack trace without --verbose");
    assertEquals(List.of("qa_pairs.jsonl"), filesIn(out), "no partial output or temporary file");
    assertEquals(EARLIER, Files.readString(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void aSmallOutputThatFailsAtItsFinalFlushIsReportedAsAWriteFailure() throws IOException {
    // The output (< 1 block) is only written when the writer is closed.
    FileSystem fs = fileSystem(2L * BLOCK);
    Path passed = input(fs.getPath("/qa/qa_passed.jsonl"), 3);
    Path out = Files.createDirectories(fs.getPath("/out"));
    Files.writeString(out.resolve("qa_pairs.jsonl"), EARLIER);

    ExitCode code = export(passed, Optional.empty(), out);

    assertEquals(ExitCode.IO_FAILURE, code, stderr());
    assertEquals(
        "qa-export: error: cannot write /out/qa_pairs.jsonl: out of disk space",
        stderr().lines().filter(l -> l.contains("error")).findFirst().orElseThrow());
    assertEquals(List.of("qa_pairs.jsonl"), filesIn(out));
    assertEquals(EARLIER, Files.readString(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void whenTheSecondOutputDoesNotFitNothingOfTheRunRemains() throws IOException {
    FileSystem fs = fileSystem(18L * BLOCK);
    Path passed = input(fs.getPath("/qa/qa_passed.jsonl"), 3);
    Path rejected = input(fs.getPath("/qa/qa_rejected.jsonl"), 150);
    Path out = Files.createDirectories(fs.getPath("/out"));
    Files.writeString(out.resolve("qa_pairs.jsonl"), EARLIER);

    ExitCode code = export(passed, Optional.of(rejected), out);

    assertEquals(ExitCode.IO_FAILURE, code, stderr());
    assertTrue(
        stderr()
            .contains(
                "qa-export: error: cannot write /out/qa_rejected_hf.jsonl: out of disk space\n"),
        stderr());
    assertFalse(stderr().contains("\tat "), "no stack trace without --verbose");
    assertEquals(List.of("qa_pairs.jsonl"), filesIn(out), "the passed output was not committed");
    assertEquals(EARLIER, Files.readString(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void withRoomToSpareTheSameRunSucceeds() throws IOException {
    FileSystem fs = fileSystem(256L * BLOCK);
    Path passed = input(fs.getPath("/qa/qa_passed.jsonl"), 3);
    Path rejected = input(fs.getPath("/qa/qa_rejected.jsonl"), 150);
    Path out = Files.createDirectories(fs.getPath("/out"));
    Files.writeString(out.resolve("qa_pairs.jsonl"), EARLIER);

    ExitCode code = export(passed, Optional.of(rejected), out);

    assertEquals(ExitCode.SUCCESS, code, stderr());
    assertEquals(List.of("qa_pairs.jsonl", "qa_rejected_hf.jsonl"), filesIn(out));
    assertEquals(3, Files.readAllLines(out.resolve("qa_pairs.jsonl")).size());
    assertEquals(150, Files.readAllLines(out.resolve("qa_rejected_hf.jsonl")).size());
  }
}
