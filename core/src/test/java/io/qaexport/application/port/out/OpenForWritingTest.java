package io.qaexport.application.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a format opens its file: from the start, whatever was there, created when missing. */
class OpenForWritingTest {
  @TempDir Path dir;

  private static void write(Path file, String text) throws IOException {
    try (FileChannel channel = OutputFormat.openForWriting(file)) {
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void aStagedEmptyFileAMissingOneAndALongerOneAllHoldExactlyWhatWasWritten() throws IOException {
    Path staged = Files.createFile(dir.resolve("staged.jsonl"));
    write(staged, "ny");
    assertEquals("ny", Files.readString(staged));

    Path missing = dir.resolve("missing.jsonl");
    write(missing, "skapad");
    assertEquals("skapad", Files.readString(missing));

    Path longer = Files.writeString(dir.resolve("longer.jsonl"), "en mycket längre text");
    write(longer, "kort");
    assertEquals("kort", Files.readString(longer));
  }

  @Test
  void aPlantedLinkIsRefusedAndWhatItPointsAtIsLeftAsItWas() throws IOException {
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "orört");
    Path planted = Files.createSymbolicLink(dir.resolve("planted.jsonl"), elsewhere);
    assertThrows(IOException.class, () -> OutputFormat.openForWriting(planted));
    assertEquals("orört", Files.readString(elsewhere));
  }
}
