package io.qaexport.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.InvalidInputException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.DatasetCardWriter.PreviousCard;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.application.service.commit.Leftovers;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.mapping.DefaultedField;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The use case with a line-oriented fake reader: each input line is {@code q|persona|score}, {@code
 * BLANK}, or {@code BAD reason}; the fake format writes one text line per record.
 */
class ExportDatasetServiceTest {
  @TempDir Path dir;

  private final AtomicInteger formatsBuilt = new AtomicInteger();
  private IOException failWritesWith;

  private IOException failLogWith;
  private IOException failReadAtLine2With;

  private final QaPairSource source =
      file -> {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new PairReader() {
          private int next;

          @Override
          public SourceLine next() throws IOException {
            if (next == 1 && failReadAtLine2With != null) {
              throw failReadAtLine2With;
            }
            return next < lines.size() ? line(lines.get(next), ++next) : null;
          }

          @Override
          public long bytesRead() {
            return next;
          }

          @Override
          public void close() {}
        };
      };

  private static SourceLine line(String line, long number) {
    byte[] raw = line.getBytes(StandardCharsets.UTF_8);
    if (line.equals("BLANK")) {
      return new SourceLine.Blank(number);
    } else if (line.startsWith("BAD ")) {
      return new SourceLine.Invalid(number, 7, line.substring(4), raw::clone);
    }
    String[] parts = line.split("\\|", -1);
    Double score = parts[2].isEmpty() ? null : Double.valueOf(parts[2]);
    Persona persona = parts[1].isEmpty() ? null : new Persona.Label(parts[1]);
    return new SourceLine.Pair(
        number, new QaPair(parts[0], "svar", "doc.md", persona, score, null), raw::clone);
  }

  private final OutputFormat textFormat = new TextLinesFormat(() -> failWritesWith);

  private final List<String> logged = new ArrayList<>();
  private final InvalidLineLog.Factory logs =
      file -> {
        BufferedWriter out = Files.newBufferedWriter(file);
        return new InvalidLineLog() {
          @Override
          public void append(long line, int column, String reason, byte[] raw) throws IOException {
            if (failLogWith != null) {
              throw failLogWith;
            }
            String entry =
                line + ":" + column + ":" + reason + ":" + new String(raw, StandardCharsets.UTF_8);
            logged.add(entry);
            out.write(entry + "\n");
          }

          @Override
          public void close() throws IOException {
            out.close();
          }
        };
      };

  private final io.qaexport.application.port.out.DatasetCardWriter cards =
      new io.qaexport.application.port.out.DatasetCardWriter() {
        @Override
        public void write(
            Path file, io.qaexport.domain.card.DatasetCard card, Optional<Path> previous)
            throws IOException {
          Files.writeString(
              file,
              "card: "
                  + card.configs().stream()
                      .map(
                          c ->
                              c.name()
                                  + "="
                                  + c.splits().get(0).dataFiles().get(0)
                                  + ":"
                                  + c.rows())
                      .toList()
                  + "\n");
        }

        @Override
        public void withdraw(Path target, Path previous, String why, List<String> runFiles)
            throws IOException {
          Files.writeString(target, "withdrawn: " + why + "\n");
        }

        @Override
        public Optional<PreviousCard> read(Path file) throws IOException {
          Optional<String> none = Optional.empty();
          return Files.readString(file).startsWith("card: ")
              ? Optional.of(new PreviousCard(none, none, none, none, List.of()))
              : Optional.empty();
        }
      };

  private ExportDatasetService service() {
    Supplier<OutputFormat> counted =
        () -> {
          formatsBuilt.incrementAndGet();
          return textFormat;
        };
    Supplier<OutputFormat> never =
        () -> {
          throw new AssertionError("an unchosen format was built");
        };
    return new ExportDatasetService(
        source,
        Map.of("text", counted, "other", never),
        logs,
        cards,
        (file, shape) -> {
          throw new AssertionError("no deduplication was asked for");
        },
        () -> {
          throw new AssertionError("no Parquet reference was given");
        });
  }

