package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.qaexport.adapter.in.jsonl.JsonlQaPairSource.Parallelism;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Arbitrary bytes read by the parallel reader and by the one-thread reader: the same lines (kinds,
 * numbers, columns, reasons, raw bytes, pairs), the same failure after the same lines, the same
 * bytes read, at any chunk size and number of threads. The bytes are also read as a gzip stream cut
 * short, so a read failure strikes mid-file. See {@code FUZZING.md}.
 */
class ParallelReaderFuzzTest {
  private static final int DEFAULT_LIMIT = 1 << 20;
  private static final Path WORK = workDirectory();

  @FuzzTest(maxDuration = "5m")
  void parallelReadsLikeSequential(byte[] input) throws IOException {
    // The line limit and chunk sizes follow from the input, so a finding replays exactly.
    int limit = input.length % 3 == 0 ? DEFAULT_LIMIT : 1 + input.length % 48;
    int smallChunk = 1 + input.length % 97;
    assertSameLines(Files.write(WORK.resolve("input.jsonl"), input), limit, smallChunk);

    byte[] gzip = gzip(input);
    int cut = input.length == 0 ? gzip.length : gzip.length * (input[0] & 0xFF) / 256;
    assertSameLines(
        Files.write(WORK.resolve("cut.jsonl.gz"), Arrays.copyOf(gzip, cut)), limit, smallChunk);
  }

  private static void assertSameLines(Path file, int limit, int smallChunk) {
    List<String> sequential =
        ReadOutcome.of(new JsonlQaPairSource(limit, Parallelism.SEQUENTIAL), file);
    for (Parallelism parallelism :
        List.of(
            new Parallelism(0, 0, 1),
            new Parallelism(1, 0, smallChunk),
            new Parallelism(2, 0, 1 << 20))) {
      assertEquals(
          sequential,
          ReadOutcome.of(new JsonlQaPairSource(limit, parallelism), file),
          parallelism + " at limit " + limit);
    }
  }

  private static byte[] gzip(byte[] input) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(bytes)) {
      out.write(input);
    }
    return bytes.toByteArray();
  }

  private static Path workDirectory() {
    try {
      Path shm = Path.of("/dev/shm");
      Path dir =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? Files.createTempDirectory(shm, "qa-export-parallel-fuzz")
              : Files.createTempDirectory("qa-export-parallel-fuzz");
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try (var files = Files.list(dir)) {
                      for (Path f : (Iterable<Path>) files::iterator) {
                        Files.deleteIfExists(f);
                      }
                      Files.deleteIfExists(dir);
                    } catch (IOException ignored) {
                      // A temporary directory; the OS cleans it up eventually.
                    }
                  }));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
