package io.qaexport.domain.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Near grouping against brute force: every pair of questions compared by an independent reference
 * (grams as strings, Jaccard by set operations), on templated clusters of any size, a shared
 * care-work vocabulary, planted paraphrases and letters whose old hashes collided.
 */
class NearGroupsTest {
  private static final String[] WORDS = {
    "hur",
    "ofta",
    "ska",
    "jag",
    "byta",
    "handskar",
    "vårdtagaren",
    "när",
    "tvätta",
    "händerna",
    "medicin",
    "läkemedel",
    "dusch",
    "hjälpa",
    "förflyttning",
    "måltid",
    "nattpersonal",
    "hemtjänsten",
    "rapportera",
    "avvikelse",
    "göra",
    "om",
    "en",
    "den",
    "som",
    "har",
    "ramlat",
    "sängen",
    "rullstol",
    "blöja",
    "bål",
    "fil",
    "lås",
    "pis",
    "på",
    "ti",
    "öra",
    "ögon",
    "kläder",
    "säker",
    "rutin",
    "basala",
    "hygien"
  };

  /** One question per line (from 1), its score, and its normalised text. */
  private record Question(long line, double score, String normalised) {}

  private static List<Question> questions(long seed) {
    var random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 150; i++) { // one template, only the room number differs
      texts.add("Hur hjälper jag vårdtagaren i rum " + (100 + i) + " med förflyttningen?");
    }
    for (int i = 0; i < 80; i++) { // a cluster of near-identical phrasings
      texts.add("Vad gör jag om vårdtagaren har ramlat ur sängen " + WORDS[i % WORDS.length]);
    }
    for (int i = 0; i < 400; i++) {
      int length = 4 + random.nextInt(8);
      var words = new ArrayList<String>();
      for (int w = 0; w < length; w++) {
        words.add(WORDS[random.nextInt(WORDS.length)]);
      }
      texts.add(String.join(" ", words));
      if (random.nextInt(3) == 0) { // a paraphrase: one word changed, dropped or added
        var copy = new ArrayList<>(words);
        int at = random.nextInt(copy.size());
        switch (random.nextInt(3)) {
          case 0 -> copy.set(at, WORDS[random.nextInt(WORDS.length)]);
          case 1 -> copy.remove(at);
          default -> copy.add(at, WORDS[random.nextInt(WORDS.length)]);
        }
        texts.add(String.join(" ", copy));
      }
    }
    texts.add("Hur lagar jag en trasig fil?");
    texts.add("Hur lagar jag en trasig bål?");
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      questions.add(
          new Question(
              i + 1,
              Math.round(random.nextDouble() * 20) / 20.0,
              QuestionKey.normalise(texts.get(i))));
    }
    return questions;
  }

  /** The reference grams: each word with a space either side, its 4-grams as strings. */
  private static Set<String> grams(String normalised) {
    Set<String> grams = new HashSet<>();
    for (String word : normalised.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      int[] cps = (" " + word + " ").codePoints().toArray();
      if (cps.length <= Shingles.K) {
        grams.add(new String(cps, 0, cps.length));
      }
      for (int i = 0; i + Shingles.K <= cps.length; i++) {
        grams.add(new String(cps, i, Shingles.K));
      }
    }
    return grams;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    int union = a.size() + b.size() - common.size();
    return union == 0 ? 1.0 : (double) common.size() / union;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95})
  void noKeptQuestionHasAVerifiedNearDuplicateAndEveryDropNamesAKeptOneExactly(double t) {
    List<Question> questions = questions(Double.doubleToLongBits(t));
    var near = new NearGroups(t, 32); // blocks of 32 on two threads: both paths of the search
    for (Question q : questions) {
      near.add(q.line(), q.score(), QuestionKey.hash(q.normalised()), q.normalised(), 0);
    }
    Set<Long> kept = new HashSet<>();
    DuplicateVerdicts.InLineOrder dropped =
        near.resolve((hash, line, payload) -> kept.add(line), 2);

    Map<Long, Question> byLine = new HashMap<>();
    List<Set<String>> grams = new ArrayList<>();
    for (Question q : questions) {
      byLine.put(q.line(), q);
      grams.add(grams(q.normalised()));
    }
    int similarPairs = 0;
    int keptSimilarPairs = 0;
    for (int i = 0; i < questions.size(); i++) {
      for (int j = i + 1; j < questions.size(); j++) {
        if (jaccard(grams.get(i), grams.get(j)) >= t) {
          similarPairs++;
          if (kept.contains(questions.get(i).line()) && kept.contains(questions.get(j).line())) {
            keptSimilarPairs++;
          }
        }
      }
    }
    assertTrue(similarPairs > 100, "the data has near duplicates to find: " + similarPairs);
    assertTrue(
        keptSimilarPairs <= similarPairs / 100,
        keptSimilarPairs + " of " + similarPairs + " pairs at or above " + t + " both kept");

    int drops = 0;
    for (Question q : questions) {
      DuplicateVerdicts.Verdict verdict = dropped.of(q.line(), QuestionKey.hash(q.normalised()));
      if (verdict == null) {
        assertTrue(kept.contains(q.line()), "line " + q.line() + " is kept or dropped");
        continue;
      }
      drops++;
      Question of = byLine.get(verdict.duplicateOf());
      assertNotNull(of);
      assertTrue(kept.contains(of.line()), "a drop names a kept pair");
      double exact = jaccard(grams((q.normalised())), grams(of.normalised()));
      assertEquals(exact, verdict.similarity(), 0.0, "the logged similarity is exact");
      assertTrue(exact >= t);
      assertTrue(of.score() >= q.score(), "the best-scored pair of a group is kept");
    }
    assertEquals(questions.size(), kept.size() + drops);
  }

  private static NearGroups filled(List<Question> questions, double t, int block) {
    var near = new NearGroups(t, block);
    for (Question q : questions) {
      near.add(
          q.line(), q.score(), QuestionKey.hash(q.normalised()), q.normalised(), (int) q.line());
    }
    return near;
  }

  /** Every line's fate, in line order: "kept" or "dropped for LINE at SIMILARITY". */
  private static List<String> fates(List<Question> questions, NearGroups near, int threads) {
    List<Long> kept = new ArrayList<>();
    DuplicateVerdicts.InLineOrder dropped =
        near.resolve((hash, line, payload) -> kept.add(line), threads);
    List<String> fates = new ArrayList<>();
    for (Question q : questions) {
      DuplicateVerdicts.Verdict verdict = dropped.of(q.line(), QuestionKey.hash(q.normalised()));
      fates.add(
          verdict == null
              ? "kept"
              : "dropped for " + verdict.duplicateOf() + " at " + verdict.similarity());
    }
    fates.add("kept in order " + kept);
    return fates;
  }

  /**
   * The blocked, threaded search is the one-by-one walk: one block of everything on one thread
   * checks each question only against those kept before it in its own block, which is the plain
   * walk; every block size and thread count must give the same verdicts and components.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.7, 0.8, 0.95, 1.0})
  void blocksAndThreadsChangeNoVerdictAndNoComponent(double t) {
    for (long seed = 0; seed < 4; seed++) {
      List<Question> questions = questions(31 * seed + Double.doubleToLongBits(t));
      int all = questions.size();
      List<String> plain = fates(questions, filled(questions, t, all), 1);
      Map<Long, Long> plainKeys = filled(questions, t, all).componentKeys(1);
      assertEquals(
          CandidateComponents.keys(questions.stream().map(Question::normalised).toList(), t),
          plainKeys,
          "every candidate pair at or above the threshold joins, no other");
      for (int block : new int[] {1, 7, 64, 500}) {
        for (int threads : new int[] {1, 2, 3}) {
          String at = "block " + block + ", threads " + threads + ", seed " + seed;
          assertEquals(plain, fates(questions, filled(questions, t, block), threads), at);
          assertEquals(plainKeys, filled(questions, t, block).componentKeys(threads), at);
        }
      }
    }
  }

  /**
   * The fast search gives the plain walk's verdicts: every kept question checked by brute force.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.8, 0.95, 1.0})
  void verdictsAreThoseOfThePlainWalk(double t) {
    List<Question> questions = questions(11 + Double.doubleToLongBits(t));
    List<Long> kept = new ArrayList<>();
    DuplicateVerdicts.InLineOrder dropped =
        filled(questions, t, 64).resolve((hash, line, payload) -> kept.add(line), 2);
    List<String> fates = new ArrayList<>();
    for (Question q : questions) {
      DuplicateVerdicts.Verdict verdict = dropped.of(q.line(), QuestionKey.hash(q.normalised()));
      fates.add(verdict == null ? "kept" : verdict.duplicateOf() + "@" + verdict.similarity());
    }
    fates.add("kept " + kept);
    assertEquals(
        CandidateWalk.fates(
            questions.stream()
                .map(q -> new CandidateWalk.Line(q.line(), q.score(), q.normalised()))
                .toList(),
            t),
        fates);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.8, 0.95})
  void componentsHoldEveryVerifiedPairOfTheirQuestions(double t) {
    List<Question> questions = questions(7 + Double.doubleToLongBits(t));
    var near = new NearGroups(t, 32);
    for (Question q : questions) {
      near.add(q.line(), q.score(), QuestionKey.hash(q.normalised()), q.normalised(), 0);
    }
    Map<Long, Long> keys = near.componentKeys(2);
    int similarPairs = 0;
    int apart = 0;
    for (int i = 0; i < questions.size(); i++) {
      long a = QuestionKey.hash(questions.get(i).normalised());
      for (int j = i + 1; j < questions.size(); j++) {
        long b = QuestionKey.hash(questions.get(j).normalised());
        if (a != b
            && jaccard(grams(questions.get(i).normalised()), grams(questions.get(j).normalised()))
                >= t) {
          similarPairs++;
          if (!keys.containsKey(a) || !keys.get(a).equals(keys.get(b))) {
            apart++;
          }
        }
      }
    }
    assertTrue(similarPairs > 100, "near duplicates to group: " + similarPairs);
    assertTrue(apart <= similarPairs / 100, apart + " of " + similarPairs + " apart");

    // No false merge: questions that share a key are joined by verified pairs (brute force).
    int[] parent = new int[questions.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < questions.size(); i++) {
      for (int j = i + 1; j < questions.size(); j++) {
        if (jaccard(grams(questions.get(i).normalised()), grams(questions.get(j).normalised()))
            >= t) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    Map<Long, Integer> componentOfKey = new HashMap<>();
    int grouped = 0;
    for (int i = 0; i < questions.size(); i++) {
      Long key = keys.get(QuestionKey.hash(questions.get(i).normalised()));
      if (key != null) {
        grouped++;
        int truth = find(parent, i);
        assertEquals(
            truth,
            (int) componentOfKey.computeIfAbsent(key, k -> truth),
            "line " + questions.get(i).line() + " is grouped only with questions it reaches");
      }
    }
    assertTrue(grouped > 2, "questions are grouped: " + grouped);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95})
  void theLshParametersReachTheRecallAtTheThreshold(double t) {
    LshParameters lsh = LshParameters.forThreshold(t);
    assertTrue(lsh.candidateProbability(t) >= 0.99, lsh + " at " + t);
    assertTrue(lsh.bands() * lsh.rows() <= 200, lsh.toString());
  }
}
