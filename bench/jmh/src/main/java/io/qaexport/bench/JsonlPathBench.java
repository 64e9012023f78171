package io.qaexport.bench;

import io.qaexport.adapter.in.jsonl.BenchAccess;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.QaPairHandler;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.RawLine;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.DefaultCounts;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordMapper;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The JSONL hot path, one whole input file per operation (divide by the record count printed at
 * setup for per-record figures): each stage alone, then the reader, the writer, and all three
 * (read + map + write) as the export runs them. Output goes to /dev/shm when it exists, so the
 * writer's fsync on close costs little and disk speed stays out of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx1g"})
public class JsonlPathBench {
  @Param("")
  public String file;

  private Path input;
  private byte[] data;
  private int[] bounds;
  private HfRecord[] records;
  private Path output;
  private final QaPairSource source = BenchAccess.source();
  private final OutputFormat jsonl = io.qaexport.adapter.out.jsonl.BenchAccess.jsonl();
  private final BenchAccess.Parser parser = new BenchAccess.Parser();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    input = Corpus.file(file);
    data = Corpus.bytes(input);
    bounds = BenchAccess.lineBounds(data);
    var mapper = new RecordMapper(false);
    var counts = new DefaultCounts();
    records = BenchAccess.parseAll(data).stream()
        .map(p -> mapper.map(p, RecordShape.REJECTED, counts)).toArray(HfRecord[]::new);
    Path dir = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
    output = Files.createTempFile(dir, "qa-export-jmh", ".jsonl");
    System.err.printf("%njmh input: %s, %d records, %d bytes%n", input, records.length, data.length);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(output);
  }

  /** LineSplitter alone over an in-memory stream. */
  @Benchmark
  public long splitLines() throws IOException {
    return BenchAccess.splitLines(data);
  }

  /** Utf8Validation over every line. */
  @Benchmark
  public int validateUtf8() {
    int sum = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      sum += BenchAccess.firstInvalidUtf8Byte(data, bounds[i], bounds[i + 1]);
    }
    return sum;
  }

  /** PairParser (Jackson streaming, skipping unmapped fields) over every line. */
  @Benchmark
  public void parseLines(Blackhole bh) {
    for (int i = 0; i < bounds.length; i += 2) {
      if (bounds[i + 1] > bounds[i]) {
        bh.consume(parser.parse(data, bounds[i], bounds[i + 1] - bounds[i]));
      }
    }
  }

  /** The reader as wired: file -> lines -> UTF-8 check -> parse, pairs to a no-op handler. */
  @Benchmark
  public void readFile(Blackhole bh) throws IOException {
    source.read(input, new QaPairHandler() {
      @Override
      public void onPair(long lineNumber, QaPair pair, RawLine raw) {
        bh.consume(pair);
      }

      @Override
      public void onBlankLine(long lineNumber) {}

      @Override
      public void onInvalidLine(long lineNumber, int column, String reason, RawLine raw) {
        throw new IllegalStateException(reason);
      }
    });
  }

  /** The JSONL writer over pre-mapped records, including close (flush + fsync on /dev/shm). */
  @Benchmark
  public void writeFile() throws IOException {
    try (RecordWriter writer = jsonl.open(output, RecordShape.REJECTED)) {
      for (HfRecord r : records) {
        writer.write(r);
      }
    }
  }

  /** Read + map + write, as FileExport does it (without the staging rename). */
  @Benchmark
  public void readMapWrite() throws IOException {
    var mapper = new RecordMapper(false);
    var counts = new DefaultCounts();
    try (RecordWriter writer = jsonl.open(output, RecordShape.REJECTED)) {
      source.read(input, new QaPairHandler() {
        @Override
        public void onPair(long lineNumber, QaPair pair, RawLine raw) {
          try {
            writer.write(mapper.map(pair, RecordShape.REJECTED, counts));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }

        @Override
        public void onBlankLine(long lineNumber) {}

        @Override
        public void onInvalidLine(long lineNumber, int column, String reason, RawLine raw) {
          throw new IllegalStateException(reason);
        }
      });
    }
  }
}
