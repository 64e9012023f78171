package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.qaexport.application.port.out.InvalidReferenceException;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Parquet reference reader on the files it meets: pyarrow's and HuggingFace datasets' in every
 * variant (committed, with the script that wrote them: {@code references/make_references.py}),
 * qa-export's own output, and files that are not what they claim, which end with an {@link
 * InvalidReferenceException} saying why, never with another exception.
 */
class ParquetQuestionReaderTest {
  /** {@code make_references.py}'s rows: ROWS of them, the question of row i+1 is question(i). */
  private static final int ROWS = 900;

  private static final List<String> BASES =
      List.of(
          "Hur ofta ska jag byta handskar?",
          "Vad gör jag om vårdtagaren har ramlat? \uD83D\uDC69\u200D\u2695\uFE0F",
          "Får jag krossa tabletter?\nNej.",
          "e\u0301 \u2028 tab\there");

  @TempDir Path dir;

  private static String question(int i) {
    return BASES.get(i % BASES.size()) + " #" + (i % 500);
  }

  private static Path reference(String name) throws URISyntaxException {
    return Path.of(ParquetQuestionReaderTest.class.getResource("references/" + name).toURI());
  }

  /** Every question read from {@code file}, asserting that rows are numbered 1, 2, 3, ... */
  private static List<String> questions(Path file) throws IOException {
    List<String> questions = new ArrayList<>();
    new ParquetQuestionReader()
        .read(
            file,
            (row, question) -> {
              assertEquals(questions.size() + 1, row);
              questions.add(question);
            });
    return questions;
  }

