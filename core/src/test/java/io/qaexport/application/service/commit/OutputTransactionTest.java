package io.qaexport.application.service.commit;

import static io.qaexport.application.service.commit.CommitScenario.EARLIER;
import static io.qaexport.application.service.commit.CommitScenario.NEW;
import static io.qaexport.application.service.commit.CommitScenario.allNames;
import static io.qaexport.application.service.commit.CommitScenario.visible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Feature;
import com.google.common.jimfs.Jimfs;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.failure.ExportIoException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit is all-or-nothing at every step: a failure injected at any rename, a failure of the
 * undo itself, no hard links, a kill -9 of a child JVM at any step, and a second run at the same
 * time all leave the earlier dataset intact or the new one complete, never a mix.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OutputTransactionTest {
  @TempDir Path dir;

  /** The steps a commit of the scenario takes, counted on a run that completes. */
  private int stepsOfACommit() throws Exception {
    Path out = dir.resolve("count");
    CommitScenario.writeEarlier(out);
    var steps = new CommitScenario.Steps(Integer.MAX_VALUE, null);
    try (OutputTransaction outputs = CommitScenario.stageNew(out, steps)) {
      outputs.commit();
    }
    assertEquals(NEW, visible(out));
    return steps.taken;
  }

  /** Steps up to this one come before the commit point (deleting the journal), included. */
  private static int commitPoint(int steps) {
    return steps - EARLIER.size(); // after it: one backup deletion per earlier file
  }

  @Test
  void aFailureAtAnyStepOfTheCommitLeavesTheEarlierDatasetOrTheNewOneNeverAMix() throws Exception {
    int steps = stepsOfACommit();
    assertEquals(14, steps, "journal in, 3 x (aside, in), 1 in, 1 aside, journal out, 4 backups");
    for (int failAt = 1; failAt <= steps; failAt++) {
      Path out = dir.resolve("fail-" + failAt);
      CommitScenario.writeEarlier(out);
      int at = failAt;
      var failing =
          new CommitScenario.Steps(
              failAt,
              step -> {
                if (step == at) {
                  throw new IOException("injected failure at step " + step);
                }
              });
      try (OutputTransaction outputs = CommitScenario.stageNew(out, failing)) {
        if (failAt <= commitPoint(steps)) {
          var e = assertThrows(ExportIoException.class, outputs::commit, "step " + failAt);
          assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        } else {
          outputs.commit(); // committed; a backup that could not be deleted is a leftover
        }
      }
      assertEquals(failAt <= commitPoint(steps) ? EARLIER : NEW, visible(out), "step " + failAt);
      assertFalse(Files.exists(out.resolve(OutputTransaction.JOURNAL_FILE)), "step " + failAt);
      assertFalse(Files.exists(out.resolve(OutputTransaction.LOCK_FILE)), "step " + failAt);
    }
  }

  /**
   * Ctrl-C while the outputs move into place: the shutdown hook waits for the commit, which stops
   * at its next step and undoes its moves, unless the signal came at the commit point or after it.
   */
  @Test
  void aSignalDuringTheCommitUndoesItUnlessItCameAtTheCommitPointOrLater() throws Exception {
    int steps = stepsOfACommit();
    for (int signalAt = 1; signalAt <= steps; signalAt++) {
      Path out = dir.resolve("signal-" + signalAt);
      CommitScenario.writeEarlier(out);
      int at = signalAt;
      var transaction = new AtomicReference<OutputTransaction>();
      var hook = new AtomicReference<Thread>();
      var signalling =
          new CommitScenario.Steps(
              signalAt,
              step -> {
                if (step == at) {
                  // The shutdown hook, started by the signal while this step runs.
                  Thread stopping = new Thread(transaction.get()::stop);
                  hook.set(stopping);
                  stopping.start();
                  while (!transaction.get().stopping()) {
                    Thread.onSpinWait();
                  }
                }
              });
      try (OutputTransaction outputs = CommitScenario.stageNew(out, signalling)) {
        transaction.set(outputs);
        if (signalAt < commitPoint(steps)) {
          var e = assertThrows(ExportIoException.class, outputs::commit, "step " + signalAt);
          assertTrue(e.getMessage().contains("export interrupted"), e.getMessage());
        } else {
          outputs.commit();
        }
        hook.get().join(10_000);
      }
      assertEquals(signalAt < commitPoint(steps) ? EARLIER : NEW, visible(out), "step " + signalAt);
      assertEquals(
          new java.util.TreeSet<>(visible(out).keySet()),
          new java.util.TreeSet<>(allNames(out)),
          "nothing staged or journalled stays, step " + signalAt);
    }
  }

  @Test
  void aStaleFileNamedTwiceForRemovalIsRemovedOnceAndTheCommitSucceeds() throws Exception {
    Path out = dir.resolve("stale-twice");
    Files.createDirectories(out);
    Path stale = out.resolve("qa_pairs-train-00000-of-00002.jsonl");
    Files.writeString(stale, "earlier");
    try (OutputTransaction outputs = OutputTransaction.begin(out)) {
      Files.writeString(outputs.stage(out.resolve("qa_pairs-train.jsonl")), "new");
      // The card's earlier data files and this run's replaced shard names both name it.
      outputs.removeOnCommit(stale);
      outputs.removeOnCommit(out.resolve(".").resolve(stale.getFileName()));
      outputs.commit();
    }
    assertEquals(List.of("qa_pairs-train.jsonl"), allNames(out));
  }

  @Test
  void filesSyncedAheadAreCommittedWithTheRestAndAFailedSyncFailsTheCommit() throws Exception {
    Path out = dir.resolve("synced-ahead");
    try (OutputTransaction outputs = OutputTransaction.begin(out)) {
      Path passed = outputs.stage(out.resolve("qa_pairs.jsonl"));
      Files.writeString(passed, "passed");
      outputs.written(passed);
      outputs.written(out.resolve("not-staged.jsonl")); // ignored: not this run's
      Files.writeString(outputs.stage(out.resolve("README.md")), "card");
      outputs.commit();
    }
    assertEquals(List.of("README.md", "qa_pairs.jsonl"), allNames(out));
    assertEquals("passed", Files.readString(out.resolve("qa_pairs.jsonl")));

    try (OutputTransaction outputs = OutputTransaction.begin(out)) {
      Path gone = outputs.stage(out.resolve("qa_pairs.jsonl"));
      Files.delete(gone); // its sync ahead fails, and with it the commit
      outputs.written(gone);
      assertThrows(ExportIoException.class, outputs::commit);
    }
    assertEquals("passed", Files.readString(out.resolve("qa_pairs.jsonl")));

    // A sync ahead that failed is not made good by a later sync that succeeds (Linux reports a
    // write-back error once): here the file is back by the commit, and the commit still fails.
    try (OutputTransaction outputs = OutputTransaction.begin(out)) {
      Path back = outputs.stage(out.resolve("qa_pairs.jsonl"));
      Files.delete(back);
      outputs.written(back);
      Thread.sleep(1000); // the sync thread's attempt, on the missing file
      Files.writeString(back, "new");
      assertThrows(ExportIoException.class, outputs::commit);
    }
    assertEquals("passed", Files.readString(out.resolve("qa_pairs.jsonl")));
  }

  @Test
  void aStagedFileReplacedByAnotherWhileTheRunWroteIsNeverMovedIntoPlace() throws Exception {
    Path out = dir.resolve("swapped");
    Files.createDirectories(out);
    Files.writeString(out.resolve("qa_pairs.jsonl"), "earlier");
    try (OutputTransaction outputs = OutputTransaction.begin(out)) {
      Path staged = outputs.stage(out.resolve("qa_pairs.jsonl"));
      Files.writeString(staged, "this run's");
      // Another user of a shared directory puts a file of theirs under the staged name.
      // (Moved over it, not created after a delete, which could reuse the inode number.)
      Path theirs = Files.writeString(out.resolve("planted"), "");
      Files.move(theirs, staged, StandardCopyOption.REPLACE_EXISTING);
      ExportIoException refused = assertThrows(ExportIoException.class, outputs::commit);
      assertTrue(
          refused.getMessage().contains("was replaced by another file"), refused.getMessage());
    }
    assertEquals("earlier", Files.readString(out.resolve("qa_pairs.jsonl")));
    assertEquals(List.of("qa_pairs.jsonl"), allNames(out));
  }

  @Test
  void anInputNamedForRemovalAsAStaleFileIsKept() throws Exception {
    Path out = dir.resolve("stale-input");
    Files.createDirectories(out);
    Path input = out.resolve("qa_pairs-train-00000-of-00002.jsonl");
    Files.writeString(input, "the user's pairs");
    try (OutputTransaction outputs = OutputTransaction.begin(out)) {
      outputs.protect(List.of(input));
      Files.writeString(outputs.stage(out.resolve("qa_pairs-train.jsonl")), "new");
      outputs.removeOnCommit(input);
      outputs.commit();
    }
    assertEquals("the user's pairs", Files.readString(input));
  }

  @Test
  void whenEvenTheUndoFailsTheNextRunUndoesTheCommitFromItsJournal() throws Exception {
    int steps = stepsOfACommit();
    for (int failFrom = 2; failFrom <= commitPoint(steps); failFrom++) {
      Path out = dir.resolve("undo-" + failFrom);
      CommitScenario.writeEarlier(out);
      var failingFromThenOn =
          new CommitScenario.Steps(
              failFrom,
              step -> {
                throw new IOException("disk gone at step " + step);
              });
      try (OutputTransaction outputs = CommitScenario.stageNew(out, failingFromThenOn)) {
        var e = assertThrows(ExportIoException.class, outputs::commit);
        assertTrue(
            e.getMessage().contains("the next run in " + out + " undoes them"), e.getMessage());
      }
      assertTrue(Files.exists(out.resolve(OutputTransaction.JOURNAL_FILE)));

      List<Notice> notices = new ArrayList<>();
      OutputTransaction.begin(out, noticesTo(notices), OutputTransaction.FileOps.REAL).close();

      assertEquals(EARLIER, visible(out), "step " + failFrom);
      assertEquals(List.of(new Notice.InterruptedCommitUndone(out)), notices);
      assertEquals(
          EARLIER.keySet().stream().sorted().toList(),
          allNames(out),
          "no journal, lock, backup or temporary file is left");
    }
  }

  @Test
  void withoutHardLinksAFailedCommitStillPutsTheEarlierOutputsBack() throws Exception {
    Configuration noLinks =
        Configuration.unix().toBuilder()
            .setSupportedFeatures(Feature.FILE_CHANNEL, Feature.SECURE_DIRECTORY_STREAM)
            .build();
    try (FileSystem fs = Jimfs.newFileSystem(noLinks)) {
      Path out = fs.getPath("/data/out");
      CommitScenario.writeEarlier(out);
      assertThrows(
          UnsupportedOperationException.class,
          () -> Files.createLink(out.resolve("link"), out.resolve("README.md")));
      // The third rename: the first output is already replaced by then.
      var failing =
          new CommitScenario.Steps(
              4,
              step -> {
                if (step == 4) {
                  throw new IOException("rename failed");
                }
              });
      try (OutputTransaction outputs = CommitScenario.stageNew(out, failing)) {
        assertThrows(ExportIoException.class, outputs::commit);
      }
      assertEquals(EARLIER, visible(out));
    }
  }

  @Test
  void aKillNineAtAnyStepOfTheCommitLeavesTheEarlierDatasetOrTheNewOneForTheNextRun()
      throws Exception {
    int steps = stepsOfACommit();
    for (int killAt = 1; killAt <= steps + 1; killAt++) {
      Path out = dir.resolve("kill-" + killAt);
      CommitScenario.writeEarlier(out);
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CommitScenario.class.getName(),
                  out.toString(),
                  Integer.toString(killAt))
              .redirectErrorStream(true)
              .start();
      String said;
      try (var reader =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        said = reader.readLine();
        if (killAt <= steps) {
          assertEquals("stopped at step " + killAt, said);
          child.destroyForcibly(); // SIGKILL: no hook, no finally
        } else {
          assertEquals("committed", said);
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      }

      List<Notice> notices = new ArrayList<>();
      OutputTransaction.begin(out, noticesTo(notices), OutputTransaction.FileOps.REAL).close();

      boolean beforeCommitPoint = killAt <= commitPoint(steps);
      assertEquals(beforeCommitPoint ? EARLIER : NEW, visible(out), "killed at step " + killAt);
      assertEquals(
          visible(out).keySet().stream().sorted().toList(),
          allNames(out),
          "killed at step " + killAt + ": nothing hidden is left either");
      assertEquals(
          beforeCommitPoint && killAt > 1,
          !notices.isEmpty(),
          "the next run says it undid a commit: " + notices);
    }
  }

  @Test
  void aSecondRunOnTheSameDirectoryWaitsUntilTheFirstHasFinished() throws Exception {
    Path out = dir.resolve("out");
    CommitScenario.writeEarlier(out);
    OutputTransaction first = CommitScenario.stageNew(out, OutputTransaction.FileOps.REAL);
    var waiting = new CountDownLatch(1);
    ExportProgress second =
        new ExportProgress() {
          @Override
          public void notice(Notice notice) {
            if (notice instanceof Notice.WaitingForOutputDirectory) {
              waiting.countDown();
            }
          }
        };
    CompletableFuture<Void> secondRun =
        CompletableFuture.runAsync(
            () -> {
              try (OutputTransaction outputs =
                  OutputTransaction.begin(out, second, OutputTransaction.FileOps.REAL)) {
                Files.writeString(outputs.stage(out.resolve("qa_pairs.txt")), "second run\n");
                outputs.commit();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    assertTrue(waiting.await(30, TimeUnit.SECONDS), "the second run says it waits");
    assertFalse(secondRun.isDone());
    first.commit();
    assertEquals(NEW, visible(out), "the first run's commit is whole when the second starts");
    first.close();
    secondRun.get(30, TimeUnit.SECONDS);

    assertEquals("second run\n", visible(out).get("qa_pairs.txt"));
    assertEquals(NEW.get("README.md"), visible(out).get("README.md"));
  }

  @Test
  void aRunInAnotherProcessHoldsTheLockUntilItIsKilledAndTheWaitingRunThenFindsNoMix()
      throws Exception {
    Path out = dir.resolve("out");
    CommitScenario.writeEarlier(out);
    int stepsUpToTheCommitPoint = commitPoint(stepsOfACommit());
    Process other =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CommitScenario.class.getName(),
                out.toString(),
                Integer.toString(stepsUpToTheCommitPoint - 2))
            .redirectErrorStream(true)
            .start();
    var reader =
        new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
    assertTrue(reader.readLine().startsWith("stopped at step "), "the other run is mid-commit");

    var waiting = new CountDownLatch(1);
    List<Notice> notices = Collections.synchronizedList(new ArrayList<>());
    ExportProgress progress =
        new ExportProgress() {
          @Override
          public void notice(Notice notice) {
            notices.add(notice);
            if (notice instanceof Notice.WaitingForOutputDirectory) {
              waiting.countDown();
            }
          }
        };
    CompletableFuture<Map<String, String>> thisRun =
        CompletableFuture.supplyAsync(
            () -> {
              try (OutputTransaction outputs =
                  OutputTransaction.begin(out, progress, OutputTransaction.FileOps.REAL)) {
                assertEquals(out, outputs.directory());
                return visible(out); // what this run finds once it holds the lock
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertTrue(waiting.await(30, TimeUnit.SECONDS), "this run waits for the other");
    assertFalse(thisRun.isDone());

    other.destroyForcibly(); // kill -9 in the middle of its commit
    assertTrue(other.waitFor(30, TimeUnit.SECONDS));

    assertEquals(EARLIER, thisRun.get(30, TimeUnit.SECONDS));
    assertTrue(notices.contains(new Notice.InterruptedCommitUndone(out)), notices.toString());
    reader.close();
  }

  /** Collects the notices other than the run's hold on the directory (locked, released). */
  private static ExportProgress noticesTo(List<Notice> notices) {
    return new ExportProgress() {
      @Override
      public void notice(Notice notice) {
        if (!(notice instanceof Notice.OutputsLocked || notice instanceof Notice.OutputsReleased)) {
          notices.add(notice);
        }
      }
    };
  }
}
