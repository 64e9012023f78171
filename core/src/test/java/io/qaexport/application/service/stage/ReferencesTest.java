package io.qaexport.application.service.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.application.port.in.Decontamination;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.InvalidReferenceException;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.ReferenceQuestionReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which reader a reference goes to, and what its rows become: a Parquet reference (by name or by
 * content) goes to the Parquet port, its row numbers are the reference lines, and whatever the port
 * refuses ends the run as a usage error naming the file; other references never build the port.
 */
class ReferencesTest {
  private static final QaPairSource NO_JSONL =
      file -> {
        throw new AssertionError("no JSON Lines reference here: " + file);
      };
  private static final Supplier<ReferenceQuestionReader> NO_PARQUET =
      () -> {
        throw new AssertionError("the Parquet reader was built for no Parquet reference");
      };

  @TempDir Path dir;

  /** A Parquet reader that gives {@code questions} (a null: a row without one) for any file. */
  private static Supplier<ReferenceQuestionReader> parquetGiving(String... questions) {
    return () ->
        (file, receiver) -> {
          for (int i = 0; i < questions.length; i++) {
            receiver.accept(i + 1, questions[i]);
          }
        };
  }

  private static Supplier<ReferenceQuestionReader> parquetFailing(IOException failure) {
    return () ->
        (file, receiver) -> {
          throw failure;
        };
  }

  private Path file(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static References read(Path reference, Supplier<ReferenceQuestionReader> parquet)
      throws Exception {
    return References.read(
        new Decontamination(List.of(reference), 0.8, 1 << 20), NO_JSONL, parquet);
  }

  @Test
  void aParquetReferencesRowNumbersAreItsReferenceLines() throws Exception {
    Path reference = file("eval.parquet", "PAR1 whatever the reader makes of it".getBytes());

    References references =
        read(
            reference,
            parquetGiving("Hur ofta ska jag byta handskar?", "Vem rapporterar jag till?"));

    assertEquals(2, references.index().match("Vem rapporterar jag till?").line());
    assertEquals(1, references.index().match("hur ofta ska jag byta handskar").line());
    assertEquals(2, references.files().get(0).questions());
    assertEquals(reference, references.files().get(0).path());
  }

  @Test
  void aFileThatStartsAsParquetIsReadAsParquetWhateverItsName() throws Exception {
    Path reference = file("eval.jsonl", "PAR1....".getBytes(StandardCharsets.US_ASCII));

    References references = read(reference, parquetGiving("Vem rapporterar jag till?"));

    assertEquals(1, references.files().get(0).questions());
  }

  @Test
  void aRowWithoutAQuestionIsAUsageErrorNamingTheFileAndRow() throws Exception {
    Path reference = file("eval.parquet", new byte[0]);

    var error =
        assertThrows(UsageException.class, () -> read(reference, parquetGiving("a", null, "c")));

    assertEquals(
        "--decontaminate " + reference + ": row 2: the record has no question string",
        error.getMessage());
  }

  @Test
  void whatTheParquetReaderRefusesIsAUsageErrorNamingTheFile() throws Exception {
    Path reference = file("eval.parquet", new byte[0]);

    var error =
        assertThrows(
            UsageException.class,
            () ->
                read(
                    reference,
                    parquetFailing(new InvalidReferenceException("the question column is int64"))));

    assertEquals(
        "--decontaminate " + reference + ": the question column is int64", error.getMessage());
  }

  @Test
  void aFailureToReadIsAnIoErrorNamingTheFile() throws Exception {
    Path reference = file("eval.parquet", new byte[0]);

    var error =
        assertThrows(
            ExportIoException.class,
            () -> read(reference, parquetFailing(new IOException("Input/output error"))));

    assertEquals("cannot read " + reference + ": Input/output error", error.getMessage());
  }

  @Test
  void aParquetFileWithoutRowsHoldsNoQuestions() throws Exception {
    Path reference = file("eval.parquet", new byte[0]);

    var error = assertThrows(UsageException.class, () -> read(reference, parquetGiving()));

    assertEquals("--decontaminate " + reference + " holds no questions", error.getMessage());
  }

  @Test
  void aRegularFileWithoutAnExtensionIsJsonLinesWhateverItHolds() throws Exception {
    // Only a stream (a pipe, /dev/stdin) is told by its content: see DecontaminationTest.
    Path text = file("questions", "Vem rapporterar jag till?\n".getBytes(StandardCharsets.UTF_8));

    var error = assertThrows(AssertionError.class, () -> read(text, NO_PARQUET));

    assertEquals("no JSON Lines reference here: " + text, error.getMessage());
  }

  @Test
  void aTextReferenceNeverBuildsTheParquetReader() throws Exception {
    Path reference =
        file("questions.txt", "Vem rapporterar jag till?\n".getBytes(StandardCharsets.UTF_8));

    References references = read(reference, NO_PARQUET);

    assertEquals(1, references.index().match("Vem rapporterar jag till?").line());
  }

  @Test
  void anExportDirectoryGivesEachParquetDataFileInNameOrder() throws Exception {
    Path release = Files.createDirectories(dir.resolve("release"));
    for (String name :
        List.of(
            "qa_pairs-train-00001-of-00002.parquet",
            "qa_pairs-test.parquet",
            "qa_pairs-train-00000-of-00002.parquet",
            "qa_pairs.parquet.decontaminated.jsonl",
            "README.md")) {
      Files.write(release.resolve(name), new byte[0]);
    }

    References references = read(release, parquetGiving("Vem rapporterar jag till?"));

    assertEquals(
        Arrays.asList(
            release.resolve("qa_pairs-test.parquet"),
            release.resolve("qa_pairs-train-00000-of-00002.parquet"),
            release.resolve("qa_pairs-train-00001-of-00002.parquet")),
        references.files().stream().map(file -> file.path()).toList());
  }
}
