package io.qaexport.application.service.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What kind of entry a name holds, without following a link: the run's own files (lock, journal,
 * card) must be regular files, since opening a FIFO blocks and a link leads elsewhere.
 */
public final class FileKinds {
  private FileKinds() {}

  /** "a symbolic link", "a directory", "a FIFO or other special file", or "a regular file". */
  public static String describe(BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      return "a symbolic link";
    }
    if (attributes.isDirectory()) {
      return "a directory";
    }
    return attributes.isRegularFile() ? "a regular file" : "a FIFO or other special file";
  }

  /** The attributes of {@code path} itself (a link is not followed), or empty if it is absent. */
  public static Optional<BasicFileAttributes> of(Path path) throws IOException {
    try {
      return Optional.of(
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException none) {
      return Optional.empty();
    }
  }
}
