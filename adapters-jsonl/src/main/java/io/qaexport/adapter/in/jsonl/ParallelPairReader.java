package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.SourceLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The same lines as the one-thread reader, decoded on several threads: a splitter thread cuts the
 * input into chunks of whole lines, each copied into its own array (so a line's raw bytes stay
 * valid however long the caller keeps them), decoder threads turn chunks into {@link SourceLine}s,
 * and {@link #next()} hands them out in input order. The calling thread decodes a chunk itself when
 * no decoder has started it yet, and while a decoder has the one it needs next, a later one. A read
 * failure surfaces after exactly the lines before it. Memory is bounded: at most twice {@link
 * #CHUNKS_AHEAD} chunks wait beyond the one being handed out and the one being filled.
 */
final class ParallelPairReader implements PairReader {
  static final int CHUNKS_AHEAD = 4;

  /** Many tiny lines (blank ones) would make a chunk of small objects out of proportion. */
  static final int MAX_CHUNK_LINES = 4096;

  private static final long JOIN_MILLIS = 5_000;
  private static final long WAIT_STEP_MILLIS = 100;
  private static final Chunk NO_MORE_CHUNKS = new Chunk(0, 0);

  private final InputStream in;
  private final LineSplitter lines;
  private final Supplier<LineDecoder> decoders;
  private final int decoderThreads;
  private final int chunkBytes;
  private final long sizeBytes;
  private final String name;

  private final BlockingQueue<Chunk> inOrder = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
  private final BlockingQueue<Chunk> toDecode = new LinkedBlockingQueue<>();

  /** Chunks taken from {@link #inOrder} early, to decode here while a decoder has the current. */
  private final ArrayDeque<Chunk> ahead = new ArrayDeque<>();

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean closed;
  private volatile long bytesHandedOut;
  private LineDecoder ownDecoder;
  private Chunk current;
  private int position;

  /**
   * @param lines splits {@code in}; read only by the splitter thread once started
   * @param decoders makes one decoder per decoding thread
   * @param decoderThreads threads that decode besides the caller's
   * @param chunkBytes a chunk's size, unless one line alone is larger
   * @param name the file's name, for the threads' names
   */
  ParallelPairReader(
      InputStream in,
      LineSplitter lines,
      Supplier<LineDecoder> decoders,
      int decoderThreads,
      int chunkBytes,
      long sizeBytes,
      String name) {
    this.in = in;
    this.lines = lines;
    this.decoders = decoders;
    this.decoderThreads = decoderThreads;
    this.chunkBytes = chunkBytes;
    this.sizeBytes = sizeBytes;
    this.name = name;
  }

  @Override
  public long sizeBytes() {
    return sizeBytes;
  }

  /**
   * The bytes read by the end of the chunk being handed out: it trails the reading, as lines do.
   */
  @Override
  public long bytesRead() {
    return bytesHandedOut;
  }

  @Override
  public SourceLine next() throws IOException {
    failIfClosed();
    if (threads.isEmpty()) {
      start(); // on the first line, so a reader opened only for its size starts no thread
    }
    while (true) {
      Chunk chunk = current();
      if (position < chunk.decoded) {
        return chunk.sourceLines[position++];
      }
      if (chunk.last || chunk.decodeFailure != null) {
        chunk.rethrowFailure(); // again on every later call, like a failing stream
        return null;
      }
      current = null;
    }
  }

  /** The chunk lines are handed out from, decoded: the next one in order if this one is done. */
  private Chunk current() throws IOException {
    if (current != null) {
      return current;
    }
    Chunk next = ahead.poll();
    try {
      // Waits in steps, so a close() from another thread ends the wait instead of a hang.
      while (next == null) {
        failIfClosed();
        next = inOrder.poll(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
      }
      if (next.claim()) {
        decodeHere(next);
      }
      while (next.done.getCount() > 0) {
        failIfClosed();
        // A decoder has the chunk: rather than wait, decode a later one nobody has started (the
        // caller waited for a decoder most of a run before, the decoder being the slower).
        Chunk later = ahead.size() < CHUNKS_AHEAD ? inOrder.poll() : null;
        if (later != null) {
          ahead.add(later);
          if (later.claim()) {
            decodeHere(later);
          }
        } else {
          next.done.await(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading");
    }
    current = next;
    position = 0;
    bytesHandedOut = next.bytesReadAfter;
    return next;
  }

  private void decodeHere(Chunk chunk) {
    if (ownDecoder == null) {
      ownDecoder = decoders.get();
    }
    chunk.decode(ownDecoder);
  }

  private void failIfClosed() throws IOException {
    if (closed) {
      throw new IOException("the reader is closed");
    }
  }

  private void start() {
    threads.add(thread(this::split, "qa-export-split " + name));
    for (int i = 1; i <= decoderThreads; i++) {
      LineDecoder decoder = decoders.get();
      threads.add(thread(() -> decode(decoder), "qa-export-decode-" + i + " " + name));
    }
    threads.forEach(Thread::start);
  }

  private static Thread thread(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** The splitter thread: whole lines into chunks, in order, until the end or a read failure. */
  private void split() {
    long lineNumber = 0;
    Chunk chunk = new Chunk(1, chunkBytes);
    try {
      try {
        while (lines.next()) {
          int length = lines.end() - lines.start();
          if (!chunk.fits(length)) {
            publish(chunk);
            chunk = new Chunk(lineNumber + 1, Math.max(chunkBytes, length));
          }
          chunk.add(lines.buffer(), lines.start(), lines.end(), lines.tooLong());
          lineNumber++;
        }
      } catch (IOException | RuntimeException | Error e) {
        if (closed) {
          return; // closing the input mid-read fails the read: nobody is waiting for it
        }
        chunk.readFailure = e;
      }
      chunk.last = true;
      publish(chunk);
      for (int i = 0; i < decoderThreads; i++) {
        toDecode.put(NO_MORE_CHUNKS);
      }
    } catch (InterruptedException closing) {
      // close() stops the thread; the chunks are dropped with the reader
    }
  }

  private void publish(Chunk chunk) throws InterruptedException {
    chunk.bytesReadAfter = lines.bytesRead();
    inOrder.put(chunk); // waits while CHUNKS_AHEAD chunks are not handed out yet
    if (decoderThreads > 0) {
      toDecode.put(chunk);
    }
  }

  /** A decoder thread: decodes the chunks the caller has not taken on itself. */
  private void decode(LineDecoder decoder) {
    try {
      for (Chunk chunk = toDecode.take(); chunk != NO_MORE_CHUNKS; chunk = toDecode.take()) {
        if (closed) {
          return;
        }
        if (chunk.claim()) {
          chunk.decode(decoder);
        }
      }
    } catch (InterruptedException closing) {
      // close() stops the thread
    }
  }

  /**
   * Stops every thread and closes the input. A splitter blocked in reading a pipe may outlive this
   * call briefly (a daemon, it keeps no run alive); every other thread has ended when it returns.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    threads.forEach(Thread::interrupt);
    try {
      Thread splitter = threads.isEmpty() ? null : threads.get(0);
      if (splitter != null) {
        // Reading a file ends at the interrupt; only then is the stream closed under nobody.
        splitter.join(100);
      }
      in.close();
      for (Thread thread : threads) {
        thread.join(JOIN_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while closing");
    } finally {
      inOrder.clear();
      toDecode.clear();
    }
  }

  /**
   * Whole lines copied out of the splitter's buffer, each into an array of its own (which its
   * pair's texts then view: no second copy on the decoding thread), then their decoded {@link
   * SourceLine}s.
   */
  private static final class Chunk {
    private final long firstLine;
    private final int capacity;
    private byte[][] lines = new byte[16][];
    private boolean[] tooLong = new boolean[16];
    private int used;
    private int count;

    /** Set by the splitter before the chunk is published. */
    private long bytesReadAfter;

    private boolean last;
    private Throwable readFailure;

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    /** Written by the claiming thread before {@link #done} opens. */
    private SourceLine[] sourceLines;

    private int decoded;
    private Throwable decodeFailure;

    Chunk(long firstLine, int capacity) {
      this.firstLine = firstLine;
      this.capacity = capacity;
    }

    boolean fits(int length) {
      return count == 0 || (count < MAX_CHUNK_LINES && used + length <= capacity);
    }

    void add(byte[] buffer, int start, int end, boolean cut) {
      if (count == lines.length) {
        lines = Arrays.copyOf(lines, count * 2);
        tooLong = Arrays.copyOf(tooLong, count * 2);
      }
      lines[count] = Arrays.copyOfRange(buffer, start, end);
      tooLong[count] = cut;
      used += end - start;
      count++;
    }

    boolean claim() {
      return claimed.compareAndSet(false, true);
    }

    /** Decodes every line; a failure (a bug, or out of memory) ends the chunk where it struck. */
    void decode(LineDecoder decoder) {
      sourceLines = new SourceLine[count];
      try {
        for (int i = 0; i < count; i++) {
          byte[] line = lines[i];
          sourceLines[i] = decoder.decodeOwn(firstLine + i, line, tooLong[i]);
          lines[i] = null;
          decoded = i + 1;
        }
      } catch (RuntimeException | Error e) {
        decodeFailure = e;
      } finally {
        lines = null;
        tooLong = null;
        done.countDown();
      }
    }

    /** After the chunk's decoded lines: the failure that cut it short, as the caller's own. */
    void rethrowFailure() throws IOException {
      Throwable failure = decodeFailure != null ? decodeFailure : readFailure;
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
    }
  }
}
