package io.qaexport.adapter.out.jsonl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlRecordWriterTest {
  @TempDir Path dir;
  private final JsonlOutputFormat format = new JsonlOutputFormat();

  private String write(RecordShape shape, HfRecord... records) throws IOException {
    Path file = dir.resolve("out.jsonl");
    try (var writer = format.open(file, shape)) {
      for (HfRecord record : records) {
        writer.write(record);
      }
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static HfRecord passed(String question, double score) {
    return new HfRecord(question, "svar", "doc.md", "underskoterska/nyanstald", score, null);
  }

  @Test
  void writesColumnsInOrderOneObjectPerLineEachEndingInNewline() throws IOException {
    String text = write(RecordShape.PASSED, passed("Hur?", 0.86), passed("Var?", 0.5));

    assertEquals(
        "{\"question\":\"Hur?\",\"answer\":\"svar\",\"source\":\"doc.md\","
            + "\"persona\":\"underskoterska/nyanstald\",\"validation_score\":0.86}\n"
            + "{\"question\":\"Var?\",\"answer\":\"svar\",\"source\":\"doc.md\","
            + "\"persona\":\"underskoterska/nyanstald\",\"validation_score\":0.5}\n",
        text);
  }

  @Test
  void rejectedRecordsEndWithTheFailureReason() throws IOException {
    String text =
        write(
            RecordShape.REJECTED,
            new HfRecord("q", "a", "s", "unknown", 0.2, "Svaret stöds inte av källan"));

    assertEquals(
        "{\"question\":\"q\",\"answer\":\"a\",\"source\":\"s\",\"persona\":\"unknown\","
            + "\"validation_score\":0.2,\"failure_reason\":\"Svaret stöds inte av källan\"}\n",
        text);
  }

  @Test
  void scoresAreAlwaysFloatingPointLiterals() throws IOException {
    String text =
        write(
            RecordShape.PASSED,
            passed("a", 1.0),
            passed("b", 0.0),
            passed("c", -0.0),
            passed("d", 1e-7),
            passed("e", 123456789.0),
            passed("f", 0.1 + 0.2));

    List<String> scores =
        text.lines()
            .map(
                line ->
                    line.substring(line.indexOf("\"validation_score\":") + 19, line.length() - 1))
            .toList();
    assertEquals(
        List.of("1.0", "0.0", "-0.0", "1.0E-7", "1.23456789E8", "0.30000000000000004"), scores);
  }

  @Test
  void textIsWrittenAsRawUtf8WithOnlyWhatJsonRequiresEscaped() throws IOException {
    String question =
        "Får jag äta? 😀👩‍⚕️🇸🇪 e\u0301 \u2028\u2029 \"citat\" C:\\väg\\ / <b>&"
            + " tab\there\nny rad\r \u0001\u001f \u007f \uFEFF";

    String text = write(RecordShape.PASSED, passed(question, 0.5));

    String expectedQuestion =
        "Får jag äta? 😀👩‍⚕️🇸🇪 e\u0301 \u2028\u2029 \\\"citat\\\""
            + " C:\\\\väg\\\\ / <b>& tab\\there\\nny rad\\r \\u0001\\u001F \u007f \uFEFF";
    assertEquals(
        "{\"question\":\"" + expectedQuestion + "\",",
        text.substring(0, text.indexOf("\"answer\"")));
  }

  @Test
  void theFileIsUtf8WithoutAByteOrderMark() throws IOException {
    write(RecordShape.PASSED, passed("å", 1.0));
    byte[] bytes = Files.readAllBytes(dir.resolve("out.jsonl"));
    assertArrayEquals(new byte[] {'{', '"'}, new byte[] {bytes[0], bytes[1]});
    assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0xA5}, new byte[] {bytes[13], bytes[14]});
  }

  @Test
  void aRecordsLineDependsOnItsValuesAloneNotOnWhatCameBefore() throws IOException {
    String both = write(RecordShape.PASSED, passed("😀 å", 0.25), passed("b", 1.0));
    String first = write(RecordShape.PASSED, passed("😀 å", 0.25));
    String second = write(RecordShape.PASSED, passed("b", 1.0));
    assertEquals(first + second, both);
  }

  @Test
  void aRecordOfTheOtherShapeIsABug() throws IOException {
    try (var writer = format.open(dir.resolve("x.jsonl"), RecordShape.PASSED)) {
      assertThrows(
          IllegalArgumentException.class,
          () -> writer.write(new HfRecord("q", "a", "s", "p", 0.1, "reason")));
    }
  }
}
