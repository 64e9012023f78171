package io.qaexport.domain.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reference questions matched exactly, once normalised, and near, against brute force. */
class ReferenceIndexTest {
  @Test
  void aQuestionMatchesItsMostSimilarReferenceWithItsSourceAndLine() {
    var index = new ReferenceIndex(0.8);
    index.add(0, 1, "Hur ofta ska jag byta handskar?");
    index.add(0, 2, "Vad gör jag om vårdtagaren har ramlat?");
    index.add(1, 7, "Hur förvarar jag livsmedel hos vårdtagaren?");

    ReferenceIndex.Match equal = index.match("  HUR ofta ska jag byta handskar!! [source:a.md]");
    assertEquals(new ReferenceIndex.Match(0, 1, "Hur ofta ska jag byta handskar?", 1.0), equal);
    ReferenceIndex.Match near = index.match("Vad gör jag om vårdtagaren ramlat?");
    assertEquals(2, near.line());
    assertTrue(near.similarity() >= 0.8 && near.similarity() < 1.0, near.toString());
    assertNull(index.match("Hur förvarar jag läkemedel hos vårdtagaren?"), "below 0.8");
  }

  @Test
  void aReferenceThatNormalisesToNothingIsNoQuestionAndAnEmptyQuestionMatchesNothing() {
    var index = new ReferenceIndex(0.8);
    assertFalse(index.add(0, 1, "..."));
    assertFalse(index.add(0, 2, "[source:a.md]"));
    assertTrue(index.add(0, 3, "Hur ofta ska jag byta handskar?"));

    assertEquals(1, index.size());
    assertNull(index.match(""));
    assertNull(index.match("?!"));
    assertEquals(3, index.match("hur ofta ska jag byta handskar").line());
  }

  @Test
  void everyMatchIsVerifiedAndTheRecallAgainstBruteForceIsAtLeast99Percent() {
    var random = new Random(11);
    String[] words = {
      "hur",
      "ska",
      "jag",
      "byta",
      "handskar",
      "vårdtagaren",
      "dusch",
      "säng",
      "medicin",
      "rapport",
      "natt",
      "kväll",
      "hjälpa",
      "lyfta",
      "äta",
      "dricka",
      "öra",
      "åka"
    };
    List<String> references = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      var text = new StringBuilder();
      for (int w = 0, n = 5 + random.nextInt(6); w < n; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      references.add(text.toString().strip());
    }
    var index = new ReferenceIndex(0.7);
    var ids = new GramIds();
    List<int[]> grams = new ArrayList<>();
    for (int i = 0; i < references.size(); i++) {
      index.add(0, i + 1, references.get(i));
      grams.add(Shingles.of(QuestionKey.normalise(references.get(i)), ids));
    }
    int truth = 0;
    int found = 0;
    for (int q = 0; q < 400; q++) {
      String question =
          references.get(random.nextInt(references.size()))
              + (random.nextBoolean() ? " " + words[random.nextInt(words.length)] : "");
      int[] own = Shingles.of(QuestionKey.normalise(question), ids);
      double best = 0;
      for (int[] reference : grams) {
        best = Math.max(best, Shingles.jaccard(own, reference));
      }
      ReferenceIndex.Match match = index.match(question);
      if (match != null) {
        double exact = Shingles.jaccard(own, grams.get((int) match.line() - 1));
        assertEquals(exact, match.similarity(), 0.0, "verified on the grams");
        assertTrue(exact >= 0.7);
      }
      if (best >= 0.7) {
        truth++;
        found += match != null ? 1 : 0;
      }
    }
    assertTrue(truth > 300, "questions with a match: " + truth);
    assertTrue(found >= 0.99 * truth, found + " of " + truth + " found");
  }
}
