package io.qaexport.bench;

import io.qaexport.adapter.out.jsonl.JsonlOutputModule;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.mapping.DefaultCounts;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.mapping.RecordMapper;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
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
 * setup for per-record figures): the reader (split, UTF-8 check, parse), the writer, and all
 * three (read + map + write) as the export runs them, each through the adapters' public entry
 * points. Output goes to /dev/shm when it exists, so the writer's fsync on close costs little and
 * disk speed stays out of it.
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
  private HfRecord[] records;
  private Path output;
  private final QaPairSource source = Corpus.source();
  private final OutputFormat jsonl = JsonlOutputModule.jsonlFormat();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    input = Corpus.file(file);
    var mapper = new RecordMapper(false);
    var counts = new DefaultCounts();
    records = Corpus.pairs(input).stream()
        .map(p -> mapper.map(p, RecordShape.REJECTED, counts)).toArray(HfRecord[]::new);
    Path dir = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm")
        : Path.of(System.getProperty("java.io.tmpdir"));
    output = Files.createTempFile(dir, "qa-export-jmh", ".jsonl");
    System.err.printf("%njmh input: %s, %d records, %d bytes%n", input, records.length,
        Files.size(input));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(output);
  }

  /** The reader as wired: file -> lines -> UTF-8 check -> parse, every line pulled. */
  @Benchmark
  public void readFile(Blackhole bh) throws IOException {
    try (PairReader reader = source.open(input)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        bh.consume(line);
      }
    }
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

  /** Read + map + write on one thread, as the export loop does (without staging or the writer thread). */
  @Benchmark
  public void readMapWrite() throws IOException {
    var mapper = new RecordMapper(false);
    var counts = new DefaultCounts();
    try (PairReader reader = source.open(input);
        RecordWriter writer = jsonl.open(output, RecordShape.REJECTED)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        if (line instanceof SourceLine.Pair pair) {
          writer.write(mapper.map(pair.pair(), RecordShape.REJECTED, counts));
        }
      }
    }
  }
}