  private Path input(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  private ExportCommand command(ErrorPolicy policy, boolean strict, ExportJob... jobs) {
    return new ExportCommand(
        List.of(jobs), dir.resolve("out"), "text", policy, strict, ExportProgress.NONE);
  }

  /** Collects the notices other than the run's hold on the output directory. */
  private static ExportProgress collecting(List<Notice> notices) {
    return new ExportProgress() {
      @Override
      public void notice(Notice notice) {
        if (!(notice instanceof Notice.OutputsLocked
            || notice instanceof Notice.OutputsCommitted
            || notice instanceof Notice.OutputsReleased)) {
          notices.add(notice);
        }
      }
    };
  }

  private List<String> outputFiles() throws IOException {
    Path out = dir.resolve("out");
    if (!Files.exists(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void exportsEveryJobAndAccountsForEveryLine() throws Exception {
    Path passed = input("p.jsonl", "Hur?|anhörig|0.5", "BLANK", "Var?||");
    Path rejected = input("r.jsonl", "Vem?|x|1");

    ExportSummary summary =
        service()
            .export(
                command(
                    ErrorPolicy.FAIL,
                    false,
                    new ExportJob(passed, RecordShape.PASSED, "qa_pairs"),
                    new ExportJob(rejected, RecordShape.REJECTED, "qa_rejected_hf")));

    assertEquals(
        List.of("Hur?|anhörig|0.5", "Var?|unknown|0.0"),
        Files.readAllLines(dir.resolve("out/qa_pairs.txt")));
    assertEquals(
        List.of("Vem?|x|1.0|unknown"), Files.readAllLines(dir.resolve("out/qa_rejected_hf.txt")));
    FileSummary first = summary.files().get(0);
    assertEquals(3, first.linesRead());
    assertEquals(2, first.exported());
    assertEquals(1, first.blankLines());
    assertEquals(0, first.skipped());
    assertEquals(
        Map.of(DefaultedField.PERSONA, 1L, DefaultedField.VALIDATION_SCORE, 1L),
        first.defaultsApplied());
    assertEquals(
        Map.of(DefaultedField.FAILURE_REASON, 1L), summary.files().get(1).defaultsApplied());
    assertEquals(Files.size(dir.resolve("out/qa_pairs.txt")), first.outputBytes());
    assertEquals(3, summary.exported());
    assertEquals(1, formatsBuilt.get());
    assertEquals(List.of("qa_pairs.txt", "qa_rejected_hf.txt"), outputFiles());
  }

  @Test
  void anInvalidLineInTheSecondFileLeavesNoNewOutputAndKeepsTheEarlierOne() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("qa_pairs.txt"), "earlier good output\n");
    Path passed = input("p.jsonl", "Hur?|a|0.5");
    Path rejected = input("r.jsonl", "Vem?|x|1", "BLANK", "BAD not a JSON object");

    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                service()
                    .export(
                        command(
                            ErrorPolicy.FAIL,
                            false,
                            new ExportJob(passed, RecordShape.PASSED, "qa_pairs"),
                            new ExportJob(rejected, RecordShape.REJECTED, "qa_rejected_hf"))));

    assertEquals(rejected + ":3:7: not a JSON object", e.getMessage());
    assertEquals(3, e.line());
    assertEquals("earlier good output\n", Files.readString(out.resolve("qa_pairs.txt")));
    assertEquals(List.of("qa_pairs.txt"), outputFiles());
  }

  @Test
  void aMappingFailureIsReportedWithoutAColumn() throws Exception {
    Path passed = input("p.jsonl", "Hur?|a|NaN");

    var e =
        assertThrows(
            InvalidInputException.class,
            () ->
                service()
                    .export(
                        command(
                            ErrorPolicy.FAIL,
                            false,
                            new ExportJob(passed, RecordShape.PASSED, "qa_pairs"))));

    assertEquals(
        passed + ":1: validation.composite_score is NaN; a score must be a finite number",
        e.getMessage());
    assertEquals(List.of(), outputFiles());
  }

  @Test
  void skipLeavesInvalidRecordsOutAndLogsThemBesideTheOutput() throws Exception {
    Path passed = input("p.jsonl", "BAD broken", "Hur?|a|0.5", "BLANK", "Var?|b|NaN", "Vem?||");

    ExportSummary summary =
        service()
            .export(
                command(
                    ErrorPolicy.SKIP, true, new ExportJob(passed, RecordShape.PASSED, "qa_pairs")));

    FileSummary file = summary.files().get(0);
    assertEquals(5, file.linesRead());
    assertEquals(1, file.exported());
    assertEquals(3, file.skipped());
    assertEquals(1, file.blankLines());
    assertEquals(file.linesRead(), file.exported() + file.skipped() + file.blankLines());
    assertEquals(
        List.of(
            "1:7:broken:BAD broken",
            "4:0:validation.composite_score is NaN; a score must be a finite number:Var?|b|NaN",
            "5:0:missing or null required field 'persona' (--strict):Vem?||"),
        logged);
    assertEquals(List.of("qa_pairs.txt", "qa_pairs.txt.errors.jsonl"), outputFiles());
    assertEquals(dir.resolve("out/qa_pairs.txt.errors.jsonl"), file.errorsFile().orElseThrow());
    assertEquals(Map.of(), file.defaultsApplied());
  }

  @Test
  void skipWithNothingInvalidWritesNoErrorsFile() throws Exception {
    Path passed = input("p.jsonl", "Hur?|a|0.5");
    FileSummary file =
        service()
            .export(
                command(
                    ErrorPolicy.SKIP, false, new ExportJob(passed, RecordShape.PASSED, "qa_pairs")))
            .files()
            .get(0);
    assertTrue(file.errorsFile().isEmpty());
    assertEquals(List.of("qa_pairs.txt"), outputFiles());
  }

  @Test
  void anUnknownFormatNamesTheKnownOnesAndBuildsNone() throws Exception {
    Path passed = input("p.jsonl", "Hur?|a|0.5");
    var command =
        new ExportCommand(
            List.of(new ExportJob(passed, RecordShape.PASSED, "qa")),
            dir.resolve("out"),
            "csv",
            ErrorPolicy.FAIL,
            false,
            ExportProgress.NONE);

    var e = assertThrows(UsageException.class, () -> service().export(command));

    assertEquals("unknown format 'csv'; available: other, text", e.getMessage());
    assertEquals(0, formatsBuilt.get());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aMissingInputIsAUsageError() {
    var e =
        assertThrows(
            UsageException.class,
            () ->
                service()
                    .export(
                        command(
                            ErrorPolicy.FAIL,
                            false,
                            new ExportJob(dir.resolve("nope.jsonl"), RecordShape.PASSED, "qa"))));
    assertEquals(dir.resolve("nope.jsonl") + ": no such file", e.getMessage());
  }

  @Test
  void aWriteFailureIsAnIoFailureAndLeavesNothingBehind() throws Exception {
    Path passed = input("p.jsonl", "Hur?|a|0.5");
    failWritesWith = new IOException("No space left on device");

    var e =
        assertThrows(
            ExportIoException.class,
            () ->
                service()
                    .export(
                        command(
                            ErrorPolicy.FAIL,
                            false,
                            new ExportJob(passed, RecordShape.PASSED, "qa_pairs"))));

    assertEquals(
        "cannot write " + dir.resolve("out/qa_pairs.txt") + ": No space left on device",
        e.getMessage());
    assertEquals(List.of(), outputFiles());
  }

  @Test
  void anEmptyInputIsValidWithAWarning() throws Exception {
    Path passed = Files.write(dir.resolve("p.jsonl"), new byte[0]);
    List<Notice> notices = new ArrayList<>();
    ExportProgress progress = collecting(notices);
    var command =
        new ExportCommand(
            List.of(new ExportJob(passed, RecordShape.PASSED, "qa")),
            dir.resolve("out"),
            "text",
            ErrorPolicy.FAIL,
            false,
            progress);

    ExportSummary summary = service().export(command);

    assertEquals(0, summary.exported());
    assertEquals(List.of(new Notice.EmptyInput(passed, 0)), notices);
    assertEquals("", Files.readString(dir.resolve("out/qa.txt")));
  }

  @Test
  void aFileOfBlankLinesOnlyIsEmptyWithAWarningThatSaysSo() throws Exception {
    Path passed = input("p.jsonl", "BLANK", "BLANK", "BLANK");
    List<Notice> notices = new ArrayList<>();
    var command =
        new ExportCommand(
            List.of(new ExportJob(passed, RecordShape.PASSED, "qa")),
            dir.resolve("out"),
            "text",
            ErrorPolicy.FAIL,
            false,
            collecting(notices));

    ExportSummary summary = service().export(command);

    assertEquals(0, summary.exported());
    assertEquals(List.of(new Notice.EmptyInput(passed, 3)), notices);
  }

  @Test
  void anOutputPathThatIsADirectoryFailsTheCommitBeforeAnythingIsReplaced() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("qa_pairs.txt"), "earlier\n");
    Files.createDirectories(out.resolve("qa_rejected_hf.txt"));
    Path passed = input("p.jsonl", "Hur?|a|0.5");
    Path rejected = input("r.jsonl", "Vem?|x|1");

    var e =
        assertThrows(
            ExportIoException.class,
            () ->
                service()
                    .export(
                        command(
                            ErrorPolicy.FAIL,
                            false,
                            new ExportJob(passed, RecordShape.PASSED, "qa_pairs"),
                            new ExportJob(rejected, RecordShape.REJECTED, "qa_rejected_hf"))));

    assertTrue(e.getMessage().contains("qa_rejected_hf.txt is a directory"), e.getMessage());
    assertEquals("earlier\n", Files.readString(out.resolve("qa_pairs.txt")));
    assertEquals(List.of("qa_pairs.txt", "qa_rejected_hf.txt"), outputFiles());
  }

