package io.qaexport.application.service.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
