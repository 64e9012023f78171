package io.qaexport.adapter.in.jsonl;

import static io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind.ARRAY;
import static io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind.FALSE;
import static io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind.FLOAT;
import static io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind.INTEGER;
import static io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind.NULL;
import static io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind.OBJECT;
import static io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind.STRING;
import static io.qaexport.adapter.in.jsonl.JsonLineScanner.Kind.TRUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.adapter.in.jsonl.JacksonLineReference.Outcome;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * The scanner's verdict and findings, line by line. Every line here is also checked against Jackson
 * ({@link JacksonLineReference}) with the reader's factory, one with tiny limits and one without
 * NaN, so each expectation written here is Jackson's too.
 */
class JsonLineScannerTest {
  private static final List<String> PATHS =
      List.of(
          "question",
          "answer",
          "source_document",
          "persona",
          "persona.roll",
          "persona.erfarenhet",
          "validation",
          "validation.composite_score",
          "validation.failure_reason",
          "metadata.tags",
          "a",
          "a.b",
          "a.b.c");

  private static final JsonFactory PRODUCT = JacksonLineReference.productFactory(1 << 20);
  private static final JsonFactory TIGHT = JacksonLineReference.tightFactory();
  private static final JsonFactory STRICT = JacksonLineReference.strictFactory();

