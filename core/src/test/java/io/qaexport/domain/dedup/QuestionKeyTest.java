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
    assertEquals("hur ofta ska jag byta handskar", QuestionKey.normalise("HUR OFTA ska Jag BYTA handskar"));
    assertEquals("strasse", QuestionKey.normalise("Straße"));
    assertEquals(QuestionKey.normalise("ÅÄÖ"), QuestionKey.normalise("åäö"));
  }

  @Test
  void whitespaceOfEveryKindCollapsesToOneSpaceAndIsTrimmed() {
    assertEquals("hur ofta ska jag", QuestionKey.normalise("  Hur\tofta\u00a0 ska\n\r\njag \u2028"));
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
    assertEquals("byt handskar mellan vårdtagare",
        QuestionKey.normalise("Byt handskar [source:rutiner/handtvatt.md#handskar] mellan vårdtagare."));
    assertEquals("byt handskar", QuestionKey.normalise("Byt handskar. [SOURCE:a.md]"));
  }

  @Test
  void questionsThatNormaliseAlikeShareAHashAndOthersDoNot() {
    assertEquals(QuestionKey.of("Hur ofta ska jag byta handskar?"),
        QuestionKey.of("hur  ofta ska jag byta handskar"));
    assertNotEquals(QuestionKey.of("Hur ofta ska jag byta handskar?"),
        QuestionKey.of("Hur ofta ska jag byta handskarna?"));
  }
}
