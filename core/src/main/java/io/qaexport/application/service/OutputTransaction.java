package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportIoException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The output directory's life during one run: {@link #begin} prepares it (creating it if need be,
 * removing what killed runs left), {@link #stage} gives each output a temporary file beside its
 * final path, and {@link #commit()} moves them all into place only together. Until then no output
 * exists or is replaced; {@link #close()} without a commit (also run by a shutdown hook on Ctrl-C
 * or SIGTERM) removes the temporary files, and the directory too if this run created it. After a
 * {@code kill -9} a temporary file named {@code .NAME.PID.qa-export-tmp} stays behind; the next
 * run in that directory removes it.
 */
final class OutputTransaction implements AutoCloseable {
  static final String TEMP_SUFFIX = ".qa-export-tmp";

  private final Path directory;
  private final boolean createdDirectory;
  private final Map<Path, Path> temporaryToFinal = new LinkedHashMap<>();
  private final List<Path> removeOnCommit = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::abandon, "qa-export-cleanup");
  private boolean finished;
  private boolean committed;

  /** Opens a transaction on {@code directory}, creating it if it does not exist. */
  static OutputTransaction begin(Path directory) throws ExportIoException {
    boolean created = !Files.exists(directory);
    try {
      Files.createDirectories(directory);
      removeLeftovers(directory);
    } catch (IOException e) {
      throw ExportIoException.of("cannot create or use output directory " + directory, e);
    }
    if (!Files.isWritable(directory)) {
      throw new ExportIoException(
          "cannot write to output directory " + directory + ": permission denied", null);
    }
    return new OutputTransaction(directory, created);
  }

  OutputTransaction(Path directory, boolean createdDirectory) {
    this.directory = directory;
    this.createdDirectory = createdDirectory;
    try {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      finished = true;
    }
  }

  /** Creates an empty temporary file that {@link #commit()} will move to {@code finalPath}. */
  synchronized Path stage(Path finalPath) throws IOException {
    if (finished) {
      throw new IOException("export interrupted");
    }
    if (temporaryToFinal.containsValue(finalPath)) {
      throw new IOException(finalPath + " would be written twice by one run");
    }
    String name = "." + finalPath.getFileName() + "." + ProcessHandle.current().pid() + TEMP_SUFFIX;
    // Beside the final file, so the move into place is a rename within one directory.
    Path temporary = finalPath.resolveSibling(name);
    Files.deleteIfExists(temporary);
    Files.createFile(temporary);
    temporaryToFinal.put(temporary, finalPath);
    return temporary;
  }

  Path directory() {
    return directory;
  }

  /** {@link #moveAllIntoPlace()}, failing as the export does. */
  void commit() throws ExportIoException {
    try {
      moveAllIntoPlace();
    } catch (IOException e) {
      throw ExportIoException.of("cannot move the outputs into place in " + directory, e);
    }
  }

  /**
   * Moves every staged file into place, each atomically, replacing what was there. If a move
   * fails, the files this commit already replaced are put back from hard-link backups (where the
   * file system has links), so the outputs stay as they were before the run.
   */
  synchronized void moveAllIntoPlace() throws IOException {
    if (finished) {
      throw new IOException("export interrupted");
    }
    for (Path finalPath : temporaryToFinal.values()) {
      if (Files.isDirectory(finalPath)) {
        throw new IOException(finalPath + " is a directory");
      }
    }
    // For each output that existed before: its backup, or empty where links are not supported.
    Map<Path, Optional<Path>> previous = new LinkedHashMap<>();
    List<Path> placed = new ArrayList<>();
    try {
      for (var entry : temporaryToFinal.entrySet()) {
        Path finalPath = entry.getValue();
        if (Files.exists(finalPath)) {
          previous.put(finalPath, backUp(finalPath));
        }
        moveIntoPlace(entry.getKey(), finalPath);
        placed.add(finalPath);
      }
    } catch (IOException e) {
      restore(placed, previous);
      throw e;
    } finally {
      for (Optional<Path> backup : previous.values()) {
        if (backup.isPresent()) {
          Files.deleteIfExists(backup.get());
        }
      }
    }
    temporaryToFinal.clear();
    finished = true;
    committed = true;
    for (Path stale : removeOnCommit) {
      try {
        Files.deleteIfExists(stale);
      } catch (IOException e) {
        // The outputs are in place; a stale file that stays is the lesser harm.
      }
    }
  }

  /** A file of an earlier run that this run's outputs make stale; removed at commit. */
  synchronized void removeOnCommit(Path stale) {
    removeOnCommit.add(stale);
  }

  /** A hard link to an existing output, named like a temporary file so leftovers get removed. */
  private static Optional<Path> backUp(Path finalPath) {
    Path backup = finalPath.resolveSibling("." + finalPath.getFileName() + ".previous."
        + ProcessHandle.current().pid() + TEMP_SUFFIX);
    try {
      Files.deleteIfExists(backup);
      Files.createLink(backup, finalPath);
      return Optional.of(backup);
    } catch (IOException | UnsupportedOperationException noLinks) {
      return Optional.empty();
    }
  }

  /** Undoes the moves done so far: old versions back, outputs that were new removed. */
  private static void restore(List<Path> placed, Map<Path, Optional<Path>> previous) {
    for (Path finalPath : placed) {
      try {
        if (!previous.containsKey(finalPath)) {
          Files.deleteIfExists(finalPath);
        } else if (previous.get(finalPath).isPresent()) {
          moveIntoPlace(previous.get(finalPath).get(), finalPath);
        }
      } catch (IOException ignored) {
        // Best effort: the failure that started this is what the user is told.
      }
    }
  }

  /** Removes every staged file that was not committed. Safe to call more than once. */
  synchronized void discard() {
    finished = true;
    for (Path temporary : temporaryToFinal.keySet()) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // Best effort: the next run removes leftovers by name.
      }
    }
    temporaryToFinal.clear();
  }

  /** Ends the transaction: without a commit, nothing of this run stays behind. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run; nothing to undo.
    }
    abandon();
  }

  /**
   * Without a commit: removes the staged files, and the directory if this run created it. Also
   * what the shutdown hook does, so Ctrl-C leaves no directory behind either.
   */
  private synchronized void abandon() {
    discard();
    if (!committed && createdDirectory) {
      // A failed run leaves nothing behind, not even the directory it made (if still empty).
      try {
        Files.deleteIfExists(directory);
      } catch (IOException notEmptyOrGone) {
        // Something else is in it now: leave it.
      }
    }
  }

  /**
   * Deletes temporary files that earlier runs left in {@code directory} after being killed, if
   * the process that wrote them is gone.
   */
  static void removeLeftovers(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + TEMP_SUFFIX)) {
      for (Path file : files) {
        if (writerPid(file).map(pid -> ProcessHandle.of(pid).isEmpty()).orElse(false)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static Optional<Long> writerPid(Path temporary) {
    String name = temporary.getFileName().toString();
    String stem = name.substring(0, name.length() - TEMP_SUFFIX.length());
    int dot = stem.lastIndexOf('.');
    if (!name.startsWith(".") || dot < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(stem.substring(dot + 1)));
    } catch (NumberFormatException notOurs) {
      return Optional.empty();
    }
  }

  private static void moveIntoPlace(Path temporary, Path finalPath) throws IOException {
    try {
      // REPLACE_EXISTING too: whether an atomic move replaces the target is up to the file system
      // (rename(2) does; others, e.g. in-memory ones, refuse without it).
      Files.move(temporary, finalPath, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, finalPath, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
