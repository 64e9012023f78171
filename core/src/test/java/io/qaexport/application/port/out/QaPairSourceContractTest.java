package io.qaexport.application.port.out;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link QaPairSource} promises the export loop: one {@link SourceLine} per line, in
 * order and numbered from 1, each raw line given back byte for byte; then {@code null} for good. A
 * source's test extends this class and says how its format writes a pair and a broken line.
 */
public abstract class QaPairSourceContractTest {
  @TempDir protected Path dir;

  protected abstract QaPairSource source();

  /** One line (without its line end) that holds {@code pair} in the source's format. */
  protected abstract String line(QaPair pair);

  /** One line that holds no valid pair. */
  protected abstract String brokenLine();

  private static final QaPair FULL =
      new QaPair(
          "Får jag krossa tabletter? 😀",
          "Nej.\tAldrig.",
          "rutiner/läkemedel.md",
          new Persona.Profile("underskoterska", "nyanstald"),
          0.75,
          "för vagt");
  private static final QaPair LABEL =
      new QaPair("q", "a", "s", new Persona.Label("anhörig"), 1.0, null);

  private List<SourceLine> readAll(String content) throws IOException {
    Path file = Files.writeString(dir.resolve("input"), content, StandardCharsets.UTF_8);
    List<SourceLine> lines = new ArrayList<>();
    try (PairReader reader = source().open(file)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
      assertNull(reader.next(), "the end stays the end");
      assertEquals(Files.size(file), reader.bytesRead(), "every byte is read by the end");
    }
    return lines;
  }

  @Test
  void eachLineComesBackInOrderNumberedFromOne() throws IOException {
    List<SourceLine> lines =
        readAll(line(FULL) + "\n\n" + brokenLine() + "\n" + line(LABEL) + "\n");

    assertEquals(4, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(i + 1, lines.get(i).lineNumber());
    }
    assertEquals(FULL, assertInstanceOf(SourceLine.Pair.class, lines.get(0)).pair());
    assertInstanceOf(SourceLine.Blank.class, lines.get(1));
    assertInstanceOf(SourceLine.Invalid.class, lines.get(2));
    assertEquals(LABEL, assertInstanceOf(SourceLine.Pair.class, lines.get(3)).pair());
  }

  @Test
  void aLineIsGivenBackByteForByte() throws IOException {
    List<SourceLine> lines = readAll(line(FULL) + "\n" + brokenLine() + "\n");

    assertArrayEquals(
        line(FULL).getBytes(StandardCharsets.UTF_8),
        ((SourceLine.Pair) lines.get(0)).raw().copyBytes());
    assertArrayEquals(
        brokenLine().getBytes(StandardCharsets.UTF_8),
        ((SourceLine.Invalid) lines.get(1)).raw().copyBytes());
  }

  @Test
  void anInvalidLineSaysWhy() throws IOException {
    var invalid = (SourceLine.Invalid) readAll(brokenLine() + "\n").get(0);

    assertFalse(invalid.reason().isBlank());
    assertFalse(invalid.column() < 0, "a column is 1-based, or 0 when unknown");
  }

  @Test
  void theLastLineNeedsNoLineEnd() throws IOException {
    List<SourceLine> lines = readAll(line(LABEL) + "\n" + line(FULL));

    assertEquals(FULL, ((SourceLine.Pair) lines.get(1)).pair());
  }

  @Test
  void anEmptyFileHasNoLines() throws IOException {
    assertEquals(List.of(), readAll(""));
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> source().open(dir.resolve("absent")));
  }
}
