package io.qaexport.application.service.commit;

import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.failure.ExportIoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The output directory's life during one run. {@link #begin} takes the directory's lock (a second
 * run waits for it), rolls back a commit that a killed run left half done, and removes what killed
 * runs left; {@link #stage} gives each output a temporary file beside its final path; {@link
 * #commit()} moves them all into place together; {@link #close()} without a commit (also run by a
 * shutdown hook on Ctrl-C or SIGTERM) removes the temporary files.
 *
 * <p>The commit, like a database's: the staged files are synced, then a journal listing every move
 * is written and synced; only then are earlier outputs renamed aside and the new ones renamed into
 * place. Deleting the journal is the commit point. A failure before it (in this run, or a kill -9
 * found by the next run) undoes the moves from the journal, so the directory holds the earlier
 * outputs or all the new ones, never a mix. Only renames are used: no hard links.
 */
public final class OutputTransaction implements AutoCloseable {
  public static final String TEMP_SUFFIX = Journal.TEMP_SUFFIX;
  static final String LOCK_FILE = DirectoryLock.LOCK_FILE;
  static final String JOURNAL_FILE = Journal.FILE;

  /** The output names of the product's standard run: its outputs, their logs, the card. */
  static final Predicate<String> STANDARD_NAMES =
      name ->
          name.startsWith(ExportJob.PASSED_OUTPUT)
              || name.startsWith(ExportJob.REJECTED_OUTPUT)
              || name.equals("README.md");

  /**
   * The changes a commit makes to the file system, each one step. A test seam: tests inject a
   * failure, or a pause to kill the process, at any step.
   */
  public interface FileOps {
    /** Renames {@code from} to {@code to} atomically, replacing {@code to}. */
    void move(Path from, Path to) throws IOException;

    void delete(Path file) throws IOException;

    FileOps REAL =
        new FileOps() {
          @Override
          public void move(Path from, Path to) throws IOException {
            Durability.moveIntoPlace(from, to);
          }

          @Override
          public void delete(Path file) throws IOException {
            Files.deleteIfExists(file);
          }
        };
  }

  private final Path directory;
  private final boolean createdDirectory;
  private final FileOps ops;
  private final DirectoryLock lock;
  private final Map<Path, Path> temporaryToFinal = new LinkedHashMap<>();

  /**
   * Each staged file's identity (device and inode) when this run created it: in a directory others
   * may write to, one could be replaced by a file of theirs while this run writes, and that file
   * must not be moved into place as this run's output.
   */
  private final Map<Path, List<Object>> stagedIdentity = new HashMap<>();

  /**
   * Staged files already written, being synced on a thread of their own while the run goes on:
   * syncing a 200k-record output took a tenth of the run's wall time at the commit.
   */
  private final Map<Path, CompletableFuture<Void>> syncedAhead = new HashMap<>();

  // A set: the card's earlier data files and this run's replaced split names may name one file.
  private final Set<Path> removeOnCommit = new LinkedHashSet<>();
  private final Thread shutdownHook = new Thread(this::stop, "qa-export-cleanup");
  private final ExportProgress progress;

  /** Set by the shutdown hook at once, without the lock: a commit under way stops and undoes. */
  private volatile boolean stopRequested;

  private boolean released;
  private boolean finished;
  private boolean committed;
  private List<Path> inputs = List.of();

  /** Opens a transaction on {@code directory}, creating it if it does not exist. */
  public static OutputTransaction begin(Path directory) throws ExportIoException {
    return begin(directory, ExportProgress.NONE, FileOps.REAL, STANDARD_NAMES);
  }

  /** As {@link #begin(Path)}; {@code progress} hears of a wait for the lock or an undone commit. */
  public static OutputTransaction begin(Path directory, ExportProgress progress, FileOps ops)
      throws ExportIoException {
    return begin(directory, progress, ops, STANDARD_NAMES);
  }

  /**
   * As {@link #begin(Path)}; {@code ownNames} tells the names of this run's outputs, the only files
   * a journal left by a killed run may move.
   */
  public static OutputTransaction begin(
      Path directory, ExportProgress progress, FileOps ops, Predicate<String> ownNames)
      throws ExportIoException {
    return begin(directory, progress, ops, ownNames, Set.of());
  }

