package io.qaexport.domain.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task over many items on a few threads, the caller's among them: worker {@code w} takes
 * items {@code w, w + threads, …}, so a run of costly items is shared. Near grouping checks a block
 * of questions against the kept ones this way, read-only, on both cores.
 */
final class Workers implements AutoCloseable {
  /** One item's work, told which worker runs it (for the worker's own buffers). */
  @FunctionalInterface
  interface Task {
    void run(int worker, int item);
  }

  private final int threads;
  private final ExecutorService pool; // null: the caller's thread alone

  Workers(int threads) {
    this.threads = Math.max(1, threads);
    this.pool =
        this.threads == 1
            ? null
            : Executors.newFixedThreadPool(
                this.threads - 1,
                runnable -> {
                  Thread thread = new Thread(runnable, "qa-export-near-groups");
                  thread.setDaemon(true);
                  return thread;
                });
  }

  int threads() {
    return threads;
  }

  /** Runs {@code task} on items {@code 0 … count − 1}; returns when every item is done. */
  void run(int count, Task task) {
    List<Future<?>> others = new ArrayList<>(threads - 1);
    for (int w = 1; w < threads; w++) {
      int worker = w;
      others.add(
          pool.submit(
              () -> {
                for (int i = worker; i < count; i += threads) {
                  task.run(worker, i);
                }
              }));
    }
    for (int i = 0; i < count; i += threads) {
      task.run(0, i);
    }
    for (Future<?> other : others) {
      await(other, "grouping near duplicates");
    }
  }

  /** Waits for {@code work}; its failure is rethrown as it was thrown on the other thread. */
  static void await(Future<?> work, String doing) {
    try {
      work.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + doing, e);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
