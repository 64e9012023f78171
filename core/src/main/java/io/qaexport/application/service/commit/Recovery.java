package io.qaexport.application.service.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Undoing a commit's moves: at once when the commit fails, or by the next run from the journal a
 * killed run left ({@link Journal#read} decides whether that journal may be acted on at all).
 */
final class Recovery {
  private Recovery() {}

  /**
   * Undoes a commit's moves, last first, judging from what exists which were done. Safe to repeat:
   * the next run repeats it after a kill during an undo.
   */
  static void undo(List<Journal.Entry> entries, OutputTransaction.FileOps ops) throws IOException {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Journal.Entry entry = entries.get(i);
      if (entry.backup().isPresent()) {
        if (Files.exists(entry.backup().get(), LinkOption.NOFOLLOW_LINKS)) {
          ops.move(entry.backup().get(), entry.target());
        }
      } else if (entry.temporary().isPresent()
          && !Files.exists(entry.temporary().get(), LinkOption.NOFOLLOW_LINKS)
          && Files.exists(entry.target(), LinkOption.NOFOLLOW_LINKS)) {
        ops.delete(entry.target()); // new in this commit, already moved in
      }
      if (entry.temporary().isPresent()) {
        ops.delete(entry.temporary().get());
      }
    }
  }

  /**
   * Undoes the commit a killed run left half done in {@code directory}, if its journal is there.
   *
   * @return whether there was one
   */
  static boolean recover(Path directory, OutputTransaction.FileOps ops, Predicate<String> ownNames)
      throws IOException {
    return recover(directory, ops, ownNames, Set.of());
  }

  /** As above; the journal may also name {@code outsideFiles} (a card elsewhere). */
  static boolean recover(
      Path directory,
      OutputTransaction.FileOps ops,
      Predicate<String> ownNames,
      Set<Path> outsideFiles)
      throws IOException {
    Path journal = directory.resolve(Journal.FILE);
    Optional<List<Journal.Entry>> entries = Journal.read(directory, ownNames, outsideFiles);
    if (entries.isEmpty()) {
      return false;
    }
    for (Journal.Entry entry : entries.get()) {
      // A backup is moved back over its target: in a directory others may write to, a file they
      // planted under a backup's name the killed run never made must not become an output.
      if (entry.backup().isPresent()
          && Files.exists(entry.backup().get(), LinkOption.NOFOLLOW_LINKS)
          && !Journal.isThisUsers(entry.backup().get())) {
        throw new Journal.RefusedException(
            journal,
            "names the backup " + entry.backup().get() + ", which belongs to another user");
      }
    }
    undo(entries.get(), ops);
    Durability.syncDirectory(directory);
    ops.delete(journal);
    Durability.syncDirectory(directory);
    return true;
  }
}
