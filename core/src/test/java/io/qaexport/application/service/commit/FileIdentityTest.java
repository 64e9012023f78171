package io.qaexport.application.service.commit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File identity, as the no-output-is-an-input check and the commit use it. */
class FileIdentityTest {
  @TempDir Path dir;

  @Test
  void oneFileThroughALinkAHardLinkDotDotOrARelativePathIsTheSameFile() throws Exception {
    Path file = Files.writeString(dir.resolve("qa_pairs.jsonl"), "x");
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), file);
    Path hard = Files.createLink(dir.resolve("hard.jsonl"), file);

    assertTrue(FileIdentity.sameFile(file, link));
    assertTrue(FileIdentity.sameFile(file, hard));
    assertTrue(FileIdentity.sameFile(file, sub.resolve("../qa_pairs.jsonl")));
    assertTrue(
        FileIdentity.sameFile(file, Path.of("").toAbsolutePath().relativize(file)),
        "a relative path names the same file");
    assertFalse(FileIdentity.sameFile(file, dir.resolve("other.jsonl")));
  }

  @Test
  void pathsThatDoNotExistYetAreComparedByWhereTheyWouldBe() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real"));
    Path viaLink = Files.createSymbolicLink(dir.resolve("alias"), real);

    assertTrue(
        FileIdentity.sameFile(real.resolve("new/out.jsonl"), viaLink.resolve("new/out.jsonl")),
        "the same place through a linked directory");
    assertFalse(FileIdentity.sameFile(real.resolve("a.jsonl"), real.resolve("b.jsonl")));
  }
}
