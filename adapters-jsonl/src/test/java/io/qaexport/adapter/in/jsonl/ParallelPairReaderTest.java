package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.adapter.in.jsonl.JsonlQaPairSource.Parallelism;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.SourceLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The parallel reader against the one-thread reader: the same lines, failures and bytes read. */
class ParallelPairReaderTest {
  private static final int LIMIT = 1 << 20;

  @TempDir Path dir;

  /** Tiny chunks cut everywhere; 1 byte makes every line a chunk of its own. */
  private static List<Parallelism> parallelisms() {
    List<Parallelism> all = new ArrayList<>();
    for (int threads : new int[] {0, 1, 2, 3}) {
      for (int chunkBytes : new int[] {1, 2, 3, 5, 64, 1000, 1 << 20}) {
        all.add(new Parallelism(threads, 0, chunkBytes));
      }
    }
    return all;
  }

  private void assertSameAsSequential(byte[] content, int limit) throws IOException {
    Path file = Files.write(dir.resolve("qa_passed.jsonl"), content);
    List<String> sequential =
        ReadOutcome.of(new JsonlQaPairSource(limit, Parallelism.SEQUENTIAL), file);
    for (Parallelism parallelism : parallelisms()) {
      assertEquals(
          sequential,
          ReadOutcome.of(new JsonlQaPairSource(limit, parallelism), file),
          parallelism + " at limit " + limit);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void generatedInputsReadTheSameOnAnyNumberOfThreadsAndChunkSizes(long seed) throws IOException {
    byte[] content = GeneratedLines.file(new Random(seed), 40);
    assertSameAsSequential(content, LIMIT);
    assertSameAsSequential(content, 1 + (int) (seed * 7 % 60));
  }

  @Test
  void theEdgeCasesOfLinesReadTheSame() throws IOException {
    String[] cases = {
      "",
      "\n",
      "\r\n",
      "\uFEFF",
      "\uFEFF\n{\"question\": \"a\"}",
      "\uFEFF\uFEFF{\"question\": \"a\"}\n",
      "{\"question\": \"a\"}\n\uFEFF{\"question\": \"b\"}\n",
      "{\"question\": \"a\"}\r\n\r\n  \t\r\n{\"question\": \"b\"}\r",
      "{\"question\": \"a\"}\n\n\n",
      "{\"question\": \"x\"}{}\n[1]\n\"s\"\nnull\n{\"question\": 5}\n{\"answer\": +Infinity}\n",
      "\r\r\r\n\r",
    };
    for (String text : cases) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      for (int limit : new int[] {LIMIT, 1, 2, 3, 4, 17}) {
        assertSameAsSequential(bytes, limit);
      }
    }
  }

  @Test
  void invalidUtf8AndTooLongLinesReadTheSame() throws IOException {
    var bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\"question\": \"".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(
        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
    bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(
        ("{\"answer\": \"" + "å".repeat(3000) + "\"}\r\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, '\n', (byte) 0xF0, (byte) 0x9F});
    for (int limit : new int[] {LIMIT, 6000, 6001, 6002, 1024, 1025, 10}) {
      assertSameAsSequential(bytes.toByteArray(), limit);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"GZIP", "ZSTD", "BZIP2", "XZ"})
  void compressedInputReadsTheSameAndATruncatedOneFailsAfterTheSameLines(String kind)
      throws IOException {
    byte[] plain = GeneratedLines.file(new Random(kind.hashCode()), 400);
    byte[] compressed = CompressedInputTest.compress(Decompression.valueOf(kind), plain);
    assertSameAsSequential(compressed, LIMIT);
    for (int cut :
        new int[] {compressed.length / 3, compressed.length / 2, compressed.length - 9}) {
      byte[] truncated = Arrays.copyOf(compressed, cut);
      Path file = Files.write(dir.resolve("truncated.jsonl"), truncated);
      List<String> sequential =
          ReadOutcome.of(new JsonlQaPairSource(LIMIT, Parallelism.SEQUENTIAL), file);
      assertTrue(
          sequential.get(sequential.size() - 1).contains("CorruptInputException"),
          "a truncated "
              + kind
              + " stream ends in a failure: "
              + sequential.get(sequential.size() - 1));
      assertSameAsSequential(truncated, LIMIT);
    }
  }

  @Test
  void bytesReadGrowWithTheLinesHandedOutAndEndAtTheFileSize() throws IOException {
    byte[] content = GeneratedLines.file(new Random(99), 2000);
    Path file = Files.write(dir.resolve("qa_passed.jsonl"), content);
    try (PairReader reader = new JsonlQaPairSource(LIMIT, new Parallelism(1, 0, 4096)).open(file)) {
      assertEquals(content.length, reader.sizeBytes());
      long before = 0;
      long consumed = 0;
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        consumed += rawLength(line) + 1;
        long read = reader.bytesRead();
        assertTrue(read >= before, "never backwards");
        assertTrue(read >= Math.min(consumed, content.length), "at least the lines handed out");
        before = read;
      }
      assertEquals(content.length, reader.bytesRead());
    }
  }

  private static long rawLength(SourceLine line) {
    if (line instanceof SourceLine.Pair pair) {
      return pair.raw().copyBytes().length;
    }
    if (line instanceof SourceLine.Invalid bad) {
      return bad.raw().copyBytes().length;
    }
    return 0;
  }

  @Test
  void rawBytesStayValidAfterLaterLinesAreRead() throws IOException {
    byte[] content = GeneratedLines.file(new Random(5), 3000);
    Path file = Files.write(dir.resolve("qa_passed.jsonl"), content);
    List<SourceLine> kept = new ArrayList<>();
    try (PairReader reader = new JsonlQaPairSource(LIMIT, new Parallelism(2, 0, 1000)).open(file)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        kept.add(line);
      }
    }
    List<String> late = kept.stream().map(ReadOutcome::describe).collect(Collectors.toList());
    List<String> sequential =
        ReadOutcome.of(new JsonlQaPairSource(LIMIT, Parallelism.SEQUENTIAL), file);
    assertEquals(sequential.subList(0, sequential.size() - 1), late);
  }

  @Test
  void closingMidFileStopsEveryThreadAndAnotherNextFails() throws Exception {
    byte[] content = GeneratedLines.file(new Random(11), 20_000);
    Path file = Files.write(dir.resolve("qa_passed.jsonl"), content);
    for (int threads : new int[] {0, 1, 3}) {
      PairReader reader =
          new JsonlQaPairSource(LIMIT, new Parallelism(threads, 0, 2048)).open(file);
      assertNotNull(reader.next());
      assertNotNull(reader.next());
      assertTrue(!liveReaderThreads().isEmpty(), "the reader's threads run");
      reader.close();
      assertEquals(Set.of(), readerThreads(), threads + " decoder threads");
      assertInstanceOf(IOException.class, assertThrowsOnNext(reader));
    }
  }

  @Test
  void closingFromAnotherThreadEndsAReadingThatWaitsForLines() throws Exception {
    byte[] content = GeneratedLines.file(new Random(12), 20_000);
    Path file = Files.write(dir.resolve("qa_passed.jsonl"), content);
    PairReader reader = new JsonlQaPairSource(LIMIT, new Parallelism(1, 0, 512)).open(file);
    var ended = new CompletableFuture<Object>();
    Thread reading =
        new Thread(
            () -> {
              try {
                long lines = 0;
                while (reader.next() != null) {
                  lines++;
                }
                ended.complete(lines);
              } catch (Throwable e) {
                ended.complete(e);
              }
            });
    reading.start();
    while (reader.bytesRead() == 0 && reading.isAlive()) {
      Thread.sleep(1);
    }
    reader.close();
    reading.join(10_000);
    assertTrue(!reading.isAlive(), "the reading thread ended");
    Object outcome = ended.get();
    assertTrue(outcome instanceof IOException || outcome instanceof Long, "ended with " + outcome);
    assertEquals(Set.of(), readerThreads());
  }

  @Test
  void aReaderClosedBeforeItsFirstLineStartsNoThread() throws Exception {
    Path file =
        Files.write(dir.resolve("qa_passed.jsonl"), GeneratedLines.file(new Random(3), 100));
    PairReader reader = new JsonlQaPairSource(LIMIT, new Parallelism(2, 0, 64)).open(file);
    assertEquals(Set.of(), readerThreads());
    reader.close();
  }

  @Test
  void smallFilesAndOneCoreReadOnOneThread() throws Exception {
    Path file =
        Files.write(dir.resolve("qa_passed.jsonl"), GeneratedLines.file(new Random(3), 100));
    for (Parallelism parallelism :
        List.of(Parallelism.SEQUENTIAL, new Parallelism(2, Files.size(file) + 1, 64))) {
      try (PairReader reader = new JsonlQaPairSource(LIMIT, parallelism).open(file)) {
        assertNotNull(reader.next());
        assertEquals(Set.of(), readerThreads(), parallelism.toString());
      }
    }
  }

  @Test
  void oneCoreReadsOnOneThreadAndTwoReadLargeOrUnsizedInputsInParallel() {
    assertTrue(!Parallelism.forCores(1).worthIt(-1));
    assertTrue(!Parallelism.forCores(1).worthIt(1L << 30));
    assertTrue(!Parallelism.forCores(2).worthIt(1 << 20), "a small file");
    assertTrue(Parallelism.forCores(2).worthIt(64L << 20));
    assertTrue(Parallelism.forCores(2).worthIt(-1), "compressed or a pipe: size unknown");
  }

  private static Throwable assertThrowsOnNext(PairReader reader) {
    try {
      reader.next();
    } catch (Throwable thrown) {
      return thrown;
    }
    throw new AssertionError("next() after close() returned");
  }

  private static Set<String> liveReaderThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("qa-export-split") || n.startsWith("qa-export-decode"))
        .collect(Collectors.toSet());
  }

  /** The threads of any parallel reader, after waiting briefly for ones that are ending. */
  private static Set<String> readerThreads() throws InterruptedException {
    Set<String> names = Set.of();
    for (int attempt = 0; attempt < 50; attempt++) {
      names = liveReaderThreads();
      if (names.isEmpty()) {
        return names;
      }
      Thread.sleep(10);
    }
    return names;
  }
}
