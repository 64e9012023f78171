package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.RecordShape;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * Reads the validation step's JSON Lines: one object per line, UTF-8 (validated, never replaced),
 * an optional byte-order mark, CRLF or LF line ends, whitespace-only lines skipped; gzip, zstd,
 * bzip2 or xz compressed, told by the first bytes, with lines counted in the decompressed text.
 */
final class JsonlQaPairSource implements QaPairSource {
  private static final int READ_CHUNK = 1 << 16;

  private final int maxLineBytes;
  private final boolean bytesThrough;
  private final Parallelism parallelism;
  private final boolean longLineEndsReading;
  private final JsonFactory json;

  JsonlQaPairSource(int maxLineBytes) {
    this(maxLineBytes, true, Parallelism.fromMachine());
  }

  /**
   * @param bytesThrough false for the reference path that decodes every string (tests)
   */
  JsonlQaPairSource(int maxLineBytes, boolean bytesThrough) {
    this(maxLineBytes, bytesThrough, Parallelism.fromMachine());
  }

  JsonlQaPairSource(int maxLineBytes, Parallelism parallelism) {
    this(maxLineBytes, true, parallelism);
  }

  JsonlQaPairSource(int maxLineBytes, boolean bytesThrough, Parallelism parallelism) {
    this(maxLineBytes, bytesThrough, parallelism, false);
  }

  /**
   * @param longLineEndsReading whether a line over {@code maxLineBytes} is the last line given (the
   *     run stops at it) instead of being read past to its end
   */
  JsonlQaPairSource(
      int maxLineBytes,
      boolean bytesThrough,
      Parallelism parallelism,
      boolean longLineEndsReading) {
    this.maxLineBytes = maxLineBytes;
    this.bytesThrough = bytesThrough;
    this.parallelism = parallelism;
    this.longLineEndsReading = longLineEndsReading;
    this.json = jsonFactory(maxLineBytes);
  }

  /** The reader's Jackson factory for lines of at most {@code maxLineBytes}. */
  static JsonFactory jsonFactory(int maxLineBytes) {
    return JsonFactory.builder()
        // NaN and Infinity are let through so the mapping can name them, not a syntax error.
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        // A parser per line: cheap per-thread buffers instead of a shared, locked pool.
        .recyclerPool(JsonRecyclerPools.threadLocalPool())
        // The line limit bounds everything; within it, valid JSON is valid, whatever fields
        // we do not read hold (Jackson's defaults stop at 1000 digits, 50,000-character
        // names, 500 levels). Each level of nesting takes two bytes of the line at least.
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(maxLineBytes)
                .maxDocumentLength(maxLineBytes)
                .maxNumberLength(maxLineBytes)
                .maxNameLength(maxLineBytes)
                .maxNestingDepth(Math.max(1, maxLineBytes / 2))
                .build())
        .build();
  }

  @Override
  public PairReader open(Path file) throws IOException {
    return open(file, RecordShape.REJECTED);
  }

  @Override
  public PairReader open(Path file, RecordShape shape) throws IOException {
    // A pipe's channel cannot tell its size or position, which buffered reads ask for.
    boolean stream = Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    InputStream raw = stream ? new FileInputStream(file.toFile()) : Files.newInputStream(file);
    try {
      Decompression.Opened opened = Decompression.open(raw, READ_CHUNK);
      // Only a plain regular file's size is what the lines add up to.
      long size =
          opened.kind() == Decompression.NONE && Files.isRegularFile(file) ? Files.size(file) : -1;
      if (!parallelism.worthIt(size)) {
        return new JsonlPairReader(opened.in(), size, decoder(shape));
      }
      return new ParallelPairReader(
          opened.in(),
          splitter(opened.in()),
          () -> decoder(shape),
          parallelism.decoderThreads(),
          parallelism.chunkBytes(),
          size,
          String.valueOf(file.getFileName()));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** A decoder for one reading thread: each has its own parser. */
  private LineDecoder decoder(RecordShape shape) {
    return new LineDecoder(
        json,
        maxLineBytes,
        shape.hasFailureReason(),
        bytesThrough,
        new KeptReader.KeptFields(shape.keptColumns()));
  }

  private LineSplitter splitter(InputStream in) {
    // One byte more than the limit: the CR of a CRLF line end is not part of the line.
    return new LineSplitter(in, maxLineBytes + 1, longLineEndsReading);
  }

  /**
   * How many threads decode lines besides the reading one, from what input size, in chunks of how
   * many bytes. Lines come out the same either way.
   *
   * @param fromBytes the smallest plain input read in parallel; an input of unknown size
   *     (compressed, a pipe) always is
   */
  record Parallelism(int decoderThreads, long fromBytes, int chunkBytes) {
    static final Parallelism SEQUENTIAL = new Parallelism(-1, Long.MAX_VALUE, 1);

    /**
     * Decoder threads, for measuring: -1 reads on one thread; 0 splits on a thread of its own and
     * decodes on the reading one. By default one per core but the reading thread's.
     */
    static final String THREADS_PROPERTY = "qaexport.jsonl.decoderThreads";

    /** A chunk's bytes, for measuring. */
    static final String CHUNK_PROPERTY = "qaexport.jsonl.chunkBytes";

    private static final long FROM_BYTES = 4L << 20;

    /**
     * Each chunk is handed over twice (to a decoder, back in order); at 32 KiB (~20 lines) the
     * hand-overs and the waits between them cost ~10 % of a 200k all-Swedish run's wall time
     * (alternating runs, 2026-12-03). Lines have arrays of their own, so a chunk's size no longer
     * decides what survives a collection: 22 young and no full collection at 32 and at 128 KiB
     * (when texts were views of their chunk, 256 KiB meant 41 full ones).
     */
    private static final int CHUNK_BYTES = 128 << 10;

    static Parallelism fromMachine() {
      return forCores(Runtime.getRuntime().availableProcessors());
    }

    static Parallelism forCores(int cores) {
      int threads = Integer.getInteger(THREADS_PROPERTY, cores - 1);
      int chunkBytes = Integer.getInteger(CHUNK_PROPERTY, CHUNK_BYTES);
      return cores < 2 ? SEQUENTIAL : new Parallelism(threads, FROM_BYTES, chunkBytes);
    }

    boolean worthIt(long sizeBytes) {
      return decoderThreads >= 0 && (sizeBytes < 0 || sizeBytes >= fromBytes);
    }
  }

  /** Turns each line of the file into a pair, a blank line or an invalid line with its reason. */
  private final class JsonlPairReader implements PairReader {
    private final InputStream in;
    private final LineSplitter lines;
    private final LineDecoder decoder;
    private final long sizeBytes;
    private long lineNumber;

    JsonlPairReader(InputStream in, long sizeBytes, LineDecoder decoder) {
      this.in = in;
      this.sizeBytes = sizeBytes;
      this.lines = splitter(in);
      this.decoder = decoder;
    }

    @Override
    public long sizeBytes() {
      return sizeBytes;
    }

    @Override
    public long bytesRead() {
      return lines.bytesRead();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }

    @Override
    public SourceLine next() throws IOException {
      if (!lines.next()) {
        return null;
      }
      return decoder.decode(
          ++lineNumber, lines.buffer(), lines.start(), lines.end(), lines.tooLong());
    }
  }
}
