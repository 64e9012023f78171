package io.qaexport.application.service.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.SplitAssignment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stratified cut points, checked on their own: each persona's questions follow the fractions. */
class SplitChooserTest {
  private static HfRecord askedBy(String persona) {
    return new HfRecord("q", "a", "s", persona, 0.5, null);
  }

  @Test
  void eachPersonasQuestionsAreCutByTheFractionsExactly() {
    var assignment =
        new SplitAssignment(
            List.of(
                new SplitAssignment.Split("train", 0.8), new SplitAssignment.Split("test", 0.2)),
            0);
    int[] sizes = {1000, 37, 5};
    Map<Long, String> personaOf = new HashMap<>();
    Map<String, double[]> units = new HashMap<>();
    long hash = 1;
    for (int p = 0; p < sizes.length; p++) {
      double[] personaUnits = new double[sizes[p]];
      for (int i = 0;
          i < sizes[p];
          i++, hash = hash * 6364136223846793005L + 1442695040888963407L) {
        personaOf.put(hash, "p" + p);
        personaUnits[i] = assignment.unit(hash);
      }
      units.put("p" + p, personaUnits);
    }
    SplitChooser chooser =
        SplitChooser.stratified(assignment, RecordShape.PERSONA, units, personaOf);

    Map<String, int[]> counts = new HashMap<>();
    personaOf.forEach(
        (question, persona) ->
            counts
                .computeIfAbsent(persona, p -> new int[2])[
                chooser.splitOf(askedBy(persona), question)]++);
    assertEquals(800, counts.get("p0")[0]);
    assertEquals(Math.round(37 * 0.8), counts.get("p1")[0]);
    assertEquals(4, counts.get("p2")[0]);
    // A question belongs to one persona: asked by another, it keeps its split.
    personaOf.forEach(
        (question, persona) ->
            assertEquals(
                chooser.splitOf(askedBy(persona), question),
                chooser.splitOf(askedBy("someone else"), question)));
  }

  @Test
  void manySmallStrataStillFillEverySplitByItsShare() {
    // Stratified on a column of many values (an id, a free-text field): each stratum of one or
    // two questions, rounded on its own, went whole to the largest split and left the others
    // empty. Each split must get its share of the whole, and each stratum its fractions to one.
    var assignment =
        new SplitAssignment(
            List.of(
                new SplitAssignment.Split("train", 0.8),
                new SplitAssignment.Split("validation", 0.1),
                new SplitAssignment.Split("test", 0.1)),
            7);
    Map<Long, String> stratumOf = new HashMap<>();
    Map<String, double[]> units = new HashMap<>();
    Map<String, Integer> sizes = new HashMap<>();
    long hash = 11;
    int total = 0;
    for (int s = 0; s < 500; s++) {
      int size = 1 + s % 3;
      double[] stratumUnits = new double[size];
      for (int i = 0; i < size; i++, hash = hash * 6364136223846793005L + 1442695040888963407L) {
        stratumOf.put(hash, "value " + s);
        stratumUnits[i] = assignment.unit(hash);
      }
      units.put("value " + s, stratumUnits);
      sizes.put("value " + s, size);
      total += size;
    }
    SplitChooser chooser =
        SplitChooser.stratified(assignment, RecordShape.PERSONA, units, stratumOf);

    int[] perSplit = new int[3];
    Map<String, int[]> perStratum = new HashMap<>();
    stratumOf.forEach(
        (question, stratum) -> {
          int split = chooser.splitOf(askedBy(stratum), question);
          perSplit[split]++;
          perStratum.computeIfAbsent(stratum, k -> new int[3])[split]++;
        });
    double[] fractions = {0.8, 0.1, 0.1};
    for (int split = 0; split < 3; split++) {
      assertTrue(
          Math.abs(perSplit[split] - total * fractions[split]) <= 1,
          "split " + split + ": " + perSplit[split] + " of " + total);
    }
    perStratum.forEach(
        (stratum, counts) -> {
          for (int split = 0; split < 3; split++) {
            double share = sizes.get(stratum) * fractions[split];
            assertTrue(
                counts[split] >= Math.floor(share) && counts[split] <= Math.ceil(share),
                stratum + " split " + split + ": " + counts[split]);
          }
        });
  }
}
