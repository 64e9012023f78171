package io.qaexport.bench;

import io.qaexport.domain.mapping.DefaultCounts;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.mapping.RecordMapper;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The domain mapping, {@link RecordMapper#map}, per record (rejected shape: all six columns). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms64m", "-Xmx1g"})
public class MappingBench {
  @Param("")
  public String file;

  private QaPair[] pairs;
  private int next;
  private final RecordMapper mapper = new RecordMapper(false);
  private final DefaultCounts counts = new DefaultCounts();

  @Setup
  public void setUp() throws IOException {
    List<QaPair> all = Corpus.pairs(Corpus.file(file));
    pairs = all.subList(0, Integer.highestOneBit(all.size())).toArray(new QaPair[0]);
  }

  @Benchmark
  public HfRecord mapOneRecord() {
    QaPair pair = pairs[next++ & (pairs.length - 1)];
    return mapper.map(pair, RecordShape.REJECTED, counts);
  }
}
