package io.qaexport.application.service.files;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands records to a writer thread in batches, so reading and mapping (this thread) and encoding
 * and writing (that thread) use both cores. Order is kept; memory is bounded by {@link
 * #QUEUED_BATCHES} batches, each of at most {@link #BATCH_SIZE} records and about {@link
 * #BATCH_BYTES} bytes of text, so large records cannot pile up. A failure of the writer thread
 * surfaces in the next {@link #write} or in {@link #close}, which always closes the delegate.
 */
final class AsyncRecordWriter implements RecordWriter {
  static final int BATCH_SIZE = 256;
  static final int QUEUED_BATCHES = 4;
  static final long BATCH_BYTES = 1L << 20;
  private static final List<HfRecord> END = List.of();

  private final RecordWriter delegate;
  private final BlockingQueue<List<HfRecord>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final Thread thread;
  private List<HfRecord> batch = new ArrayList<>(BATCH_SIZE);
  private long batchBytes;
  private volatile Throwable failure;
  private boolean failureReported;
  private boolean closed;

  AsyncRecordWriter(RecordWriter delegate) {
    this.delegate = delegate;
    this.thread = new Thread(this::drain, "qa-export-writer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void write(HfRecord record) throws IOException {
    rethrowFailure();
    batch.add(record);
    batchBytes += record.estimatedBytes();
    if (batch.size() == BATCH_SIZE || batchBytes >= BATCH_BYTES) {
      hand(batch);
      batch = new ArrayList<>(BATCH_SIZE);
      batchBytes = 0;
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!batch.isEmpty()) {
        hand(batch);
      }
      hand(END);
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    } finally {
      delegate.close();
    }
    rethrowFailure();
  }

  private void hand(List<HfRecord> records) throws IOException {
    try {
      queue.put(records);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    }
  }

  /** The writer thread: writes batches in order; after a failure it only drains to the end. */
  private void drain() {
    try {
      for (List<HfRecord> records = queue.take(); records != END; records = queue.take()) {
        if (failure != null) {
          continue;
        }
        try {
          for (HfRecord record : records) {
            delegate.write(record);
          }
        } catch (IOException | RuntimeException | Error e) {
          failure = e;
        }
      }
    } catch (InterruptedException e) {
      failure = e;
    }
  }

  /** Throws the writer thread's failure, once: a second throw would suppress itself. */
  private void rethrowFailure() throws IOException {
    Throwable thrown = failure;
    if (thrown == null || failureReported) {
      return;
    }
    failureReported = true;
    if (thrown instanceof IOException io) {
      throw io;
    }
    if (thrown instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (thrown instanceof Error error) {
      throw error;
    }
    throw new InterruptedIOException("the writer thread was interrupted");
  }
}
