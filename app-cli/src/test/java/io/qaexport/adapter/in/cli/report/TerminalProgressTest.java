package io.qaexport.adapter.in.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress line as a terminal would get it, on a clock the test turns by hand. */
class TerminalProgressTest {
  private static final long MIB = 1 << 20;
  private static final long TOTAL = 284 * MIB + 100 * 1024;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private long now = 1_000_000_000L;

  private TerminalProgress progress(int columns) {
    var console =
        new Console(
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            true,
            columns);
    return new TerminalProgress(console, columns, () -> now);
  }

  private void advance(long millis) {
    now += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /** Every line drawn, in order (redraws start with a carriage return). */
  private List<String> drawn() {
    return Arrays.stream(err.toString(StandardCharsets.UTF_8).split("[\r\n]"))
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** Reads at a steady 50 MiB/s and 40,000 lines/s, drawn every tenth of a second, to 42%. */
  private List<String> runTo42Percent(int columns) {
    TerminalProgress bar = progress(columns);
    bar.fileStarted(Path.of("data/qa_passed.jsonl"), TOTAL);
    long bytes = 0;
    long lines = 0;
    while (bytes < TOTAL * 42 / 100) {
      advance(100);
      bytes += 5 * MIB;
      lines += 4000;
      bar.linesRead(lines);
      bar.bytesRead(bytes);
    }
    return drawn();
  }

  @Test
  void at120ColumnsEveryPartIsShown() {
    List<String> lines = runTo42Percent(120);

    assertEquals(
        "qa_passed.jsonl  [████████████░░░░░░░░░░░░░░░░░░]   42%  "
            + "120.0/284.1 MiB    50.0 MiB/s      40,000 lines/s  ETA    0:04",
        lines.get(lines.size() - 1));
  }

  @Test
  void at80ColumnsTheLinesPerSecondGoFirst() {
    List<String> lines = runTo42Percent(80);

    assertEquals(
        "qa_passed.jsonl  [████░░░░░░]   42%  120.0/284.1 MiB    50.0 MiB/s  " + "ETA    0:04",
        lines.get(lines.size() - 1));
  }

  @Test
  void at60ColumnsTheNameAndTheBarAreLeftOutButNoNumberIsCut() {
    List<String> lines = runTo42Percent(60);

    assertEquals(" 42%  120.0/284.1 MiB    50.0 MiB/s  ETA    0:04", lines.get(lines.size() - 1));
  }

  @Test
  void theLineKeepsOneLengthAndFitsTheTerminalAtEachWidth() {
    for (int columns : new int[] {120, 80, 60, 40, 20}) {
      err.reset();
      List<String> lines = runTo42Percent(columns);
      assertTrue(lines.size() > 10, "redrawn as the file is read");
      int length = lines.get(0).length();
      for (String line : lines) {
        assertEquals(length, line.length(), columns + " columns: the layout moved: " + line);
        assertTrue(line.length() < columns, columns + " columns: too wide: " + line);
      }
    }
  }

  @Test
  void theRateFollowsTheLastSecondsNotTheAverageSinceTheStart() {
    TerminalProgress bar = progress(120);
    bar.fileStarted(Path.of("qa_passed.jsonl"), 1000 * MIB);
    long bytes = 0;
    for (int tick = 0; tick < 50; tick++) { // 5 s at 10 MiB/s
      advance(100);
      bytes += MIB;
      bar.bytesRead(bytes);
    }
    for (int tick = 0; tick < 40; tick++) { // then 4 s at 40 MiB/s
      advance(100);
      bytes += 4 * MIB;
      bar.bytesRead(bytes);
    }

    String last = drawn().get(drawn().size() - 1);
    assertTrue(last.contains(" 40.0 MiB/s"), "the whole-run average would be 23.3: " + last);
  }

  @Test
  void aRateIsShownOnceHalfASecondHasBeenMeasuredAndADashBefore() {
    TerminalProgress bar = progress(120);
    bar.fileStarted(Path.of("qa_passed.jsonl"), 100 * MIB);
    advance(10);
    bar.bytesRead(MIB); // the first chunk, from the page cache: 100 MiB/s would be a promise
    advance(490);
    bar.bytesRead(5 * MIB);

    assertEquals(
        List.of(
            "qa_passed.jsonl  [░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]    1%    1.0/100.0 MiB"
                + "       – MiB/s           – lines/s  ETA       –",
            "qa_passed.jsonl  [█░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]    5%    5.0/100.0 MiB    10.0 MiB/s"
                + "           0 lines/s  ETA    0:10"),
        drawn());
  }

  @Test
  void aFileOfUnknownSizeGetsALineOnceItIsLargeWithoutBarPercentageOrEta() {
    TerminalProgress bar = progress(80);
    bar.fileStarted(Path.of("qa_passed.jsonl.gz"), -1);
    advance(400);
    bar.bytesRead(15 * MIB);
    assertEquals(List.of(), drawn(), "small so far: no line");
    advance(400);
    bar.bytesRead(20 * MIB);

    assertEquals(
        List.of("qa_passed.jsonl.gz     20.0 MiB    25.0 MiB/s           0 lines/s"), drawn());
  }

  @Test
  void aSmallFileGetsNoLine() {
    TerminalProgress bar = progress(80);
    bar.fileStarted(Path.of("qa_passed.jsonl"), 2 * MIB);
    advance(500);
    bar.bytesRead(2 * MIB);
    bar.fileFinished(Path.of("qa_passed.jsonl"));

    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theFinishedFileEndsItsLineAtFullAndAnInterruptionEndsTheLineAndStopsDrawing() {
    TerminalProgress bar = progress(120);
    bar.fileStarted(Path.of("qa_passed.jsonl"), 100 * MIB);
    advance(1000);
    bar.bytesRead(100 * MIB);
    bar.fileFinished(Path.of("qa_passed.jsonl"));
    assertTrue(err.toString(StandardCharsets.UTF_8).endsWith("ETA    0:00\n"));
    assertTrue(drawn().get(drawn().size() - 1).contains("100%"));

    err.reset();
    bar.fileStarted(Path.of("qa_rejected.jsonl"), 100 * MIB);
    advance(1000);
    bar.bytesRead(30 * MIB);
    bar.interrupted();
    advance(1000);
    bar.bytesRead(60 * MIB);

    String out = err.toString(StandardCharsets.UTF_8);
    assertTrue(out.endsWith("\n"), out);
    assertFalse(out.contains(" 60.0/"), "nothing drawn after the interruption: " + out);
  }

  @Test
  void aFirstPassShowsItsOwnLineBeforeTheExportsLine() {
    TerminalProgress bar = progress(100);
    bar.firstPassStarted(Path.of("data/qa_passed.jsonl"), TOTAL);
    advance(100);
    bar.bytesRead(TOTAL / 2);
    bar.fileFinished(Path.of("data/qa_passed.jsonl"));
    bar.fileStarted(Path.of("data/qa_passed.jsonl"), TOTAL);
    advance(100);
    bar.bytesRead(TOTAL / 4);

    List<String> lines = drawn();
    assertTrue(lines.get(0).startsWith("qa_passed.jsonl (first pass)"), lines.toString());
    assertTrue(
        lines.get(lines.size() - 1).startsWith("qa_passed.jsonl ")
            && !lines.get(lines.size() - 1).contains("first pass"),
        lines.toString());
  }
}
