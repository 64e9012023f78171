package io.qaexport.domain.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShinglesTest {

  private static double similarity(String a, String b) {
    var ids = new GramIds();
    return Shingles.jaccard(
        Shingles.of(QuestionKey.normalise(a), ids), Shingles.of(QuestionKey.normalise(b), ids));
  }

  @Test
  void reorderedWordsAreTheSameQuestion() {
    assertEquals(1.0, similarity("När ska jag tvätta händerna?", "Ska jag tvätta händerna när?"));
  }

  @Test
  void anInflectedWordKeepsTheQuestionAboveTheDefaultThreshold() {
    assertTrue(
        similarity("Hur ofta ska jag byta handskar?", "Hur ofta ska jag byta handskarna?") >= 0.8);
    assertTrue(
        similarity("Vad gör jag om vårdtagaren har ramlat?", "Vad gör jag om vårdtagaren ramlat?")
            >= 0.8);
  }

  @Test
  void distinctButSimilarQuestionsStayBelowIt() {
    // Medicines and food: one word apart, not the same question.
    assertTrue(
        similarity(
                "Hur förvarar jag läkemedel hos vårdtagaren?",
                "Hur förvarar jag livsmedel hos vårdtagaren?")
            < 0.8);
    assertTrue(
        similarity("Hur ofta ska jag byta handskar?", "Hur ofta ska jag tvätta händerna?") < 0.5);
  }

  @Test
  void jaccardCountsCommonOverAllDistinctGrams() {
    assertEquals(0.5, Shingles.jaccard(new int[] {1, 2, 3}, new int[] {2, 3, 4}));
    assertEquals(1.0, Shingles.jaccard(new int[] {}, new int[] {}));
  }

  @Test
  void gramsAreComparedExactlySoSwedishLettersNeverCollide() {
    // With 31·h + c gram hashes, bål ≡ fil, lås ≡ pis and på ≡ ti (å−i = ä−h = ö−z = 4·31).
    assertEquals(
        7.0 / 9, similarity("Hur lagar jag en trasig fil?", "Hur lagar jag en trasig bål?"), 1e-12);
    assertTrue(similarity("lås", "pis") == 0.0);
    assertTrue(similarity("på", "ti") == 0.0);
    assertTrue(similarity("Var är 😀 nu?", "Var är 😁 nu?") < 1.0, "emoji grams are exact too");
  }

  @Test
  void equalGramSetsGiveEqualBandKeysAndSimilarOnesShareABand() {
    var ids = new GramIds();
    var lsh = LshParameters.forThreshold(0.8);
    int[] a = Shingles.of(QuestionKey.normalise("När ska jag tvätta händerna?"), ids);
    int[] b = Shingles.of(QuestionKey.normalise("ska jag tvätta händerna när"), ids);
    assertArrayEquals(Shingles.bandKeys(a, ids, lsh), Shingles.bandKeys(b, ids, lsh));
    int[] c =
        Shingles.bandKeys(
            Shingles.of(QuestionKey.normalise("Hur ofta ska jag byta handskar?"), ids), ids, lsh);
    int[] d =
        Shingles.bandKeys(
            Shingles.of(QuestionKey.normalise("Hur ofta ska jag byta handskarna?"), ids), ids, lsh);
    boolean shared = false;
    for (int band = 0; band < lsh.bands(); band++) {
      shared |= c[band] == d[band];
    }
    assertTrue(shared, "a pair at Jaccard 0.82 shares a band (probability > 0.99)");
  }
}