  /**
   * As above; {@code outsideFiles} are files outside the directory this run writes too (a dataset
   * card elsewhere): a journal left by a killed run may name them, and only them, outside it.
   */
  public static OutputTransaction begin(
      Path directory,
      ExportProgress progress,
      FileOps ops,
      Predicate<String> ownNames,
      Set<Path> outsideFiles)
      throws ExportIoException {
    boolean created = !Files.exists(directory);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw ExportIoException.of("cannot create or use output directory " + directory, e);
    }
    if (!Files.isWritable(directory)) {
      throw new ExportIoException(
          "cannot write to output directory " + directory + ": permission denied", null);
    }
    DirectoryLock lock;
    try {
      lock = DirectoryLock.acquire(directory, progress);
    } catch (IOException e) {
      throw ExportIoException.of("cannot lock output directory " + directory, e);
    }
    try {
      if (Recovery.recover(directory, ops, ownNames, outsideFiles)) {
        progress.notice(new Notice.InterruptedCommitUndone(directory));
      }
      Leftovers.remove(directory);
      for (Path outside : outsideFiles) {
        Leftovers.removeOf(outside);
      }
    } catch (IOException e) {
      lock.release();
      throw ExportIoException.of("cannot use output directory " + directory, e);
    }
    var transaction = new OutputTransaction(directory, created, ops, lock, progress);
    if (transaction.undoOnShutdown()) {
      // Only a transaction that can commit is one a signal's message waits for.
      progress.notice(new Notice.OutputsLocked(directory));
    }
    return transaction;
  }

  private OutputTransaction(
      Path directory,
      boolean createdDirectory,
      FileOps ops,
      DirectoryLock lock,
      ExportProgress progress) {
    this.progress = progress;
    this.directory = directory;
    this.createdDirectory = createdDirectory;
    this.ops = ops;
    this.lock = lock;
  }

  /** Ctrl-C or a kill during the run undoes what it staged; {@link #close()} disarms it. */
  private boolean undoOnShutdown() {
    try {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      return true;
    } catch (IllegalStateException shuttingDown) {
      finished = true; // the JVM is ending: this transaction can never commit
      return false;
    }
  }

  /**
   * The shutdown hook (Ctrl-C, SIGTERM): a commit under way stops before its commit point and
   * undoes its moves; one past it finishes. Then, as without a commit, nothing staged stays.
   */
  void stop() {
    stopRequested = true;
    abandon();
  }

  boolean stopping() {
    return stopRequested;
  }

  /** Inputs of the run: {@link #stage} refuses to stage an output that is one of them. */
  public synchronized void protect(List<Path> runInputs) {
    inputs = List.copyOf(runInputs);
  }

  /** Creates an empty temporary file that {@link #commit()} will move to {@code finalPath}. */
  public synchronized Path stage(Path finalPath) throws IOException {
    if (finished) {
      throw new IOException("export interrupted");
    }
    if (temporaryToFinal.containsValue(finalPath)) {
      throw new IOException(finalPath + " would be written twice by one run");
    }
    for (Path input : inputs) {
      // The up-front check knows the plain outputs; split files, shards and logs named later
      // are checked here, still before anything is replaced.
      if (FileIdentity.sameFile(finalPath, input)) {
        throw new IOException("it is the input " + input + ", which an export never overwrites");
      }
    }
    // Beside the final file, so the move into place is a rename within one directory.
    Path temporary = temporaryBeside(finalPath, "");
    Durability.createExclusively(temporary);
    temporaryToFinal.put(temporary, finalPath);
    stagedIdentity.put(temporary, identity(temporary));
    return temporary;
  }

  public Path directory() {
    return directory;
  }

  /**
   * {@code temporary}, staged here, is written and closed for good: its sync starts now, on a
   * thread of its own. The commit waits for it, and fails if it failed.
   */
  public synchronized void written(Path temporary) {
    if (finished
        || !temporaryToFinal.containsKey(temporary)
        || syncedAhead.containsKey(temporary)) {
      return; // not this run's, or its sync started already (one sync sees a write-back error)
    }
    syncedAhead.put(
        temporary,
        CompletableFuture.runAsync(
            () -> {
              try {
                Durability.sync(temporary);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            task -> {
              Thread thread = new Thread(task, "qa-export-sync");
              thread.setDaemon(true);
              thread.start();
            }));
  }

  /** {@link #moveAllIntoPlace()}, failing as the export does. */
  public void commit() throws ExportIoException {
    try {
      moveAllIntoPlace();
    } catch (IOException e) {
      throw ExportIoException.of("cannot move the outputs into place in " + directory, e);
    }
  }

  /**
   * Moves every staged file into place and removes the stale ones, all or none: on a failure the
   * moves done so far are undone from the journal (or, if even that fails, by the next run).
   */
  synchronized void moveAllIntoPlace() throws IOException {
    if (finished) {
      throw new IOException("export interrupted");
    }
    for (Path temporary : temporaryToFinal.keySet()) {
      if (!Objects.equals(identity(temporary), stagedIdentity.get(temporary))) {
        throw new IOException(
            temporary
                + " was replaced by another file while this run wrote it (can others write to "
                + temporary.getParent()
                + "? or an output format replaced the file it was given)");
      }
    }
    new Commit(directory, ops)
        .run(temporaryToFinal, removeOnCommit, inputs, syncedAhead, () -> stopRequested);
    temporaryToFinal.clear();
    stagedIdentity.clear();
    syncedAhead.clear();
    finished = true;
    committed = true;
    progress.notice(new Notice.OutputsCommitted(directory));
  }

  /**
   * A file's identity, its link not followed: device and inode (null where the file system has
   * none) and owner; another user's file never has this user as owner, even on a reused inode.
   */
  private static List<Object> identity(Path file) throws IOException {
    Object key =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    Object owner;
    try {
      owner = Files.getOwner(file, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException noOwners) {
      owner = "";
    }
    return Arrays.asList(key, owner);
  }

  private static Path temporaryBeside(Path finalPath, String kind) {
    return Journal.temporaryBeside(finalPath, kind);
  }

  /** A file of an earlier run that this run's outputs make stale; removed at commit. */
  public synchronized void removeOnCommit(Path stale) {
    removeOnCommit.add(stale);
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
   * Without a commit: removes the staged files, releases the lock, and removes the directory if
   * this run created it. Also what the shutdown hook does (Ctrl-C, SIGTERM), so an interrupted run
   * leaves no directory behind either; the lock goes with the process in any case.
   */
  private synchronized void abandon() {
    discard();
    lock.release();
    if (!released) {
      released = true;
      progress.notice(new Notice.OutputsReleased(directory));
    }
    if (!committed && createdDirectory) {
      // A failed run leaves nothing behind, not even the directory it made (if still empty).
      try {
        Files.deleteIfExists(directory);
      } catch (IOException notEmptyOrGone) {
        // Something else is in it now: leave it.
      }
    }
  }
}
