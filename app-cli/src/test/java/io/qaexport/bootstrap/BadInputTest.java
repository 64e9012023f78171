package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad input of each kind through the real command line: the exact message, its line (and
 * column), the exit code, and what the output directory holds afterwards. Complements MainTest.
 */
class BadInputTest {
  private static final String GOOD =
      "{\"question\": \"Hur?\", \"answer\": \"Så här.\","
          + " \"source_document\": \"a.md\", \"persona\": {\"roll\": \"underskoterska\","
          + " \"erfarenhet\": \"erfaren\"}, \"validation\": {\"composite_score\": 0.9}}";
  private static final byte[] EARLIER =
      "{\"question\":\"earlier\"}\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private Path passedFile(byte[] content) throws IOException {
    Path file = dir.resolve("qa/qa_passed.jsonl");
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
  }

  private Path outWithAnEarlierExport() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.write(out.resolve("qa_pairs.jsonl"), EARLIER);
    return out;
  }

  private CliRun export(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("--input-dir", dir.resolve("qa").toString(), "--output-dir", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<String> errorLines(CliRun run) {
    return run.err().lines().filter(l -> l.startsWith("qa-export: error:")).toList();
  }

  /** The files of a successful run, less the dataset card that is written beside them. */
  private static List<String> outputsIn(Path directory) throws IOException {
    return filesIn(directory).stream().filter(f -> !f.equals("README.md")).toList();
  }

  static Stream<Arguments> invalidRecords() {
    return Stream.of(
        Arguments.of(
            "not JSON",
            utf8(GOOD + "\nnot json\n"),
            "2:1: invalid JSON: Unrecognized token 'not': was expecting (JSON String, Number (or"
                + " 'NaN'/'Infinity'/'-Infinity'), Array, Object or token 'null', 'true' or 'false')"),
        Arguments.of(
            "truncated last line",
            utf8(GOOD + "\n" + GOOD.substring(0, 40)),
            "2:43: invalid JSON: Unexpected end-of-input: expected close marker for Object"),
        Arguments.of(
            "an array", utf8("[" + GOOD + "]\n"), "1:1: expected a JSON object, found an array"),
        Arguments.of("a string", utf8("\"Hur?\"\n"), "1:1: expected a JSON object, found a string"),
        Arguments.of(
            "a number", utf8(GOOD + "\n\n0.9\n"), "3:1: expected a JSON object, found a number"),
        Arguments.of(
            "question is a number",
            utf8("{\"question\": 42}\n"),
            "1:14: 'question' must be a string or null, found a number"),
        Arguments.of(
            "persona is an array",
            utf8("{\"persona\": [\"a\"]}\n"),
            "1:13: 'persona' must be an object, a string or null, found an array"),
        Arguments.of(
            "persona.roll is a boolean",
            utf8("{\"persona\": {\"roll\": true}}\n"),
            "1:22: 'persona.roll' must be a string or null, found a boolean"),
        Arguments.of(
            "validation is a string",
            utf8("{\"validation\": \"passed\"}\n"),
            "1:16: 'validation' must be an object or null, found a string"),
        Arguments.of(
            "score is a string",
            utf8("{\"validation\": {\"composite_score\": \"0.9\"}}\n"),
            "1:36: 'validation.composite_score' must be a number or null, found a string"),
        Arguments.of(
            "NaN score",
            utf8("{\"validation\": {\"composite_score\": NaN}}\n"),
            "1: validation.composite_score is NaN; a score must be a finite number"),
        Arguments.of(
            "Infinity score",
            utf8(GOOD + "\n{\"validation\": {\"composite_score\": Infinity}}\n"),
            "2: validation.composite_score is Infinity (or a number beyond a double's range, such as"
                + " 1e400); a score must be a finite number"),
        Arguments.of(
            "score beyond a double",
            utf8("{\"validation\": {\"composite_score\": 1e400}}\n"),
            "1: validation.composite_score is Infinity (or a number beyond a double's range, such as"
                + " 1e400); a score must be a finite number"),
        Arguments.of(
            "-Infinity score",
            utf8("{\"validation\": {\"composite_score\": -Infinity}}"),
            "1: validation.composite_score is -Infinity (or a number beyond a double's range, such"
                + " as -1e400); a score must be a finite number"),
        Arguments.of(
            "invalid UTF-8",
            concat(utf8(GOOD + "\n{\"question\": \"h"), new byte[] {(byte) 0xC3, '"', '}', '\n'}),
            "2:16: invalid UTF-8: byte 0xC3 at byte offset 15 of the line"),
        Arguments.of(
            "lone surrogate escape",
            utf8("{\"answer\": \"x \\ud83d y\"}\n"),
            "1:12: 'answer' holds a lone UTF-16 surrogate \\uD83D, which is not a character"),
        Arguments.of(
            "duplicate key",
            utf8("{\"question\": \"a\", \"question\": \"b\"}\n"),
            "1:31: duplicate key 'question': which of its values is meant is ambiguous"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRecords")
  void anInvalidRecordStopsTheRunWithOneExactLineAndExitCode1(
      String kind, byte[] content, String location) throws IOException {
    Path passed = passedFile(content);
    Path out = outWithAnEarlierExport();

    CliRun run = export(out);

    assertEquals(1, run.exitCode(), run.err());
    assertEquals(
        List.of("qa-export: error: " + passed + ":" + location), errorLines(run), run.err());
    assertTrue(
        run.err()
            .contains(
                "qa-export: no output was written or replaced. Fix the line, or"
                    + " run with --on-error skip to leave invalid records out and log them."),
        run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace");
    assertEquals(List.of("qa_pairs.jsonl"), filesIn(out), "no output, temporary or errors file");
    assertArrayEquals(EARLIER, Files.readAllBytes(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void aLineOverMaxLineBytesNamesTheLimitAndTheFlag() throws IOException {
    Path passed = passedFile(utf8(GOOD + "\n{\"answer\": \"" + "å".repeat(600) + "\"}\n"));
    Path out = outWithAnEarlierExport();

    CliRun run = export(out, "--max-line-bytes", "1K");

    assertEquals(1, run.exitCode(), run.err());
    assertEquals(
        List.of(
            "qa-export: error: "
                + passed
                + ":2: line is longer than the limit of"
                + " 1024 bytes (raise it with --max-line-bytes)"),
        errorLines(run),
        run.err());
    assertEquals(List.of("qa_pairs.jsonl"), filesIn(out));
    assertArrayEquals(EARLIER, Files.readAllBytes(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void anEmptyInputIsValidButWarnedAbout() throws IOException {
    Path passed = passedFile(new byte[0]);
    Path out = outWithAnEarlierExport();

    CliRun run = export(out);

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .lines()
            .anyMatch(("qa-export: warning: " + passed + " is empty: it holds no records")::equals),
        run.err());
    assertTrue(run.err().contains("lines read 0 = 0 exported + 0 skipped + 0 blank"), run.err());
    assertEquals(0, Files.size(out.resolve("qa_pairs.jsonl")), "an empty dataset replaces it");
    assertEquals(List.of("qa_pairs.jsonl"), outputsIn(out), "no temporary file is left");
  }

  @Test
  void missingAndUnreadableInputsAndAnUncreatableOutputDirectoryEachPrintOneExactLine()
      throws IOException {
    Path qa = dir.resolve("qa");
    Path out = dir.resolve("out");

    CliRun missing = export(out);
    Files.createDirectories(qa.resolve("qa_passed.jsonl")); // a directory: unreadable even to root
    CliRun unreadable = export(out);
    Files.delete(qa.resolve("qa_passed.jsonl"));
    passedFile(utf8(GOOD + "\n"));
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    CliRun noOutputDir = export(blocker.resolve("out"));

    assertEquals(2, missing.exitCode());
    assertEquals(
        List.of(
            "qa-export: error: "
                + qa.resolve("qa_passed.jsonl")
                + ": no such file."
                + " It is written by the pipeline's validation step; run that first, or point --input-dir"
                + " or --passed at the file."),
        errorLines(missing));
    assertEquals(3, unreadable.exitCode());
    assertEquals(
        List.of(
            "qa-export: error: cannot read " + qa.resolve("qa_passed.jsonl") + ": Is a directory"),
        errorLines(unreadable));
    assertEquals(3, noOutputDir.exitCode());
    assertEquals(
        List.of(
            "qa-export: error: cannot create or use output directory "
                + blocker.resolve("out")
                + ": Not a directory"),
        errorLines(noOutputDir));
    for (CliRun run : List.of(missing, unreadable, noOutputDir)) {
      assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }
    assertFalse(Files.exists(out), "the unreadable run left not even the output dir it made");
    assertEquals(List.of("qa_passed.jsonl"), filesIn(qa));
  }

  @Test
  void skipKeepsTheLineAccountsAndLogsExactlyTheSkippedLinesVerbatim() throws IOException {
    byte[] invalidUtf8 = concat(utf8("{\"question\": \"h"), new byte[] {(byte) 0xC3, '"', '}'});
    List<byte[]> lines =
        List.of(
            utf8(GOOD), // 1 exported
            utf8("not json"), // 2 skipped
            utf8(""), // 3 blank
            utf8("{\"question\": 5}"), // 4 skipped
            utf8("{\"validation\": {\"composite_score\": NaN}}"), // 5 skipped
            invalidUtf8, // 6 skipped
            utf8("  \t"), // 7 blank
            utf8("{\"answer\": \"x \\udc00\"}"), // 8 skipped
            utf8("[1, 2]"), // 9 skipped
            utf8("{\"question\": \"utan persona\"}"), // 10 exported
            utf8(GOOD.substring(0, 30))); // 11 skipped, no \n
    var content = new ByteArrayOutputStream();
    for (int i = 0; i < lines.size(); i++) {
      content.writeBytes(lines.get(i));
      if (i < lines.size() - 1) {
        content.write('\n');
      }
    }
    passedFile(content.toByteArray());
    Path out = outWithAnEarlierExport();

    CliRun run = export(out, "--on-error", "skip");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("lines read 11 = 2 exported + 7 skipped + 2 blank"), run.err());
    assertTrue(run.err().contains("7 invalid records were left out"), run.err());
    assertEquals(List.of("qa_pairs.jsonl", "qa_pairs.jsonl.errors.jsonl"), outputsIn(out));
    assertEquals(2, Files.readAllLines(out.resolve("qa_pairs.jsonl")).size());

    List<String> errors = Files.readAllLines(out.resolve("qa_pairs.jsonl.errors.jsonl"));
    int[] skipped = {2, 4, 5, 6, 8, 9, 11};
    assertEquals(skipped.length, errors.size(), String.join("\n", errors));
    for (int i = 0; i < skipped.length; i++) {
      String entry = errors.get(i);
      byte[] original = lines.get(skipped[i] - 1);
      assertTrue(entry.startsWith("{\"line\":" + skipped[i] + ",\"column\":"), entry);
      assertTrue(entry.contains(",\"reason\":\""), entry);
      String text = new String(original, StandardCharsets.UTF_8);
      String expectedRaw =
          original == invalidUtf8
              ? ",\"raw_base64\":\"" + Base64.getEncoder().encodeToString(original) + "\"}"
              : ",\"raw\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
      assertTrue(entry.endsWith(expectedRaw), entry + " should end with " + expectedRaw);
    }
  }
}
