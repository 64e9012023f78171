package io.qaexport.domain.dedup;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The questions' band keys, computed a batch at a time on a thread of its own while the first pass
 * reads on: MinHash is about three quarters of adding a question (161 hashes of ~75 grams at 0.8),
 * and the reading leaves the second core partly idle. The keys land in one array, a question's
 * bands side by side; at most one batch is in flight, and the array grows only between batches.
 */
final class BandKeyWriter {
  private static final int BATCH = 2048;

  private final LshParameters lsh;
  private final int bands;
  private final boolean threaded;
  private ExecutorService thread; // started with the first batch
  private Future<?> inFlight;
  private int[] keys;
  private long[][] batch = new long[BATCH][];
  private int batchStart;
  private int batchSize;

  BandKeyWriter(LshParameters lsh, boolean threaded) {
    this.lsh = lsh;
    this.bands = lsh.bands();
    this.threaded = threaded;
    this.keys = new int[bands * BATCH];
  }

  /** The next question's grams, by their fingerprints. */
  void add(long[] fingerprints) {
    batch[batchSize++] = fingerprints;
    if (batchSize == BATCH) {
      submit();
    }
  }

  /** Every question's keys at {@code [question * bands + band]}; the writer is done after it. */
  int[] finish() {
    if (batchSize > 0) {
      submit();
    }
    await();
    if (thread != null) {
      thread.shutdown();
    }
    int[] all = keys;
    keys = null;
    return all;
  }

  private void submit() {
    await();
    int end = (batchStart + batchSize) * bands;
    if (end > keys.length) {
      keys = Arrays.copyOf(keys, Math.max(end, keys.length * 2));
    }
    long[][] work = batch;
    int start = batchStart;
    int count = batchSize;
    int[] into = keys;
    Runnable task =
        () -> {
          for (int i = 0; i < count; i++) {
            System.arraycopy(Shingles.bandKeys(work[i], lsh), 0, into, (start + i) * bands, bands);
          }
        };
    if (threaded) {
      if (thread == null) {
        thread =
            Executors.newSingleThreadExecutor(
                runnable -> {
                  Thread keysThread = new Thread(runnable, "qa-export-band-keys");
                  keysThread.setDaemon(true);
                  return keysThread;
                });
      }
      inFlight = thread.submit(task);
    } else {
      task.run();
    }
    batch = new long[BATCH][];
    batchStart += count;
    batchSize = 0;
  }

  private void await() {
    if (inFlight == null) {
      return;
    }
    try {
      Workers.await(inFlight, "computing band keys");
    } finally {
      inFlight = null;
    }
  }
}
