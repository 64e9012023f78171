package io.qaexport.domain.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Differential fuzzing of the fast near grouping (blocks checked on several threads, band keys on a
 * thread of their own) against the plain one-by-one walk ({@link CandidateWalk}: every kept
 * question checked by brute force): the same verdict for every line (dropped for which line, at
 * which similarity, or kept), the kept pairs in the same order, and the same split components,
 * whatever the questions, scores, threshold, block size and thread count; the components also equal
 * their plain definition ({@link CandidateComponents}: every candidate pair checked by brute
 * force). Questions are drawn from a small vocabulary, so near duplicates, ties of score and exact
 * repeats are common. Without {@code JAZZER_FUZZ=1} the test runs its seeds once; how to fuzz for a
 * time budget: adapters-jsonl/FUZZING.md (same flags).
 */
class NearGroupsFuzzTest {
  private static final String[] WORDS = {
    "hur",
    "vårdtagaren",
    "rum",
    "hjälper",
    "jag",
    "med",
    "förflyttningen",
    "säng",
    "ramlat",
    "smärta",
    "tryck",
    "sår",
    "å",
    "ö",
    "äta",
    "dricka",
    "natt",
    "dag",
    "1",
    "2",
    "12",
    "104"
  };

  private record Question(long line, double score, String normalised) {}

  @FuzzTest(maxDuration = "5m")
  void threadsAndBlocksGiveThePlainWalksVerdictsAndComponents(FuzzedDataProvider data) {
    double threshold = 0.5 + data.consumeInt(0, 50) / 100.0;
    int block = data.consumeInt(1, 40);
    int threads = data.consumeInt(1, 3);
    int count = data.consumeInt(0, 120);
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int words = data.consumeInt(0, 9);
      var text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        text.append(w == 0 ? "" : " ").append(WORDS[data.consumeInt(0, WORDS.length - 1)]);
      }
      questions.add(
          new Question(i + 1, data.consumeInt(0, 8) / 8.0, QuestionKey.normalise(text.toString())));
    }
    assertEquals(
        CandidateWalk.fates(
            questions.stream()
                .map(q -> new CandidateWalk.Line(q.line(), q.score(), q.normalised()))
                .toList(),
            threshold),
        fates(questions, threshold, block, threads));
    assertEquals(
        CandidateComponents.keys(questions.stream().map(Question::normalised).toList(), threshold),
        filled(questions, threshold, block).componentKeys(threads));
  }

  private static NearGroups filled(List<Question> questions, double t, int block) {
    var near = new NearGroups(t, block);
    for (Question q : questions) {
      near.add(
          q.line(), q.score(), QuestionKey.hash(q.normalised()), q.normalised(), (int) q.line());
    }
    return near;
  }

  private static List<String> fates(List<Question> questions, double t, int block, int threads) {
    List<Long> kept = new ArrayList<>();
    DuplicateVerdicts.InLineOrder dropped =
        filled(questions, t, block).resolve((hash, line, payload) -> kept.add(line), threads);
    List<String> fates = new ArrayList<>();
    for (Question q : questions) {
      DuplicateVerdicts.Verdict verdict = dropped.of(q.line(), QuestionKey.hash(q.normalised()));
      fates.add(verdict == null ? "kept" : verdict.duplicateOf() + "@" + verdict.similarity());
    }
    fates.add("kept " + kept);
    return fates;
  }
}
