package io.qaexport.application.service.commit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * One commit of an {@link OutputTransaction}'s staged files: sync them, write the journal, move
 * earlier outputs aside and the new ones into place, delete the journal (the commit point), then
 * the earlier outputs. A failure before the commit point undoes the moves from the journal.
 */
final class Commit {
  private final Path directory;
  private final OutputTransaction.FileOps ops;

  Commit(Path directory, OutputTransaction.FileOps ops) {
    this.directory = directory;
    this.ops = ops;
  }

  /**
   * Moves every staged file into place and removes the stale ones, all or none: on a failure the
   * moves done so far are undone from the journal (or, if even that fails, by the next run).
   */
  void run(
      Map<Path, Path> temporaryToFinal,
      Set<Path> removeOnCommit,
      List<Path> inputs,
      Map<Path, CompletableFuture<Void>> syncedAhead,
      BooleanSupplier stopRequested)
      throws IOException {
    for (Path finalPath : temporaryToFinal.values()) {
      if (Files.isDirectory(finalPath, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(finalPath + " is a directory");
      }
    }
    List<Journal.Entry> entries = plan(temporaryToFinal, removeOnCommit, inputs);
    Set<Path> directories = new LinkedHashSet<>();
    for (Journal.Entry entry : entries) {
      directories.add(entry.target().toAbsolutePath().getParent());
    }
    for (Path temporary : temporaryToFinal.keySet()) {
      if (!synced(syncedAhead.get(temporary))) {
        Durability.sync(temporary);
      }
    }
    Path journal = directory.resolve(Journal.FILE);
    stopIf(stopRequested);
    writeJournal(journal, entries);
    try {
      for (Journal.Entry entry : entries) {
        stopIf(stopRequested);
        if (entry.backup().isPresent()) {
          ops.move(entry.target(), entry.backup().get());
        }
        if (entry.temporary().isPresent()) {
          ops.move(entry.temporary().get(), entry.target());
        }
      }
      directories.forEach(Durability::syncDirectory);
      stopIf(stopRequested);
      ops.delete(journal); // the commit point
    } catch (IOException | RuntimeException e) {
      try {
        Recovery.undo(entries, ops);
        directories.forEach(Durability::syncDirectory);
        ops.delete(journal);
      } catch (IOException | RuntimeException undoFailed) {
        e.addSuppressed(undoFailed);
        throw new IOException(
            e.getMessage()
                + "; the moves could not all be undone yet: the"
                + " next run in "
                + directory
                + " undoes them from its journal",
            e);
      }
      throw e;
    }
    Durability.syncDirectory(directory);
    for (Journal.Entry entry : entries) {
      if (entry.backup().isPresent()) {
        try {
          ops.delete(entry.backup().get());
        } catch (IOException e) {
          // Committed: a backup that stays is removed by the next run in this directory.
        }
      }
    }
  }

  /** Ctrl-C before the commit point: the run is interrupted, so it replaces nothing. */
  private static void stopIf(BooleanSupplier stopRequested) throws InterruptedIOException {
    if (stopRequested.getAsBoolean()) {
      throw new InterruptedIOException("export interrupted");
    }
  }

  /**
   * Whether a sync was started ahead; it has ended well when this returns. A failed one fails the
   * commit: syncing again would not tell, as Linux reports a write-back error only to the file
   * descriptor open when it happened and then takes the pages for clean.
   */
  private static boolean synced(CompletableFuture<Void> sync) throws IOException {
    if (sync == null) {
      return false;
    }
    try {
      sync.get();
      return true;
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      throw new IOException("cannot sync a staged output", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while syncing the outputs");
    }
  }

  private static List<Journal.Entry> plan(
      Map<Path, Path> temporaryToFinal, Set<Path> removeOnCommit, List<Path> inputs) {
    List<Journal.Entry> entries = new ArrayList<>();
    for (var staged : temporaryToFinal.entrySet()) {
      Path target = staged.getValue();
      entries.add(new Journal.Entry(Optional.of(staged.getKey()), target, backupFor(target)));
    }
    Set<Path> targets = new LinkedHashSet<>();
    temporaryToFinal.values().forEach(target -> targets.add(absolute(target)));
    for (Path stale : removeOnCommit) {
      // An input may bear an output's name (a shard's, say): stale or not, it is never removed.
      if (inputs.stream().noneMatch(input -> FileIdentity.sameFile(stale, input))
          && targets.add(absolute(stale))) {
        backupFor(stale)
            .ifPresent(
                backup ->
                    entries.add(new Journal.Entry(Optional.empty(), stale, Optional.of(backup))));
      }
    }
    return entries;
  }

  private static Path absolute(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** Where the commit moves an existing {@code target} aside; empty if there is none. */
  private static Optional<Path> backupFor(Path target) {
    return Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(Journal.temporaryBeside(target, ".previous"))
        : Optional.empty();
  }

  /** Written beside and renamed into place, so a journal is either whole or absent. */
  private void writeJournal(Path journal, List<Journal.Entry> entries) throws IOException {
    String text = Journal.encode(directory, entries);
    Path temporary = Journal.temporaryBeside(journal, "");
    try {
      Durability.createExclusively(temporary);
      Files.writeString(
          temporary,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING,
          LinkOption.NOFOLLOW_LINKS);
      Durability.sync(temporary);
      ops.move(temporary, journal);
      Durability.syncDirectory(directory);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }
}
