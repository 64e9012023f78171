package io.qaexport.application.service.commit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The commit's file-system steps that make it durable and safe: files created new and never through
 * a planted link, synced once before the journal names them, renamed atomically, and directories
 * synced after renames. The formats do not sync: this is the one owner of it.
 */
final class Durability {
  private Durability() {}

  /**
   * Creates {@code temporary} new, never through a link planted under its name: one left by a dead
   * process with this PID is removed (the link itself), anything else is refused by name.
   */
  static void createExclusively(Path temporary) throws IOException {
    Optional<BasicFileAttributes> existing = FileKinds.of(temporary);
    if (existing.isPresent() && existing.get().isDirectory()) {
      throw new IOException(
          temporary
              + " is a directory named like a temporary file of"
              + " qa-export; move it away");
    }
    Files.deleteIfExists(temporary);
    Files.createFile(temporary); // O_EXCL: fails rather than follow a link planted meanwhile
  }

  static void moveIntoPlace(Path temporary, Path finalPath) throws IOException {
    try {
      // REPLACE_EXISTING too: whether an atomic move replaces the target is up to the file system
      // (rename(2) does; others, e.g. in-memory ones, refuse without it).
      Files.move(
          temporary,
          finalPath,
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, finalPath, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Flushes a file's bytes to the device, so a journal never points at unwritten data. */
  static void sync(Path file) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      channel.force(true);
    }
  }

  /** Makes renames in {@code dir} durable; some file systems cannot, which costs only that. */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException unsupported) {
      // Not every file system syncs a directory; a kill -9 needs no sync, only a power loss.
    }
  }
}
