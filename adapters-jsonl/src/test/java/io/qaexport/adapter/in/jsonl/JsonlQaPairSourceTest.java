package io.qaexport.adapter.in.jsonl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonlQaPairSourceTest {
  private static final String FULL =
      "{\"question\": \"Hur ofta ska jag byta handskar?\", \"answer\": \"Mellan varje vårdtagare.\","
          + " \"citations\": [{\"document\": \"rutiner/handtvatt.md\", \"section\": \"Handskar\"}],"
          + " \"coverage\": \"full\", \"confidence\": 0.9,"
          + " \"source_document\": \"rutiner/handtvatt.md\", \"section\": \"Handskar\","
          + " \"persona\": {\"situation\": \"natt\", \"roll\": \"underskoterska\","
          + " \"extra\": {\"deep\": [1, {\"x\": null}]}, \"erfarenhet\": \"nyanstald\"},"
          + " \"validation\": {\"passed\": true, \"source_verification\": {\"is_grounded\": true,"
          + " \"ungrounded_claims\": []}, \"composite_score\": 0.86, \"failure_reason\": null}}";

  @TempDir Path dir;
  private final JsonlQaPairSource source = new JsonlQaPairSource(1 << 20);

  private RecordedLines read(byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("in.jsonl"), content);
    return RecordedLines.read(source, file);
  }

  private RecordedLines read(String content) throws IOException {
    return read(content.getBytes(StandardCharsets.UTF_8));
  }

  private RecordedLines.Invalid onlyInvalid(String line) throws IOException {
    RecordedLines handler = read(line + "\n");
    assertEquals(List.of("1:invalid"), handler.events);
    return handler.invalid.get(0);
  }

  @Test
  void readsTheMappedFieldsOfThePipelineShapeAndSkipsTheRest() throws IOException {
    RecordedLines handler = read(FULL + "\n");

    assertEquals(
        List.of(
            new QaPair(
                "Hur ofta ska jag byta handskar?",
                "Mellan varje vårdtagare.",
                "rutiner/handtvatt.md",
                new Persona.Profile("underskoterska", "nyanstald"),
                0.86,
                null)),
        handler.pairs);
  }

  @Test
  void toleratesByteOrderMarkCrlfBlankLinesAndAMissingFinalNewline() throws IOException {
    var bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes(
        ("{\"question\": \"a\"}\r\n\r\n  \t \n\n{\"question\": \"b\"}")
            .getBytes(StandardCharsets.UTF_8));

    RecordedLines handler = read(bytes.toByteArray());

    assertEquals(List.of("1:pair", "2:blank", "3:blank", "4:blank", "5:pair"), handler.events);
    assertEquals("a", handler.pairs.get(0).question().toString());
    assertEquals("b", handler.pairs.get(1).question().toString());
  }

  @Test
  void aByteOrderMarkAfterTheFirstLineIsInvalid() throws IOException {
    var bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\"question\": \"a\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes("{\"question\": \"b\"}\n".getBytes(StandardCharsets.UTF_8));

    RecordedLines handler = read(bytes.toByteArray());

    assertEquals(List.of("1:pair", "2:invalid"), handler.events);
    assertTrue(
        handler
            .invalid
            .get(0)
            .reason()
            .startsWith("a byte-order mark (U+FEFF) is allowed" + " only at the start of the file"),
        handler.invalid.get(0).reason());
  }

  @Test
  void theTextsOfALongLineDoNotKeepTheWholeLine() throws IOException {
    String context = "c".repeat(100_000);
    RecordedLines lines =
        read(
            "{\"question\": \"kort\", \"context\": \""
                + context
                + "\", \"answer\": \""
                + "a".repeat(60_000)
                + "\"}\n{\"question\": \"liten\"}\n");

    var longLine = lines.pairs.get(0);
    assertEquals("kort", longLine.question().toString());
    assertEquals(4, longLine.question().array().length, "a copy, not a view of 160 KB");
    assertEquals(60_000, longLine.answer().array().length);
    var shortLine = lines.pairs.get(1);
    assertEquals("liten", shortLine.question().toString());
    assertTrue(
        shortLine.question().array().length > "liten".length(),
        "a short line's texts are views of it");
  }

  @Test
  void anEmptyFileHasNoLines() throws IOException {
    assertEquals(List.of(), read("").events);
  }

  @Test
  void missingAndNullFieldsStayNull() throws IOException {
    RecordedLines handler =
        read(
            "{}\n{\"question\": null, \"persona\": null,"
                + " \"validation\": null}\n{\"validation\": {}, \"persona\": {}}\n");

    assertEquals(new QaPair((String) null, null, null, null, null, null), handler.pairs.get(0));
    assertEquals(new QaPair((String) null, null, null, null, null, null), handler.pairs.get(1));
    assertEquals(
        new QaPair((String) null, null, null, new Persona.Profile(null, null), null, null),
        handler.pairs.get(2));
  }

  @Test
  void personaMayBeAStringAndScoresMayBeIntegersOrExponents() throws IOException {
    RecordedLines handler =
        read(
            "{\"persona\": \"anhörig\", \"validation\":"
                + " {\"composite_score\": 1}}\n{\"validation\": {\"composite_score\": 8.5e-1}}\n");

    assertEquals(new Persona.Label("anhörig"), handler.pairs.get(0).persona());
    assertEquals(1.0, handler.pairs.get(0).compositeScore());
    assertEquals(0.85, handler.pairs.get(1).compositeScore());
  }

  @Test
  void nonNumericScoresReachTheMappingAsNonFiniteDoubles() throws IOException {
    RecordedLines handler =
        read(
            "{\"validation\": {\"composite_score\": NaN}}\n"
                + "{\"validation\": {\"composite_score\": -Infinity}}\n");

    assertTrue(handler.pairs.get(0).compositeScore().isNaN());
    assertEquals(Double.NEGATIVE_INFINITY, handler.pairs.get(1).compositeScore());
  }

  @Test
  void escapesAndSupplementaryCharactersAreDecoded() throws IOException {
    RecordedLines handler =
        read("{\"question\": \"tab\\there \\u00e5 \\ud83d\\ude00 😀" + " e\u0301 \u2028\"}\n");

    assertEquals("tab\there å 😀 😀 e\u0301 \u2028", handler.pairs.get(0).question().toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      [1, 2]                                   | 1 | expected a JSON object, found an array
      "just text"                              | 1 | expected a JSON object, found a string
      42                                       | 1 | expected a JSON object, found a number
      null                                     | 1 | expected a JSON object, found null
      {"question": 5}                          | 14 | 'question' must be a string or null, found a number
      {"answer": ["a"]}                        | 12 | 'answer' must be a string or null, found an array
      {"source_document": true}                | 21 | 'source_document' must be a string or null, found a boolean
      {"persona": ["a"]}                       | 13 | 'persona' must be an object, a string or null, found an array
      {"persona": 3}                           | 13 | 'persona' must be an object, a string or null, found a number
      {"persona": {"roll": 1}}                 | 22 | 'persona.roll' must be a string or null, found a number
      {"persona": {"erfarenhet": {}}}          | 28 | 'persona.erfarenhet' must be a string or null, found an object
      {"validation": "passed"}                 | 16 | 'validation' must be an object or null, found a string
      {"validation": {"composite_score": "0.9"}} | 36 | 'validation.composite_score' must be a number or null, found a string
      {"validation": {"failure_reason": 0}}    | 35 | 'validation.failure_reason' must be a string or null, found a number
      {"a": 1} {"b": 2}                        | 10 | found an object after the JSON object
      """)
  void wrongShapesAndTypesAreReportedWithFieldAndColumn(String line, int column, String reason)
      throws IOException {
    RecordedLines.Invalid invalid = onlyInvalid(line.strip());

    assertEquals(reason.strip(), invalid.reason());
    assertEquals(column, invalid.column());
    assertEquals(line.strip(), invalid.rawText());
  }

  @Test
  void invalidJsonCarriesTheParsersReasonAndColumn() throws IOException {
    RecordedLines.Invalid invalid = onlyInvalid("{\"question\": \"a\",, }");

    assertTrue(
        invalid.reason().startsWith("invalid JSON: Unexpected character (','"), invalid.reason());
    assertEquals(18, invalid.column());
  }

  @Test
  void aTruncatedLastLineIsInvalidJson() throws IOException {
    RecordedLines handler = read(FULL + "\n" + FULL.substring(0, 60));

    assertEquals(List.of("1:pair", "2:invalid"), handler.events);
    assertTrue(
        handler.invalid.get(0).reason().contains("end-of-input"), handler.invalid.get(0).reason());
  }

  @Test
  void anUnclosedObjectIsNamedWithoutJacksonsRedactedSourceLocation() throws IOException {
    RecordedLines.Invalid invalid = onlyInvalid("{\"question\": \"a\", \"persona\": {}");

    assertEquals(
        "invalid JSON: Unexpected end-of-input: expected close marker for Object",
        invalid.reason());
  }

  @Test
  void duplicateMappedKeysInNestedObjectsAreInvalidButUnmappedOnesDoNotMatter() throws IOException {
    assertEquals(
        "duplicate key 'persona.roll': which of its values is meant is ambiguous",
        onlyInvalid("{\"persona\": {\"roll\": \"a\", \"roll\": \"b\"}}").reason());
    assertEquals(
        "duplicate key 'validation.composite_score': which of its values is meant is"
            + " ambiguous",
        onlyInvalid("{\"validation\": {\"composite_score\": 1," + " \"composite_score\": 2}}")
            .reason());
    RecordedLines handler = read("{\"coverage\": 1, \"coverage\": 2, \"question\": \"q\"}\n");
    assertEquals("q", handler.pairs.get(0).question().toString());
  }

  @Test
  void duplicateKeysAreInvalidRatherThanSilentlyResolved() throws IOException {
    RecordedLines.Invalid invalid = onlyInvalid("{\"question\": \"a\", \"question\": \"b\"}");
    assertTrue(
        invalid.reason().startsWith("duplicate key 'question': which of its values"),
        invalid.reason());
  }

  @Test
  void invalidUtf8IsReportedWithItsByteOffsetAndKeptVerbatim() throws IOException {
    byte[] line = {
      '{', '"', 'q', 'u', 'e', 's', 't', 'i', 'o', 'n', '"', ':', '"', 'h', (byte) 0xC3, '"', '}'
    };
    var content = new ByteArrayOutputStream();
    content.writeBytes("{}\n".getBytes(StandardCharsets.UTF_8));
    content.writeBytes(line);
    content.write('\n');

    RecordedLines handler = read(content.toByteArray());

    RecordedLines.Invalid invalid = handler.invalid.get(0);
    assertEquals(2, invalid.line());
    assertEquals("invalid UTF-8: byte 0xC3 at byte offset 14 of the line", invalid.reason());
    assertEquals(15, invalid.column());
    assertArrayEquals(line, invalid.raw());
  }

  @ParameterizedTest
  @CsvSource({
    "C0AF, overlong",
    "EDA080, encoded surrogate",
    "F4908080, above U+10FFFF",
    "FF, never valid",
    "80, stray continuation"
  })
  void everyKindOfMalformedUtf8IsCaught(String hex, String kind) throws IOException {
    byte[] bad = HexFormat.of().parseHex(hex);
    var content = new ByteArrayOutputStream();
    content.writeBytes("{\"question\": \"".getBytes(StandardCharsets.UTF_8));
    content.writeBytes(bad);
    content.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));

    RecordedLines handler = read(content.toByteArray());

    assertEquals(List.of("1:invalid"), handler.events, kind);
    assertTrue(handler.invalid.get(0).reason().startsWith("invalid UTF-8"), kind);
  }

  @Test
  void nulBytesAtTheStartAreInvalidJsonNotAnotherEncoding() throws IOException {
    // Found by fuzzing: Jackson took a leading NUL for UTF-16/32 and read "\0{\0}" as "{}".
    byte[][] lines = {{0, '{', 0, '}'}, {'{', 0, '}', 0}, {0, 0, 0, '{'}, {'{', 0, 0, 0}};
    var content = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      content.writeBytes(line);
      content.write('\n');
    }

    RecordedLines handler = read(content.toByteArray());

    assertEquals(List.of("1:invalid", "2:invalid", "3:invalid", "4:invalid"), handler.events);
    assertEquals(
        "invalid JSON: unexpected NUL character (code 0)", handler.invalid.get(0).reason());
    assertEquals(1, handler.invalid.get(0).column());
    assertEquals(2, handler.invalid.get(1).column());
  }

  @Test
  void aLoneSurrogateInAStringPersonaIsInvalidToo() throws IOException {
    RecordedLines.Invalid invalid = onlyInvalid("{\"persona\": \"anh\\udc00rig\"}");
    assertEquals(
        "'persona' holds a lone UTF-16 surrogate \\uDC00, which is not a character",
        invalid.reason());
  }

  @Test
  void aLoneSurrogateEscapeIsInvalid() throws IOException {
    RecordedLines.Invalid invalid = onlyInvalid("{\"answer\": \"x \\ud83d y\"}");
    assertEquals(
        "'answer' holds a lone UTF-16 surrogate \\uD83D, which is not a character",
        invalid.reason());
  }

  @Test
  void aLineOverTheLimitIsReportedAndReadingGoesOnAfterIt() throws IOException {
    var small = new JsonlQaPairSource(64);
    String longLine = "{\"question\": \"x" + "å".repeat(200) + "\"}";
    Path file =
        Files.writeString(
            dir.resolve("long.jsonl"),
            "{\"question\": \"a\"}\n" + longLine + "\n{\"question\": \"b\"}\n");
    RecordedLines handler = RecordedLines.read(small, file);

    assertEquals(List.of("1:pair", "2:invalid", "3:pair"), handler.events);
    assertEquals(
        "line is longer than the limit of 64 bytes (raise it with --max-line-bytes)",
        handler.invalid.get(0).reason());
    // Its start is logged, cut before the å that byte 64 would split: still UTF-8 text.
    assertEquals("{\"question\": \"x" + "å".repeat(24), handler.invalid.get(0).rawText());
    assertEquals("b", handler.pairs.get(1).question().toString());
  }

  @Test
  void whenALongLineStopsTheRunItIsTheLastLineAndItsRestIsNeverRead() throws IOException {
    var stopping =
        new JsonlQaPairSource(64, true, JsonlQaPairSource.Parallelism.fromMachine(), true);
    Path file =
        Files.writeString(
            dir.resolve("long.jsonl"),
            "{\"question\": \"a\"}\n{\"question\": \"" + "x".repeat(100) + "\"}\n{}\n");

    assertEquals(List.of("1:pair", "2:invalid"), RecordedLines.read(stopping, file).events);
    // An endless line: read to its end, it would never end.
    RecordedLines endless =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> RecordedLines.read(stopping, Path.of("/dev/zero")));
    assertEquals(List.of("1:invalid"), endless.events);
    assertEquals(
        "line is longer than the limit of 64 bytes (raise it with --max-line-bytes)",
        endless.invalid.get(0).reason());
  }

  @Test
  void lineNumbersStayRightAcrossBufferRefills() throws IOException {
    var content = new StringBuilder();
    int lines = 30_000;
    for (int i = 0; i < lines; i++) {
      content
          .append(i % 7 == 0 ? "   " : "{\"question\": \"q" + i + " " + "x".repeat(i % 50) + "\"}")
          .append(i % 3 == 0 ? "\r\n" : "\n");
    }

    RecordedLines handler = read(content.toString());

    assertEquals(lines, handler.events.size());
    assertEquals("30000:pair", handler.events.get(lines - 1));
    assertEquals(
        "q29999 " + "x".repeat(29999 % 50),
        handler.pairs.get(handler.pairs.size() - 1).question().toString());
  }

  @Test
  void aMissingFileIsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> source.open(dir.resolve("absent.jsonl")));
  }

  @Test
  void surrogatePairsAreNotLone() {
    assertEquals(-1, PairParser.loneSurrogateIndex("a😀b"));
    assertEquals(1, PairParser.loneSurrogateIndex("a\uDE00b"));
    assertEquals(1, PairParser.loneSurrogateIndex("a\uD83D"));
  }

  @Test
  void persona_null_parts_are_null() throws IOException {
    RecordedLines handler = read("{\"persona\": {\"roll\": null, \"erfarenhet\": \"erfaren\"}}");
    var profile = (Persona.Profile) handler.pairs.get(0).persona();
    assertNull(profile.roll());
    assertEquals("erfaren", profile.erfarenhet());
  }

  @Test
  void passedPairsAreNotRejectedForTheTypeOfAFailureReasonTheyNeverExport() throws IOException {
    String line =
        "{\"question\":\"q\",\"validation\":{\"composite_score\":0.9," + "\"failure_reason\":5}}\n";
    Path file = Files.writeString(dir.resolve("passed.jsonl"), line);

    var passed = new RecordedLines();
    var rejected = new RecordedLines();
    try (var reader = source.open(file, io.qaexport.domain.RecordShape.PASSED)) {
      passed.addAll(reader);
    }
    try (var reader = source.open(file, io.qaexport.domain.RecordShape.REJECTED)) {
      rejected.addAll(reader);
    }

    assertEquals(List.of("1:pair"), passed.events);
    assertEquals(0.9, passed.pairs.get(0).compositeScore());
    assertEquals(List.of("1:invalid"), rejected.events);
    assertEquals(
        "'validation.failure_reason' must be a string or null, found a number",
        rejected.invalid.get(0).reason());
  }

  @Test
  void validJsonInFieldsNotReadIsAcceptedWithinTheLineLimit() throws IOException {
    String longNumber = "1" + "0".repeat(5000);
    String longKey = "k".repeat(60_000);
    String deep = "[".repeat(2000) + "]".repeat(2000);
    RecordedLines handler =
        read(
            "{\"confidence\": "
                + longNumber
                + ", \"question\": \"q\"}\n"
                + "{\""
                + longKey
                + "\": 1, \"question\": \"q\"}\n"
                + "{\"citations\": "
                + deep
                + ", \"question\": \"q\"}\n"
                + "{\"validation\": {\"composite_score\": 0."
                + "5".repeat(3000)
                + "}}\n");

    assertEquals(List.of("1:pair", "2:pair", "3:pair", "4:pair"), handler.events);
    assertEquals(0.5555555555555556, handler.pairs.get(3).compositeScore());
  }

  @Test
  void theColumnAfterALoneCarriageReturnInsideTheLineCountsItsBytes() throws IOException {
    RecordedLines.Invalid invalid = onlyInvalid("{\"category\":\"x\",\r\"question\":5}");

    assertEquals(29, invalid.column());
    assertEquals("'question' must be a string or null, found a number", invalid.reason());
  }

  @Test
  void aSecondByteOrderMarkAtTheStartIsInvalidLikeALaterOne() throws IOException {
    var bytes = new ByteArrayOutputStream();
    bytes.write(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes("{\"question\": \"a\"}\n".getBytes(StandardCharsets.UTF_8));

    RecordedLines handler = read(bytes.toByteArray());

    assertEquals(List.of("1:invalid"), handler.events);
    assertEquals(
        "a second byte-order mark (U+FEFF): one is allowed, at the start of the file",
        handler.invalid.get(0).reason());
  }

  @Test
  void plusInfinityIsInvalidJsonEvenInAFieldNotRead() throws IOException {
    RecordedLines.Invalid invalid = onlyInvalid("{\"confidence\": +Infinity, \"question\": \"q\"}");
    assertEquals(
        "invalid JSON: +Infinity is not a number (JSON numbers take no plus sign)",
        invalid.reason());
    assertEquals(16, invalid.column());

    RecordedLines handler = read("{\"confidence\": -Infinity, \"answer\": \"C+Infinity\"}\n");
    assertEquals(List.of("1:pair"), handler.events);
  }

  @Test
  void infWordsArePythonsOnlyInvalidJsonWhereverTheyStand() throws IOException {
    // Jackson reads +INF and -INF as numbers; Python's json reads neither, so neither may pass.
    RecordedLines.Invalid plus = onlyInvalid("{\"question\": \"q\", \"meta\": {\"x\": +INF}}");
    assertEquals(
        "invalid JSON: +INF is not a number (write Infinity, which Python's json reads)",
        plus.reason());
    assertEquals(33, plus.column());
    RecordedLines.Invalid minus =
        onlyInvalid("{\"question\": \"q\", \"validation\": {\"composite_score\": -INF}}");
    assertEquals(
        "invalid JSON: -INF is not a number (write -Infinity, which Python's json reads)",
        minus.reason());
    assertEquals(53, minus.column());

    RecordedLines handler =
        read("{\"question\": \"-INF +INF\", \"a\": [NaN, Infinity, -Infinity], \"-INF\": 1}\n");
    assertEquals(List.of("1:pair"), handler.events);
  }

  @Test
  void syntaxMessagesNameNoneOfJacksonsSettings() throws IOException {
    List<String> lines =
        List.of(
            "{\"question\": \"q\", \"a\": [1, 2}",
            "{\"question\": \"q\", \"a\": {\"b\": 1]}",
            "{\"question\": \"q\", \"a\": +1}",
            "{\"question\": \"q\", \"a\": x}",
            "{\"question\": \"q\", \"a\": /* c */ 1}",
            "{\"question\": \"q\", \"a\": 0x10}",
            "{\"question\": \"q\", \"a\": .5}",
            "{\"question\": \"q\", \"a\": \"" + (char) 0x1E + "\"}",
            "{\"question\": \"q\"," + (char) 0x1E + "\"a\": 1}",
            "{\"question\": \"q\"");
    for (String line : lines) {
      String reason = onlyInvalid(line).reason();
      assertTrue(reason.startsWith("invalid JSON: "), reason);
      for (String jacksonWord : List.of("Feature", "REDACTED", "`", "Source:", "INF'", "enabl")) {
        assertFalse(reason.contains(jacksonWord), line + " -> " + reason);
      }
    }
  }

  @Test
  void theCrOfACrlfLineEndNeitherCountsTowardTheLimitNorStaysInTheRawLine() throws IOException {
    String line = "{\"question\": \"" + "x".repeat(48) + "\"}"; // 64 bytes
    assertEquals(64, line.length());
    var small = new JsonlQaPairSource(64);
    Path file = Files.writeString(dir.resolve("crlf.jsonl"), line + "\r\n{\"question\": 5}\r\n");

    RecordedLines handler = RecordedLines.read(small, file);

    assertEquals(List.of("1:pair", "2:invalid"), handler.events);
    assertEquals("{\"question\": 5}", handler.invalid.get(0).rawText());
  }
}
