package io.qaexport.application.service.files;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.SplitAssignment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which split a record goes to, by its question's hash: {@link SplitAssignment} as it is, or, with
 * {@code --stratify persona}, within each persona by cut points that the first pass put between the
 * persona's pairs (ordered by the same seeded hash) so that each persona's pairs follow the
 * fractions exactly. Pairs whose questions normalise alike share a hash and so a split either way.
 * Stratified, a re-export with pairs added may move a pair next to a cut point.
 */
public interface SplitChooser {

  int splitOf(HfRecord record, long questionHash);

  /**
   * {@code base}, asked with the key of the question's near-duplicate component instead of its own
   * hash where it has one, so paraphrases share a split.
   */
  static SplitChooser clustered(SplitChooser base, Map<Long, Long> componentKeys) {
    return (record, hash) -> base.splitOf(record, componentKeys.getOrDefault(hash, hash));
  }

  static SplitChooser plain(SplitAssignment assignment) {
    return (record, hash) -> assignment.splitOf(hash);
  }

  /**
   * Cut points per persona from the hashes of its questions. A question asked by several personas
   * belongs to one of them ({@code personaOfQuestion}), so all its pairs share a split: a question
   * never straddles splits, stratified or not.
   */
  static SplitChooser stratified(
      SplitAssignment assignment,
      Map<String, double[]> unitsByPersona,
      Map<Long, String> personaOfQuestion) {
    Map<String, double[]> cuts = new HashMap<>();
    unitsByPersona.forEach(
        (persona, units) -> {
          Arrays.sort(units);
          double[] personaCuts = new double[assignment.size() - 1];
          double share = 0;
          for (int i = 0; i < personaCuts.length; i++) {
            share += assignment.splits().get(i).fraction();
            int boundary = (int) Math.round(units.length * share);
            personaCuts[i] = boundary < units.length ? units[boundary] : Double.POSITIVE_INFINITY;
          }
          cuts.put(persona, personaCuts);
        });
    return (record, hash) -> {
      double[] personaCuts = cuts.get(personaOfQuestion.getOrDefault(hash, record.persona()));
      if (personaCuts == null) {
        return assignment.splitOf(hash); // not in the file at the first pass
      }
      double unit = assignment.unit(hash);
      int split = 0;
      while (split < personaCuts.length && unit >= personaCuts[split]) {
        split++;
      }
      return split;
    };
  }
}
