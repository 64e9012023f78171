package io.qaexport.adapter.in.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.application.port.in.Notice;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutputsWatchTest {
  private final Path out = Path.of("out");
  private final OutputsWatch watch = new OutputsWatch();

  @Test
  void aSignalBeforeTheRunHoldsTheDirectoryFindsNothingWrittenAtOnce() throws Exception {
    assertEquals(Optional.empty(), watch.committedAfterRelease(60_000));
  }

  @Test
  void aSignalDuringTheCommitWaitsForItAndTellsWhetherItLanded() throws Exception {
    watch.take(new Notice.OutputsLocked(out));
    CompletableFuture<Optional<Path>> told =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return watch.committedAfterRelease(60_000);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(100);
    assertFalse(told.isDone(), "the message waits while the run holds the directory");

    watch.take(new Notice.OutputsCommitted(out));
    watch.take(new Notice.OutputsReleased(out));

    assertEquals(Optional.of(out), told.get(10, TimeUnit.SECONDS));
  }

  @Test
  void anUndoneCommitIsNothingWritten() throws Exception {
    watch.take(new Notice.OutputsLocked(out));
    watch.take(new Notice.OutputsReleased(out));

    assertEquals(Optional.empty(), watch.committedAfterRelease(60_000));
  }

  @Test
  void otherNoticesAreLeftToTheBoard() {
    assertFalse(watch.take(new Notice.NoCardForEmptyDataset()));
    assertTrue(watch.take(new Notice.OutputsReleased(out)));
  }
}