  private final JsonLineScanner scanner = new JsonLineScanner(PRODUCT, PATHS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        " \t{ } \r",
        "\n{}\n",
        "{\"a\":1}",
        "{ \"a\" : 1 , \"b\" : [ ] }",
        "\"text\"",
        "1",
        "-0",
        "0",
        "0.5",
        "-0.0e-00",
        "1e5",
        "1E+5",
        "123456789012345678901234567890",
        "true",
        "false",
        "null",
        "NaN",
        "Infinity",
        "-Infinity",
        "+Infinity",
        "-INF",
        "+INF",
        "[NaN,-INF,+INF,Infinity]",
        "[1,[2,[3,{\"x\":{}}]],\"s\"]",
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e5 \\u00C5 \\uD83D\\uDE00\"",
        "\"lone \\uD800 and \\uDC00 surrogates are text in a value\"",
        "{\"\\uD83D\\uDE00\":1}",
        "{\"a\\u0000\":1}",
        "\"\u007f DEL is no control character\"",
        "\"åäö ÅÄÖ € 😀\"",
        "{\"åäö\":\"ö\"}",
      })
  void acceptsWhatJacksonAccepts(String line) {
    assertValid(line);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "}",
        "[",
        "{}}",
        "[]]",
        "{]",
        "[}",
        "{} {}",
        "{}{}",
        "1 2",
        "{}x",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{,}",
        "[1,]",
        "[,1]",
        "[1 2]",
        "{'a':1}",
        "{a:1}",
        "{\"a\":1 \"b\":2}",
        "01",
        "-01",
        "00",
        "1.",
        "1.e5",
        ".5",
        "-.5",
        "-",
        "+1",
        "+",
        "1e",
        "1e+",
        "1E-",
        "1.5.3",
        "0x10",
        "-NaN",
        "+NaN",
        "INF",
        "-Inf",
        "-INFINITY",
        "nan",
        "NaNx",
        "Infinity1",
        "tru",
        "True",
        "nul",
        "[truex]",
        "\"\\x\"",
        "\"\\'\"",
        "\"\\u00G0\"",
        "\"\\u00e\"",
        "\"\\",
        "\"unterminated",
        "\"raw\ttab\"",
        "\"raw\nnewline\"",
        "/* comment */ {}",
        "// comment",
        "# comment",
        "{\"\\uDC00\":1}",
        "{\"\\uD800\":1}",
        "{\"\\uD800x\":1}",
        "{\"\\uD800\\n\":1}",
        "{\"\\uD800\\uD800\":1}",
        "\u001e{}",
        "{}\u001e",
        "\f{}",
        "\u00a0{}",
        "{}\u00a0",
        "å",
        "{\"a\":1}å",
      })
  void rejectsWhatJacksonRejects(String line) {
    assertInvalid(line);
  }

  @Test
  void nanAndTheInfinitiesAreNumbersOnlyWhenTheFactorySaysSo() {
    var strict = new JsonLineScanner(STRICT, PATHS);
    for (String line : List.of("NaN", "Infinity", "-Infinity", "+Infinity", "-INF", "+INF")) {
      byte[] bytes = utf8(line);
      assertFalse(strict.scan(bytes, 0, bytes.length), line);
      assertSameAsJackson(bytes);
    }
  }

  @Test
  void infinitiesPythonDoesNotReadAreValidJsonForJacksonAndArePointedOut() {
    byte[] line = utf8("{\"a\":[-Infinity,-INF,+INF],\"b\":+Infinity}");
    assertTrue(scanner.scan(line, 0, line.length));
    assertEquals(16, scanner.foreignInfinityAt());
    assertSameAsJackson(line);
    byte[] plus = utf8("{\"a\":[NaN,+INF]}");
    assertTrue(scanner.scan(plus, 0, plus.length));
    assertEquals(10, scanner.foreignInfinityAt());
    assertSameAsJackson(plus);
    byte[] none = utf8("{\"a\":-Infinity}");
    assertTrue(scanner.scan(none, 0, none.length));
    assertEquals(-1, scanner.foreignInfinityAt());
  }

  @Test
  void controlCharactersAreRefusedInStringsAndKeysButEscapedTheyAreText() {
    for (int c = 0; c < 0x20; c++) {
      String hex = String.format("%04x", c);
      assertInvalid("{\"a\":\"x" + (char) c + "\"}");
      assertInvalid("{\"x" + (char) c + "\":1}");
      assertValid("{\"a\":\"x\\u" + hex + "\"}");
      assertValid("{\"x\\u" + hex + "\":1}");
    }
  }

  @Test
  void utf8IsValidatedInStringsAndKeys() {
    String[] bad = {
      "%C0%80", // overlong NUL
      "%C1%BF", // overlong
      "%E0%80%80", // overlong
      "%E0%9F%BF", // overlong, just below U+0800
      "%F0%80%80%80", // overlong
      "%F0%8F%BF%BF", // overlong, just below U+10000
      "%ED%A0%80", // a surrogate, U+D800
      "%ED%BF%BF", // U+DFFF
      "%F4%90%80%80", // above U+10FFFF
      "%F5%80%80%80",
      "%F8%88%80%80%80",
      "%FF",
      "%FE",
      "%80", // a continuation byte alone
      "%BF",
      "%C3", // cut short
      "%E2%82",
      "%F0%9F%98",
      "%C3%28", // a lead byte before ASCII
      "%E2%28%A1",
    };
    for (String bytes : bad) {
      assertInvalid(raw("{\"a\":\"x" + bytes + "y\"}"));
      assertInvalid(raw("{\"a\":\"" + bytes + "\"}"));
      assertInvalid(raw("{\"k" + bytes + "\":1}"));
      assertInvalid(raw("[\"12345678" + bytes + "12345678\"]")); // in and after the 8-byte steps
    }
    String[] good = {
      "%C2%80",
      "%DF%BF",
      "%E0%A0%80",
      "%ED%9F%BF",
      "%EE%80%80",
      "%EF%BF%BF",
      "%F0%90%80%80",
      "%F4%8F%BF%BF",
      "%C3%A5",
      "%E2%82%AC",
      "%F0%9F%98%80",
    };
    for (String bytes : good) {
      assertValid(raw("{\"a\":\"x" + bytes + "y\"}"));
      assertValid(raw("{\"k" + bytes + "\":1}"));
      assertValid(raw("[\"12345678" + bytes + "12345678\"]"));
    }
  }

  @Test
  void charactersAndEscapesAreJudgedAtEveryPlaceInTheEightByteWords() {
    String[] pieces = {
      "%C3%A5",
      "%C3%A5%C3%A4",
      "%C2%80",
      "%DF%BF",
      "%E2%82%AC",
      "%F0%9F%98%80",
      "%C0%80",
      "%C1%BF",
      "%C3",
      "%C3%C3%A5",
      "%A5",
      "%E2%82",
      "%ED%A0%80",
      "%F4%90%80%80",
      "%FF",
      "\\n",
      "\\u00e5",
      "\\\"",
      "\\\\",
      "\\",
      "\\u12",
      "\\q",
      "\"",
      "%01",
      "%1F",
      "%7F",
      "",
    };
    // Without a non-ASCII byte before them, and with one (the scanner then checks words whole).
    for (String before : List.of("", "%C3%B6")) {
      for (String piece : pieces) {
        for (int prefix = 0; prefix <= 16; prefix++) {
          for (int suffix : new int[] {0, 1, 6, 7, 8, 9}) {
            byte[] line =
                raw(
                    "{\"question\":\""
                        + before
                        + "x".repeat(prefix)
                        + piece
                        + "y".repeat(suffix)
                        + "\",\"answer\":1}");
            assertSameAsJackson(line);
          }
        }
      }
    }
  }

  @Test
  void aByteOrderMarkIsSkippedOnceAtTheStartWhenFourBytesAreThere() {
    assertValid(raw("%EF%BB%BF{}"));
    assertValid(raw("%EF%BB%BF1"));
    assertValid(raw("%EF%BB%BF {}"));
    assertInvalid(raw("%EF%BB%BF")); // three bytes: Jackson does not look for one
    assertInvalid(raw("%EF%BB%BF%EF%BB%BF{}"));
    assertInvalid(raw(" %EF%BB%BF{}"));
    assertInvalid(raw("{}%EF%BB%BF"));
    assertValid(raw("{\"a\":\"%EF%BB%BF\"}")); // U+FEFF is text in a string
  }

  @Test
  void nulBytesNeverPass() {
    // Jackson would read "\0{\0}" as UTF-16; the reader refuses NUL among the first two bytes.
    assertInvalid(raw("%00{%00}"));
    assertInvalid(raw("{%00}"));
    assertInvalid(raw("{}%00"));
    assertInvalid(raw("[\"%00\"]"));
  }

  @Test
  void limitsAreTheFactorysNestingDepthNumberKeyAndDocumentLengths() {
    var tight = new JsonLineScanner(TIGHT, PATHS); // depth 3, number 5, key 6, document 200
    String[][] cases = {
      {"[[[1]]]", "true"},
      {"[[[[1]]]]", "false"},
      {"{\"a\":{\"b\":{}}}", "true"},
      {"{\"a\":{\"b\":{\"c\":1}}}", "true"},
      {"{\"a\":{\"b\":{\"c\":{}}}}", "false"},
      {"[[[\"[[[[[[\"]]]", "true"},
      {"12345", "true"},
      {"-12345", "true"}, // digits count, not the sign
      {"123456", "false"},
      {"1.2345", "true"},
      {"1.23456", "false"}, // integer, fraction and exponent digits count
      {"1.2e345", "true"},
      {"1.2e-3456", "false"},
      {"12E+3456", "false"},
      {"-0.0001", "true"},
      {"0.00001", "false"},
      {"NaN", "true"},
      {"-Infinity", "true"},
      {"{\"abcdef\":1}", "true"},
      {"{\"abcdefg\":1}", "false"},
      {"{\"abcdå\":1}", "true"}, // key length in UTF-8 bytes
      {"{\"abcdeå\":1}", "false"},
      {"{\"abcd\\u00e5\":1}", "true"}, // decoded
      {"{\"abc\\u00e5\\u0041\":1}", "true"},
      {"{\"abcde\\u00e5\":1}", "false"},
      {"{\"ab\\uD83D\\uDE00\":1}", "true"},
      {"{\"abc\\uD83D\\uDE00\":1}", "false"},
      {"{\"a\":\"" + "x".repeat(150) + "\"}", "true"}, // no string limit, as Jackson skips them
      {"[\"" + "x".repeat(196) + "\"]", "true"},
      {"[\"" + "x".repeat(197) + "\"]", "false"}, // 201 bytes: the document
    };
    for (String[] c : cases) {
      byte[] line = utf8(c[0]);
      assertEquals(Boolean.parseBoolean(c[1]), tight.scan(line, 0, line.length), c[0]);
      assertSameAsJackson(line);
    }
  }

  @Test
  void jacksonsDefaultLimitsAre500LevelsAnd1000Digits() {
    var defaults = new JsonLineScanner(STRICT, PATHS);
    String deepest = "[".repeat(500) + "]".repeat(500);
    String deeper = "[".repeat(501) + "]".repeat(501);
    String longest = "9".repeat(1000);
    String longer = "9".repeat(1001);
    String longestFloat = "1." + "5".repeat(999); // digits count, the point does not
    String longerFloat = "1." + "5".repeat(1000);
    for (String line : List.of(deepest, longest, longestFloat)) {
      assertTrue(defaults.scan(utf8(line), 0, line.length()), line.length() + " bytes");
    }
    for (String line : List.of(deeper, longer, longerFloat)) {
      assertFalse(defaults.scan(utf8(line), 0, line.length()), line.length() + " bytes");
    }
    for (String line : List.of(deepest, deeper, longest, longer, longestFloat, longerFloat)) {
      assertSameAsJackson(utf8(line));
    }
  }

  @Test
  void theReadersLimitsAllowAnyNestingTheLineHasRoomFor() {
    String deep = "[".repeat(100_000) + "{\"a\":1}" + "]".repeat(100_000);
    byte[] line = utf8("{\"a\":" + deep + "}");
    assertTrue(scanner.scan(line, 0, line.length));
    assertEquals(ARRAY, scanner.kind(PATHS.indexOf("a")));
    assertEquals(line.length - 1, scanner.end(PATHS.indexOf("a")));
    byte[] open = utf8("[".repeat(300_000));
    assertFalse(scanner.scan(open, 0, open.length));
    byte[] huge = utf8("[" + "1".repeat(500_000) + "." + "2".repeat(500_000) + "]");
    assertTrue(scanner.scan(huge, 0, huge.length));
    assertSameAsJackson(line);
    assertSameAsJackson(huge);
  }

  @Test
  void findsEachPathsKindAndBytes() {
    String line =
        "{\"question\":\"Vad är då?\",\"answer\":\"Rad 1\\nRad 2\",\"persona\":"
            + "{\"roll\":\"lärare\",\"erfarenhet\":null,\"other\":[1]},"
            + "\"validation\":{\"composite_score\":0.75,\"failure_reason\":false},"
            + "\"metadata\":{\"tags\":[\"a\",\"b\"],\"n\":-3},\"a\":{\"b\":{\"c\":true}}}";
    byte[] bytes = utf8(line);
    assertTrue(scanner.scan(bytes, 0, bytes.length));
    assertEquals(OBJECT, scanner.rootKind());
    assertText(bytes, "question", STRING, "Vad är då?", false);
    assertText(bytes, "answer", STRING, "Rad 1\\nRad 2", true);
    assertText(
        bytes,
        "persona",
        OBJECT,
        line.substring(line.indexOf("{\"roll"), line.indexOf("]}") + 2),
        false);
    assertText(bytes, "persona.roll", STRING, "lärare", false);
    assertText(bytes, "persona.erfarenhet", NULL, "null", false);
    assertText(bytes, "validation.composite_score", FLOAT, "0.75", false);
    assertText(bytes, "validation.failure_reason", FALSE, "false", false);
    assertText(bytes, "metadata.tags", ARRAY, "[\"a\",\"b\"]", false);
    assertText(bytes, "a.b.c", TRUE, "true", false);
    assertNull(scanner.kind(PATHS.indexOf("source_document")));
    assertEquals(-1, scanner.duplicate());
    assertSameAsJackson(bytes);
  }

  @Test
  void positionsAreIndexesIntoTheArrayWhereverTheLineStarts() {
    byte[] line = utf8("xx{\"question\":\"q\",\"answer\":12}yy");
    assertTrue(scanner.scan(line, 2, line.length - 4));
    int question = PATHS.indexOf("question");
    assertEquals(15, scanner.start(question));
    assertEquals(16, scanner.end(question));
    assertEquals(INTEGER, scanner.kind(PATHS.indexOf("answer")));
    assertEquals(27, scanner.start(PATHS.indexOf("answer")));
    assertEquals(29, scanner.end(PATHS.indexOf("answer")));
    assertFalse(scanner.scan(line, 2, line.length - 2), "the bytes after the line are not in it");
  }

  @Test
  void aPathUnderSomethingElseThanAnObjectIsAbsent() {
    for (String line :
        List.of(
            "{\"persona\":\"lärare\"}",
            "{\"persona\":[{\"roll\":\"x\"}]}",
            "{\"persona\":null}",
            "{\"a\":{\"b\":[{\"c\":1}]}}",
            "[{\"question\":\"q\"}]",
            "\"question\"",
            "{\"x\":{\"question\":\"nested, not the top-level key\"}}")) {
      byte[] bytes = utf8(line);
      assertTrue(scanner.scan(bytes, 0, bytes.length), line);
      assertFalse(scanner.present(PATHS.indexOf("persona.roll")), line);
      assertFalse(scanner.present(PATHS.indexOf("a.b.c")), line);
      assertFalse(scanner.present(PATHS.indexOf("question")), line);
      assertSameAsJackson(bytes);
    }
  }

  @Test
  void emptyObjectsAndArraysAreValuesWithTheirBrackets() {
    byte[] line = utf8("{\"persona\":{},\"metadata\":{\"tags\":[]},\"a\":{ }}");
    assertTrue(scanner.scan(line, 0, line.length));
    assertText(line, "persona", OBJECT, "{}", false);
    assertText(line, "metadata.tags", ARRAY, "[]", false);
    assertText(line, "a", OBJECT, "{ }", false);
    assertFalse(scanner.present(PATHS.indexOf("persona.roll")));
    assertSameAsJackson(line);
  }

  @Test
  void keysMatchByTheirDecodedValue() {
    byte[] line =
        utf8(
            "{\"q\\u0075estion\":\"q\",\"\\u0061nswer\":\"a\",\"persona\":{\"r\\u006Fll\":\"r\","
                + "\"erfarenhe\\u0074\":\"e\"},\"a\":{\"\\u0062\":{\"\\\\c\":1,\"c\\/\":2}}}");
    assertTrue(scanner.scan(line, 0, line.length));
    assertText(line, "question", STRING, "q", false);
    assertText(line, "answer", STRING, "a", false);
    assertText(line, "persona.roll", STRING, "r", false);
    assertText(line, "persona.erfarenhet", STRING, "e", false);
    assertTrue(scanner.present(PATHS.indexOf("a.b")));
    assertFalse(scanner.present(PATHS.indexOf("a.b.c")), "\\\\c is \\c and c\\/ is c/");
    assertSameAsJackson(line);
  }

  @Test
  void twoCharacterEscapesAreCountedAndAnyOtherEscapeMarksTheString() {
    // Long enough that escapes fall inside eight-byte words and in the tail after them.
    String words = "Steg för steg: ";
    byte[] line =
        utf8(
            "{\"question\":\""
                + words
                + "\\n1. \\\"Tvätta\\\"\\t\\\\ \\b\\f\\r\",\"answer\":\""
                + words
                + "a\\/b\\n\",\"source_document\":\"\\u00e5\\n\",\"persona\":\""
                + words
                + "\"}");
    assertTrue(scanner.scan(line, 0, line.length));
    int question = PATHS.indexOf("question");
    assertTrue(scanner.escaped(question));
    assertEquals(8, scanner.shortEscapes(question));
    assertEquals(-1, scanner.shortEscapes(PATHS.indexOf("answer")), "\\/ is not JSON's minimum");
    assertEquals(-1, scanner.shortEscapes(PATHS.indexOf("source_document")));
    assertFalse(scanner.escaped(PATHS.indexOf("persona")));
    assertSameAsJackson(line);
  }

  @Test
  void keysOfAPathsLengthMatchOnlyByTheirBytesWhetherOneOrSeveralPathsHaveThatLength() {
    // "ab" and "cd" share a length; "xyz" is alone at three bytes; keys longer than every path,
    // empty, and of a length no path has are ruled out.
    List<String> paths = List.of("ab", "cd", "xyz", "xyz.ab");
    var lengths = new JsonLineScanner(PRODUCT, paths);
    byte[] line =
        utf8(
            "{\"\":0,\"ba\":1,\"cd\":2,\"xya\":3,\"xyzz\":4,\"a\":5,"
                + "\"xyz\":{\"abc\":6,\"ab\":7},\"ab\":8}");
    assertTrue(lengths.scan(line, 0, line.length));
    assertTrue(lengths.present(0));
    assertEquals("8", valueOf(lengths, line, 0));
    assertEquals("2", valueOf(lengths, line, 1));
    assertEquals(OBJECT, lengths.kind(2));
    assertEquals("7", valueOf(lengths, line, 3));
    assertEquals(-1, lengths.duplicate());
    assertEquals(
        JacksonLineReference.walk(PRODUCT, line, paths), JacksonLineReference.of(lengths, true, 0));
  }

  private static String valueOf(JsonLineScanner scanner, byte[] line, int path) {
    int start = scanner.start(path);
    return new String(line, start, scanner.end(path) - start, StandardCharsets.UTF_8);
  }

  @Test
  void nonAsciiKeysAndPathsMatchWithOrWithoutEscapes() {
    var swedish = new JsonLineScanner(PRODUCT, List.of("språk", "språk.nivå", "😀"));
    byte[] line =
        utf8("{\"spr\\u00e5k\":{\"nivå\":\"hög\"},\"\\uD83D\\uDE00\":1,\"språk\\u0000\":2}");
    assertTrue(swedish.scan(line, 0, line.length));
    assertEquals(OBJECT, swedish.kind(0));
    assertEquals(STRING, swedish.kind(1));
    assertEquals(INTEGER, swedish.kind(2));
    assertEquals(-1, swedish.duplicate(), "språk\\u0000 is another key");
    assertEquals(
        JacksonLineReference.walk(PRODUCT, line, List.of("språk", "språk.nivå", "😀")),
        JacksonLineReference.of(swedish, true, 0));
  }

  @Test
  void aKeyWithADotIsNotAPath() {
    byte[] line = utf8("{\"a.b\":1,\"persona.roll\":2}");
    assertTrue(scanner.scan(line, 0, line.length));
    assertFalse(scanner.present(PATHS.indexOf("a.b")));
    assertFalse(scanner.present(PATHS.indexOf("persona.roll")));
    assertSameAsJackson(line);
  }

  @Test
  void aRepeatedKeyOnAPathIsADuplicateAndTheFirstValueStays() {
    byte[] line = utf8("{\"persona\":{\"roll\":\"a\",\"roll\":\"b\"}}");
    assertTrue(scanner.scan(line, 0, line.length));
    assertEquals("persona.roll", scanner.path(scanner.duplicate()));
    assertEquals(23, scanner.duplicateAt());
    assertText(line, "persona.roll", STRING, "a", false);
    assertSameAsJackson(line);
  }

  @Test
  void anEscapedSpellingOfAKeyIsTheSameKey() {
    byte[] line = utf8("{\"question\":\"a\",\"q\\u0075estion\":\"b\"}");
    assertTrue(scanner.scan(line, 0, line.length));
    assertEquals("question", scanner.path(scanner.duplicate()));
    assertEquals(16, scanner.duplicateAt());
    assertSameAsJackson(line);
  }

  @Test
  void aRepeatedKeyOnTheWayToAPathIsADuplicateTooButOffThePathItIsNot() {
    byte[] onTheWay = utf8("{\"metadata\":{\"tags\":[1]},\"metadata\":{\"n\":2}}");
    assertTrue(scanner.scan(onTheWay, 0, onTheWay.length));
    assertEquals("metadata", scanner.path(scanner.duplicate()));
    assertSameAsJackson(onTheWay);
    for (String line :
        List.of(
            "{\"id\":1,\"id\":2,\"x\":{\"y\":1,\"y\":2}}",
            "{\"metadata\":{\"n\":1,\"n\":2}}",
            "{\"list\":[{\"question\":1},{\"question\":2}]}",
            "{\"x\":{\"question\":1},\"y\":{\"question\":2}}")) {
      byte[] bytes = utf8(line);
      assertTrue(scanner.scan(bytes, 0, bytes.length), line);
      assertEquals(-1, scanner.duplicate(), line);
      assertSameAsJackson(bytes);
    }
  }

  @Test
  void theFirstDuplicateInLineOrderIsReported() {
    byte[] line =
        utf8(
            "{\"persona\":{\"roll\":1,\"roll\":2},\"persona\":{\"roll\":3,\"roll\":4},"
                + "\"question\":1,\"question\":2}");
    assertTrue(scanner.scan(line, 0, line.length));
    assertEquals("persona.roll", scanner.path(scanner.duplicate()));
    assertEquals(21, scanner.duplicateAt());
    assertText(line, "persona.roll", INTEGER, "1", false);
    assertSameAsJackson(line);
  }

  @Test
  void aDuplicateDoesNotMakeAnInvalidLineValid() {
    assertInvalid("{\"question\":1,\"question\":2,}");
  }

  @Test
  void prefixesOfThePathsArePathsToo() {
    var nested = new JsonLineScanner(PRODUCT, List.of("x.y.z", "q"));
    assertEquals(4, nested.pathCount());
    assertEquals("x", nested.path(2));
    assertEquals("x.y", nested.path(3));
  }

  @Test
  void onlyTheFactorysGrammarIsSupported() {
    for (JsonReadFeature feature : JsonReadFeature.values()) {
      if (feature != JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) {
        JsonFactory lenient = JsonFactory.builder().enable(feature).build();
        assertThrows(
            IllegalArgumentException.class,
            () -> new JsonLineScanner(lenient, PATHS),
            "" + feature);
      }
    }
    JsonFactory strictDuplicates =
        JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    assertThrows(
        IllegalArgumentException.class, () -> new JsonLineScanner(strictDuplicates, PATHS));
    for (String path : List.of("", ".a", "a.", "a..b", "a\uD800")) {
      assertThrows(
          IllegalArgumentException.class, () -> new JsonLineScanner(PRODUCT, List.of(path)), path);
    }
    assertThrows(
        IllegalArgumentException.class, () -> new JsonLineScanner(PRODUCT, List.of("a", "a")));
  }

  @Test
  void theReferenceFactoryIsTheReaders() throws ReflectiveOperationException {
    JacksonLineReference.assertProductFactoryIsTheReaders(1 << 20);
    JacksonLineReference.assertProductFactoryIsTheReaders(100);
  }

  @Test
  void aScanAllocatesNothing() {
    byte[] line =
        utf8(
            "{\"question\":\"Vad är då?\",\"answer\":\"Rad 1\\nRad \\\"2\\\"\",\"persona\":"
                + "{\"r\\u006fll\":\"lärare\",\"erfarenhet\":\"lång\"},\"validation\":"
                + "{\"composite_score\":0.75,\"failure_reason\":null},\"metadata\":{\"tags\":"
                + "[\"a\",{\"b\":[1,2.5e3,true,NaN]}]}}");
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    boolean valid = true;
    for (int i = 0; i < 20_000; i++) {
      valid &= scanner.scan(line, 0, line.length);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100_000; i++) {
      valid &= scanner.scan(line, 0, line.length);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(valid);
    assertTrue(allocated < 10_000, allocated + " bytes allocated by 100,000 scans");
  }

  private void assertText(
      byte[] line, String path, JsonLineScanner.Kind kind, String text, boolean escaped) {
    int index = PATHS.indexOf(path);
    assertEquals(kind, scanner.kind(index), path);
    assertEquals(
        text,
        new String(
            line,
            scanner.start(index),
            scanner.end(index) - scanner.start(index),
            StandardCharsets.UTF_8),
        path);
    assertEquals(escaped, scanner.escaped(index), path);
  }

  private void assertValid(String line) {
    assertValid(utf8(line));
  }

  private void assertValid(byte[] line) {
    assertTrue(scanner.scan(line, 0, line.length), () -> show(line));
    assertSameAsJackson(line);
  }

  private void assertInvalid(String line) {
    assertInvalid(utf8(line));
  }

  private void assertInvalid(byte[] line) {
    assertFalse(scanner.scan(line, 0, line.length), () -> show(line));
    assertSameAsJackson(line);
  }

  /** The same verdict and findings as Jackson, with each factory, at two offsets. */
  static void assertSameAsJackson(byte[] line) {
    for (JsonFactory json : List.of(PRODUCT, TIGHT, STRICT)) {
      Outcome expected = JacksonLineReference.walk(json, line, PATHS);
      var scanner = new JsonLineScanner(json, PATHS);
      assertEquals(
          expected,
          JacksonLineReference.of(scanner, scanner.scan(line, 0, line.length), 0),
          () -> show(line));
      byte[] shifted = new byte[line.length + 10];
      System.arraycopy(line, 0, shifted, 3, line.length);
      assertEquals(
          expected,
          JacksonLineReference.of(scanner, scanner.scan(shifted, 3, line.length), 3),
          () -> show(line));
    }
  }

  static String show(byte[] line) {
    StringBuilder shown = new StringBuilder();
    for (byte b : line) {
      shown.append(
          b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("%%%02X", b & 0xFF));
    }
    return shown.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** UTF-8 of the text with {@code %XX} as raw bytes. */
  private static byte[] raw(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '%') {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(text.substring(i, i + 1).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }
}