  private static String refusal(Path file) {
    return assertThrows(InvalidReferenceException.class, () -> questions(file)).getMessage();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dict_snappy_v1.parquet",
        "dict_zstd_v2.parquet",
        "plain_gzip_v1.parquet",
        "plain_none_v2.parquet",
        "large_string_lz4.parquet",
        "dict_fallback_zstd.parquet",
        "delta_byte_array_v2.parquet",
        "delta_length_v1.parquet",
        "checksummed_snappy.parquet",
        "required_question.parquet",
        "hf_datasets.parquet"
      })
  void everyPyarrowVariantGivesEachRowsQuestionInOrder(String name) throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      expected.add(question(i));
    }

    assertEquals(expected, questions(reference(name)));
  }

  @ParameterizedTest
  @EnumSource(ParquetCompression.class)
  void qaExportsOwnOutputIsReadAcrossManyRowGroups(ParquetCompression codec) throws IOException {
    Path file = dir.resolve("qa_pairs.parquet");
    List<String> written = new ArrayList<>();
    try (var writer = new ParquetRecordWriter(file, RecordShape.PASSED, codec, 8 << 10)) {
      for (int i = 0; i < 3000; i++) {
        written.add(question(i) + " " + i);
        writer.write(new HfRecord(written.get(i), "svar", "a.md", "p", 0.5, null));
      }
    }
    assertTrue(DuckDb.rowGroups(file).size() > 5, "row groups: " + DuckDb.rowGroups(file));

    assertEquals(written, questions(file));
  }

  @Test
  void aNullQuestionComesAsNullAtItsRow() throws Exception {
    assertEquals(Arrays.asList("a", "b", null, "d"), questions(reference("null_question.parquet")));
  }

  @Test
  void aFileWithoutRowsGivesNoQuestions() throws Exception {
    assertEquals(List.of(), questions(reference("empty.parquet")));
  }

  @Test
  void aFileWithoutAQuestionColumnNamesTheColumnsItHas() throws Exception {
    assertEquals(
        "no question column; its columns: [id, Question, context]",
        refusal(reference("no_question.parquet")));
  }

  @Test
  void aQuestionColumnOfAnotherTypeIsNamedByItsType() throws Exception {
    assertEquals(
        "the question column holds int64, not strings", refusal(reference("int_question.parquet")));
    assertEquals(
        "the question column holds list, not strings", refusal(reference("list_question.parquet")));
    assertEquals(
        "the question column holds binary, not strings",
        refusal(reference("binary_question.parquet")));
  }

  @Test
  void aQuestionThatIsNotUtf8NamesItsRow() throws Exception {
    assertEquals("row 3: the question is not UTF-8 text", refusal(reference("not_utf8.parquet")));
  }

  @Test
  void aCodecWithoutAPureJavaDecoderIsNamed() throws Exception {
    String message = refusal(reference("brotli_question.parquet"));

    assertTrue(message.startsWith("its questions are compressed with BROTLI"), message);
  }

  @Test
  void aFileThatIsNotParquetSaysSo() throws IOException {
    Path json =
        Files.writeString(
            dir.resolve("eval.parquet"),
            "{\"question\": \"Hur ofta ska jag byta handskar?\"}\n",
            StandardCharsets.UTF_8);
    Path tiny = Files.write(dir.resolve("tiny.parquet"), new byte[] {'P', 'A', 'R', '1'});

    assertEquals("not a Parquet file (it does not start with PAR1)", refusal(json));
    assertEquals("not a Parquet file (4 bytes, too short for one)", refusal(tiny));
  }

  @Test
  void aFileCutShortAnywhereIsRefusedAsNotWhole() throws Exception {
    byte[] whole = Files.readAllBytes(reference("dict_zstd_v2.parquet"));
    Path cut = dir.resolve("cut.parquet");
    // Through the pages in steps, then every length that cuts the footer or its tail.
    for (int length = 12; length < whole.length; length += length < whole.length - 600 ? 97 : 1) {
      Files.write(cut, Arrays.copyOf(whole, length));

      String message = refusal(cut);

      assertTrue(message.startsWith("not a whole Parquet file"), length + ": " + message);
    }
  }

  @Test
  void aFooterThatIsNotThriftOrLongerThanTheFileIsCorrupt() throws Exception {
    byte[] bytes = Files.readAllBytes(reference("dict_snappy_v1.parquet"));
    int length =
        ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    byte[] garbled = bytes.clone();
    Arrays.fill(garbled, garbled.length - 8 - length, garbled.length - 8, (byte) 0xff);
    byte[] tooLong = bytes.clone();
    ByteBuffer.wrap(tooLong, tooLong.length - 8, 4)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(bytes.length);

    String notThrift = refusal(Files.write(dir.resolve("garbled.parquet"), garbled));
    String outside = refusal(Files.write(dir.resolve("long.parquet"), tooLong));

    assertTrue(notThrift.startsWith("a corrupt Parquet footer: "), notThrift);
    assertEquals(
        "a corrupt Parquet footer ("
            + bytes.length
            + " bytes long, in a file of "
            + bytes.length
            + ")",
        outside);
  }

  @Test
  void aPageWhoseBytesDoNotMatchItsChecksumIsRefused() throws Exception {
    byte[] bytes = Files.readAllBytes(reference("checksummed_snappy.parquet"));
    // The first bytes of the question column's dictionary page: the start of the first value.
    int page = indexOf(bytes, "Hur ofta".getBytes(StandardCharsets.UTF_8));
    assertTrue(page > 0, "snappy leaves the first literal as it is");
    bytes[page] ^= 1;

    assertEquals(
        "a page whose bytes do not match its checksum",
        refusal(Files.write(dir.resolve("flipped.parquet"), bytes)));
  }

  /**
   * A byte changed anywhere (footer, page headers, compressed data, values) is either still a
   * readable file or refused as invalid: never another exception, a hang or a huge allocation.
   * Every byte of a small file; for larger ones a fixed sample of 300.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"null_question.parquet", "dict_snappy_v1.parquet", "plain_none_v2.parquet"})
  void aChangedByteAnywhereIsReadOrRefusedNeverAnotherFailure(String name) throws Exception {
    byte[] bytes = Files.readAllBytes(reference(name));
    Path changed = dir.resolve("changed.parquet");
    Random random = new Random(name.hashCode());
    int changes = Math.min(bytes.length, 300);
    for (int i = 0; i < changes; i++) {
      int at = changes == bytes.length ? i : random.nextInt(bytes.length);
      byte[] copy = bytes.clone();
      copy[at] ^= (byte) (i % 2 == 0 ? 0xff : 1 << (i % 8));
      Files.write(changed, copy);
      try {
        new ParquetQuestionReader().read(changed, (row, question) -> {});
      } catch (InvalidReferenceException refused) {
        // fine: said why
      } catch (Exception | Error e) {
        fail("byte " + at + " of " + name + " changed: " + e, e);
      }
    }
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
