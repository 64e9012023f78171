package io.qaexport.application.service.commit;

import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.Notice;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The exclusive lock on an output directory, held for the whole run: {@code .qa-export.lock},
 * locked with the operating system (released by it when the process dies, even by kill -9) and
 * deleted when the run ends. A run that finds it held waits, saying so once.
 */
final class DirectoryLock {
  static final String LOCK_FILE = ".qa-export.lock";
  private static final long POLL_MILLIS = 100;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  static DirectoryLock acquire(Path directory, ExportProgress progress) throws IOException {
    Path file = directory.resolve(LOCK_FILE);
    boolean told = false;
    while (true) {
      Optional<BasicFileAttributes> found = FileKinds.of(file);
      if (found.isEmpty()) {
        try {
          Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
          // Another run made it first: look again.
        }
        continue;
      }
      if (!found.get().isRegularFile()) {
        // A dangling link would send this loop round forever; a FIFO would block the open.
        throw new IOException(
            file
                + " is "
                + FileKinds.describe(found.get())
                + ", not qa-export's lock file; remove it to use this directory");
      }
      Object before = identity(found.get());
      FileChannel channel;
      try {
        channel =
            FileChannel.open(
                file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException deleted) {
        continue;
      }
      FileLock lock = null;
      try {
        lock = tryLock(channel);
        // Still the file the name held before it was opened? A run deletes the lock file
        // before it lets go, so a waiter may have locked a file that no longer has a name.
        if (lock != null
            && Optional.of(before).equals(FileKinds.of(file).map(DirectoryLock::identity))) {
          return new DirectoryLock(file, channel, lock);
        }
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      channel.close();
      if (lock == null && !told) {
        progress.notice(new Notice.WaitingForOutputDirectory(directory));
        told = true;
      }
      if (lock == null) {
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the lock on " + directory);
        }
      }
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  /**
   * The file's identity, read without opening it: closing any descriptor of a locked file would
   * release the process's lock (POSIX record locks).
   */
  private static Object identity(BasicFileAttributes attributes) {
    return attributes.fileKey() == null ? "no file keys here" : attributes.fileKey();
  }

  synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    try {
      Files.deleteIfExists(file);
      lock.release();
      channel.close();
    } catch (IOException | RuntimeException e) {
      // The operating system releases the lock when the process ends.
    }
  }
}
