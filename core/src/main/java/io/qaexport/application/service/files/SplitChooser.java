package io.qaexport.application.service.files;

import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.SplitAssignment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

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
   * The stratum a record belongs to by {@code column}'s value; null values form one of their own.
   */
  static String stratumOf(Column column, HfRecord record) {
    if (column instanceof Column.Kept kept) {
      Object value = kept.of(record);
      return value == null ? NULL_STRATUM : value.toString();
    }
    return ((Column.Text) column).of(record);
  }

  /** The stratum of null values: no text value is this (NUL is not in the data's strings). */
  String NULL_STRATUM = "\0null";

  /**
   * Cut points per stratum (a persona, a kept column's value) from the hashes of its questions. A
   * question found in several strata belongs to one of them ({@code stratumOfQuestion}), so all its
   * pairs share a split: a question never straddles splits, stratified or not.
   */
  static SplitChooser stratified(
      SplitAssignment assignment,
      Column stratifyBy,
      Map<String, double[]> unitsByStratum,
      Map<Long, String> stratumOfQuestion) {
    Map<String, double[]> cuts = new HashMap<>();
    StratumApportionment apportionment = new StratumApportionment(assignment);
    // In name order, so the same input gets the same cuts whatever the maps' order.
    new TreeMap<>(unitsByStratum)
        .forEach(
            (stratum, units) -> {
              Arrays.sort(units);
              int[] counts = apportionment.next(units.length);
              double[] stratumCuts = new double[counts.length - 1];
              int boundary = 0;
              for (int i = 0; i < stratumCuts.length; i++) {
                boundary += counts[i];
                stratumCuts[i] =
                    boundary < units.length ? units[boundary] : Double.POSITIVE_INFINITY;
              }
              cuts.put(stratum, stratumCuts);
            });
    return (record, hash) -> {
      String stratum = stratumOfQuestion.get(hash);
      double[] stratumCuts = cuts.get(stratum != null ? stratum : stratumOf(stratifyBy, record));
      if (stratumCuts == null) {
        return assignment.splitOf(hash); // not in the file at the first pass
      }
      double unit = assignment.unit(hash);
      int split = 0;
      while (split < stratumCuts.length && unit >= stratumCuts[split]) {
        split++;
      }
      return split;
    };
  }
}
