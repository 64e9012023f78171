package io.qaexport.application.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ReferenceQuestionReader} promises the decontamination: each row's question in
 * file order, numbered from 1, exactly as stored; {@code null} for a row without one; the receiver
 * can stop the reading; a file of another format is an {@link InvalidReferenceException}. A
 * reader's test extends this class and says how its format writes a column of questions.
 */
public abstract class ReferenceQuestionReaderContractTest {
  @TempDir protected Path dir;

  protected abstract ReferenceQuestionReader reader();

  /** Writes {@code questions} (a {@code null} is a row without a question) to {@code file}. */
  protected abstract void write(Path file, List<String> questions) throws IOException;

  /** A row as the reader gave it. */
  private record Row(long number, String question) {}

  private List<Row> readAll(List<String> questions) throws IOException {
    Path file = dir.resolve("reference");
    write(file, questions);
    List<Row> rows = new ArrayList<>();
    reader().read(file, (number, question) -> rows.add(new Row(number, question)));
    return rows;
  }

  @Test
  void eachRowsQuestionComesBackInOrderNumberedFromOneExactlyAsStored() throws IOException {
    List<String> questions =
        List.of(
            "Hur ofta ska jag byta handskar?",
            "Får jag krossa tabletter? 😀👩‍⚕️",
            "e\u0301 \u2028 tab\tny\nrad \u0001",
            "",
            "Hur ofta ska jag byta handskar?");

    List<Row> rows = readAll(questions);

    List<Row> expected = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      expected.add(new Row(i + 1, questions.get(i)));
    }
    assertEquals(expected, rows);
  }

  @Test
  void aRowWithoutAQuestionComesAsNull() throws IOException {
    assertEquals(
        List.of(new Row(1, "a"), new Row(2, null), new Row(3, "c")),
        readAll(Arrays.asList("a", null, "c")));
  }

  @Test
  void aFileWithoutRowsGivesNothing() throws IOException {
    assertEquals(List.of(), readAll(List.of()));
  }

  @Test
  void theReceiverStopsTheReadingWithItsOwnException() throws IOException {
    Path file = dir.resolve("reference");
    write(file, List.of("a", "b", "c"));
    var stop = new InvalidReferenceException("row 2: not wanted");
    List<Long> seen = new ArrayList<>();

    var thrown =
        assertThrows(
            InvalidReferenceException.class,
            () ->
                reader()
                    .read(
                        file,
                        (number, question) -> {
                          seen.add(number);
                          if (number == 2) {
                            throw stop;
                          }
                        }));

    assertSame(stop, thrown);
    assertEquals(List.of(1L, 2L), seen);
  }

  @Test
  void aFileOfAnotherFormatIsAnInvalidReference() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("reference"), "{\"question\": \"a\"}\n", StandardCharsets.UTF_8);

    assertThrows(InvalidReferenceException.class, () -> reader().read(file, (row, q) -> {}));
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    assertThrows(
        NoSuchFileException.class, () -> reader().read(dir.resolve("missing"), (row, q) -> {}));
  }
}