  @Test
  void replacingEarlierOutputsLeavesNoBackupsBehind() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("qa_pairs.txt"), "earlier\n");
    Path passed = input("p.jsonl", "Hur?|a|0.5");

    service()
        .export(
            command(
                ErrorPolicy.FAIL, false, new ExportJob(passed, RecordShape.PASSED, "qa_pairs")));

    assertEquals(List.of("Hur?|a|0.5"), Files.readAllLines(out.resolve("qa_pairs.txt")));
    assertEquals(List.of("qa_pairs.txt"), outputFiles());
  }

  @Test
  void leftoversOfDeadRunsAreRemovedButNotThoseOfLiveOnes() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path dead = out.resolve(".qa_pairs.txt.2147483646" + OutputTransaction.TEMP_SUFFIX);
    Path live =
        out.resolve(
            ".qa_pairs.txt." + ProcessHandle.current().pid() + OutputTransaction.TEMP_SUFFIX);
    Path unrelated = out.resolve("notes.qa-export-tmp.txt");
    for (Path file : List.of(dead, live, unrelated)) {
      Files.writeString(file, "partial");
    }

    Leftovers.remove(out);

    assertFalse(Files.exists(dead));
    assertTrue(Files.exists(live));
    assertTrue(Files.exists(unrelated));
  }

  @Test
  void aFullDiskUnderTheErrorsLogNamesTheLogAndLeavesNothingBehind() throws Exception {
    Path passed = input("p.jsonl", "Hur?|a|0.5", "BAD broken");
    failLogWith = new IOException("No space left on device");

    var e =
        assertThrows(
            ExportIoException.class,
            () ->
                service()
                    .export(
                        command(
                            ErrorPolicy.SKIP,
                            false,
                            new ExportJob(passed, RecordShape.PASSED, "qa_pairs"))));

    assertEquals(
        "cannot write "
            + dir.resolve("out/qa_pairs.txt.errors.jsonl")
            + ": No space left on device",
        e.getMessage());
    assertEquals(List.of(), outputFiles());
  }

  @Test
  void aReadFailureMidFileNamesTheInputAndLeavesNothingBehind() throws Exception {
    Path passed = input("p.jsonl", "Hur?|a|0.5", "Var?|b|0.7");
    failReadAtLine2With = new IOException("Input/output error");

    var e =
        assertThrows(
            ExportIoException.class,
            () ->
                service()
                    .export(
                        command(
                            ErrorPolicy.FAIL,
                            false,
                            new ExportJob(passed, RecordShape.PASSED, "qa_pairs"))));

    assertEquals("cannot read " + passed + ": Input/output error", e.getMessage());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void theCardGetsOneConfigPerFileWithRecordsAndIsCommittedWithTheData() throws Exception {
    Path passed = input("p.jsonl", "Hur?|a|0.5", "Var?|b|0.7");
    Path rejected = input("r.jsonl", "BLANK");
    List<Notice> notices = new ArrayList<>();
    ExportProgress progress = collecting(notices);
    Path card = dir.resolve("out/README.md");
    var command =
        new ExportCommand(
            List.of(
                new ExportJob(passed, RecordShape.PASSED, "qa_pairs"),
                new ExportJob(rejected, RecordShape.REJECTED, "qa_rejected_hf")),
            dir.resolve("out"),
            "text",
            ErrorPolicy.FAIL,
            false,
            progress,
            Optional.of(new CardRequest(card, "cc-by-4.0", "Test")),
            Map.of());

    ExportSummary summary = service().export(command);

    assertEquals(card, summary.datasetCard().orElseThrow());
    assertEquals("card: [default=qa_pairs.txt:2]\n", Files.readString(card));
    assertEquals(
        List.of(new Notice.EmptyInput(rejected, 1), new Notice.CardConfigLeftOut(rejected)),
        notices);
  }

  @Test
  void aReadmeQaExportDidNotWriteIsKeptAndNoCardIsWritten() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path card = Files.writeString(out.resolve("README.md"), "# my own notes\n");
    Path passed = input("p.jsonl", "Hur?|a|0.5");
    List<Notice> notices = new ArrayList<>();
    ExportProgress progress = collecting(notices);
    var command =
        new ExportCommand(
            List.of(new ExportJob(passed, RecordShape.PASSED, "qa_pairs")),
            out,
            "text",
            ErrorPolicy.FAIL,
            false,
            progress,
            Optional.of(new CardRequest(card, "unknown", "Test")),
            Map.of());

    ExportSummary summary = service().export(command);

    assertTrue(summary.datasetCard().isEmpty());
    assertEquals("# my own notes\n", Files.readString(card));
    assertEquals(List.of(new Notice.ForeignCardKept(card)), notices);
    assertEquals(List.of("README.md", "qa_pairs.txt"), outputFiles());
  }
}
