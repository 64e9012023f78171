package io.qaexport.domain.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class QuestionKeyTest {

  @Test
  void composedAndDecomposedSwedishLettersNormaliseAlike() {
    String composed = "N\u00e4r f\u00e5r jag \u00f6ppna?";
    String decomposed = "Na\u0308r fa\u030ar jag o\u0308ppna?";
    assertEquals(QuestionKey.normalise(composed), QuestionKey.normalise(decomposed));
    assertEquals("när får jag öppna", QuestionKey.normalise(decomposed));
  }

  @Test
  void caseIsFoldedIncludingSharpS() {
    assertEquals(
        "hur ofta ska jag byta handskar", QuestionKey.normalise("HUR OFTA ska Jag BYTA handskar"));
    assertEquals("strasse", QuestionKey.normalise("Straße"));
    assertEquals(QuestionKey.normalise("ÅÄÖ"), QuestionKey.normalise("åäö"));
    // The capital sharp s folds to ss too (CaseFolding.txt: 1E9E; F; 0073 0073).
    assertEquals("strasse", QuestionKey.normalise("STRAẞE"));
    assertEquals(QuestionKey.normalise("Maß"), QuestionKey.normalise("MAẞ"));
    assertEquals("σοφος", QuestionKey.normalise("ΣΟΦΟΣ"));
    assertEquals(QuestionKey.normalise("σοφος"), QuestionKey.normalise("σοφος".replace('ς', 'σ')));
  }

  @Test
  void whitespaceOfEveryKindCollapsesToOneSpaceAndIsTrimmed() {
    assertEquals(
        "hur ofta ska jag", QuestionKey.normalise("  Hur\tofta\u00a0 ska\n\r\njag \u2028"));
    // Every Unicode White_Space character, NEXT LINE (U+0085) included.
    String whiteSpace =
        "\t\n\u000b\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004"
            + "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";
    for (char c : whiteSpace.toCharArray()) {
      assertEquals(
          "hur ofta", QuestionKey.normalise("hur" + c + "ofta" + c), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void punctuationIsLeftOutButLettersDigitsAndSymbolsStay() {
    assertEquals("får jag ge 2 tabletter", QuestionKey.normalise("«Får jag ge 2 tabletter?!»"));
    assertEquals("vårdtagare", QuestionKey.normalise("vård-tagare"));
    assertEquals("kostar det 50 kr", QuestionKey.normalise("Kostar det 50 kr…?"));
    assertEquals("temperatur + 8", QuestionKey.normalise("temperatur + 8"));
  }

  @Test
  void sourceMarkersAreLeftOut() {
    assertEquals(
        "byt handskar mellan vårdtagare",
        QuestionKey.normalise(
            "Byt handskar [source:rutiner/handtvatt.md#handskar] mellan vårdtagare."));
    assertEquals("byt handskar", QuestionKey.normalise("Byt handskar. [SOURCE:a.md]"));
  }

  @Test
  void questionsThatNormaliseAlikeShareAHashAndOthersDoNot() {
    assertEquals(
        QuestionKey.of("Hur ofta ska jag byta handskar?"),
        QuestionKey.of("hur  ofta ska jag byta handskar"));
    assertNotEquals(
        QuestionKey.of("Hur ofta ska jag byta handskar?"),
        QuestionKey.of("Hur ofta ska jag byta handskarna?"));
  }

  @Test
  void invisibleFormatCharactersAreLeftOut() {
    // A soft hyphen from a word processor, zero-width spaces and joiners from LLM output, a word
    // joiner, a byte-order mark pasted mid-text: unseen, so the question is the same question.
    assertEquals("vårdtagare", QuestionKey.normalise("vård\u00adtagare"));
    for (String invisible : new String[] {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}) {
      assertEquals(
          "hur ofta ska jag",
          QuestionKey.normalise("Hur" + invisible + " ofta ska" + invisible + " jag" + invisible),
          "U+" + Integer.toHexString(invisible.charAt(0)));
    }
    assertEquals(QuestionKey.of("Får jag?"), QuestionKey.of("F\u200bår jag?"));
  }
}
