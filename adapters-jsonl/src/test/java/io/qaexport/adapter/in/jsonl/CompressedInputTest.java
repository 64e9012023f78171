package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airlift.compress.zstd.ZstdOutputStream;
import io.qaexport.application.port.out.CorruptInputException;
import io.qaexport.application.port.out.PairReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressedInputTest {
  private static final String LINES =
      "{\"question\": \"första\"}\n\n{\"question\": 5}\n"
          + "{\"question\": \"fjärde\", \"answer\": \""
          + "lång ".repeat(20_000)
          + "\"}\n";

  @TempDir Path dir;
  private final JsonlQaPairSource source = new JsonlQaPairSource(1 << 20);

  static byte[] compress(Decompression kind, byte[] plain) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (OutputStream out =
        switch (kind) {
          case GZIP -> new GZIPOutputStream(bytes);
          case ZSTD -> new ZstdOutputStream(bytes);
          case BZIP2 -> new BZip2CompressorOutputStream(bytes);
          case XZ -> new XZCompressorOutputStream(bytes);
          default -> bytes;
        }) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  private Path file(byte[] content) throws IOException {
    // The name says nothing of the compression: only the bytes tell.
    return Files.write(dir.resolve("qa_passed.jsonl"), content);
  }

  @ParameterizedTest
  @EnumSource(Decompression.class)
  void eachCompressionIsReadByItsFirstBytesWithLinesNumberedInTheDecompressedText(
      Decompression kind) throws IOException {
    Path file = file(compress(kind, LINES.getBytes(StandardCharsets.UTF_8)));

    RecordedLines lines = RecordedLines.read(source, file);

    assertEquals(List.of("1:pair", "2:blank", "3:invalid", "4:pair"), lines.events);
    assertEquals("första", lines.pairs.get(0).question().toString());
    assertEquals("{\"question\": 5}", lines.invalid.get(0).rawText());
    assertEquals(100_000, lines.pairs.get(1).answer().toString().length());
  }

  @ParameterizedTest
  @EnumSource(Decompression.class)
  void progressCountsDecompressedBytesAndOnlyAPlainFileHasAKnownSize(Decompression kind)
      throws IOException {
    byte[] plain = LINES.getBytes(StandardCharsets.UTF_8);
    Path file = file(compress(kind, plain));

    try (PairReader reader = source.open(file)) {
      while (reader.next() != null) {
        // read to the end
      }
      assertEquals(plain.length, reader.bytesRead());
      assertEquals(kind == Decompression.NONE ? plain.length : -1, reader.sizeBytes());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Decompression.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void aTruncatedCompressedFileIsCorruptInputNamingTheCompression(Decompression kind)
      throws IOException {
    byte[] whole = compress(kind, LINES.getBytes(StandardCharsets.UTF_8));
    Path file = file(Arrays.copyOf(whole, whole.length / 2));

    CorruptInputException e =
        assertThrows(CorruptInputException.class, () -> RecordedLines.read(source, file));
    assertTrue(
        e.getMessage().startsWith("the " + kind.label() + " data is corrupt or truncated"),
        e.getMessage());
  }

  @Test
  void aGzipFileWithDamagedDataIsCorruptInput() throws IOException {
    byte[] whole = compress(Decompression.GZIP, LINES.getBytes(StandardCharsets.UTF_8));
    for (int i = 20; i < 60; i++) {
      whole[i] ^= 0x5a;
    }
    Path file = file(whole);

    IOException e = assertThrows(IOException.class, () -> RecordedLines.read(source, file));
    assertInstanceOf(CorruptInputException.class, e);
  }

  @Test
  void concatenatedGzipMembersAreReadAsOneStreamAsGunzipDoes() throws IOException {
    var both = new ByteArrayOutputStream();
    both.writeBytes(
        compress(Decompression.GZIP, "{\"question\": \"a\"}\n".getBytes(StandardCharsets.UTF_8)));
    both.writeBytes(
        compress(Decompression.GZIP, "{\"question\": \"b\"}\n".getBytes(StandardCharsets.UTF_8)));

    RecordedLines lines = RecordedLines.read(source, file(both.toByteArray()));

    assertEquals(List.of("1:pair", "2:pair"), lines.events);
  }

  /**
   * Bytes after the last member or stream that are not one: gzip -t calls them trailing garbage.
   */
  @ParameterizedTest
  @EnumSource(
      value = Decompression.class,
      names = {"GZIP", "BZIP2", "XZ", "ZSTD"})
  void bytesAfterTheCompressedDataAreCorruptInputNotDroppedLines(Decompression kind)
      throws IOException {
    var content = new ByteArrayOutputStream();
    content.writeBytes(compress(kind, manyLines(3).getBytes(StandardCharsets.UTF_8)));
    content.writeBytes("{\"question\": \"appended\"}\n".getBytes(StandardCharsets.UTF_8));
    Path file = file(content.toByteArray());

    CorruptInputException e =
        assertThrows(CorruptInputException.class, () -> RecordedLines.read(source, file));
    assertTrue(e.getMessage().startsWith("the " + kind.label() + " data is corrupt"));
  }

  /**
   * The lines decoded before a failure are all handed out first, however large the read that struck
   * it: the error's line number is the first line the decoder could not give.
   */
  @ParameterizedTest
  @EnumSource(
      value = Decompression.class,
      names = {"GZIP", "BZIP2"})
  void everyLineBeforeTrailingGarbageIsReadBeforeTheFailure(Decompression kind) throws IOException {
    var content = new ByteArrayOutputStream();
    content.writeBytes(compress(kind, manyLines(5_000).getBytes(StandardCharsets.UTF_8)));
    content.writeBytes("junk\n".getBytes(StandardCharsets.UTF_8));
    Path file = file(content.toByteArray());

    var recorded = new RecordedLines();
    try (PairReader reader = source.open(file)) {
      assertThrows(CorruptInputException.class, () -> recorded.addAll(reader));
    }
    assertEquals(5_000, recorded.pairs.size());
  }

  private static String manyLines(int count) {
    var lines = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      lines.append("{\"question\": \"fråga ").append(i).append("\"}\n");
    }
    return lines.toString();
  }

  @Test
  void aPlainFileStartingLikeNoMagicIsReadAsIs() throws IOException {
    RecordedLines lines = RecordedLines.read(source, file("B".getBytes(StandardCharsets.UTF_8)));

    assertEquals(List.of("1:invalid"), lines.events);
  }
}
