package io.qaexport.domain.card;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.mapping.DefaultCounts;
import io.qaexport.domain.mapping.DefaultedField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a dataset card says about the exported records: the persona distribution and the score
 * summary. The histogram's bins are [0, 0.1), [0.1, 0.2), … [0.9, 1.0]. Memory stays bounded: at
 * most {@link #MAX_DISTINCT_PERSONAS} personas are told apart, the rest are counted together, and
 * scores go into fixed bins, never into a list.
 */
public final class DatasetStatistics {
  public static final int MAX_DISTINCT_PERSONAS = 10_000;

  /** The label under which personas beyond the distinct limit are counted. */
  public static final String OTHER_PERSONAS = "(other)";

  private static final int FINE_BINS = 1000;
  private static final int COARSE_BINS = 10;

  // A counter per persona, so a record costs one lookup and no boxing.
  private final Map<String, long[]> personas = new HashMap<>();
  private final long[] fineBins = new long[FINE_BINS + 1];
  private final long[] coarseBins = new long[COARSE_BINS];
  private long records;
  private long otherPersonas;
  private long belowZero;
  private long aboveOne;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private HfRecord first;
  private long[] keptNulls = new long[0];
  private final DefaultCounts defaults = new DefaultCounts();

  public void add(HfRecord record) {
    if (records++ == 0) {
      first = record;
    }
    defaults.add(record.defaultedFields());
    KeptValues kept = record.kept();
    if (kept.size() > 0) {
      if (keptNulls.length != kept.size()) {
        keptNulls = Arrays.copyOf(keptNulls, kept.size());
      }
      for (int i = 0; i < kept.size(); i++) {
        if (kept.get(i) == null) {
          keptNulls[i]++;
        }
      }
    }
    String persona = record.persona();
    long[] count = personas.get(persona);
    if (count != null) {
      count[0]++;
    } else if (personas.size() < MAX_DISTINCT_PERSONAS) {
      personas.put(persona, new long[] {1});
    } else {
      otherPersonas++;
    }
    addScore(record.validationScore());
  }

  private void addScore(double score) {
    min = Double.isNaN(min) ? score : Math.min(min, score);
    max = Double.isNaN(max) ? score : Math.max(max, score);
    if (score < 0) {
      belowZero++;
    } else if (score > 1) {
      aboveOne++;
    } else {
      fineBins[(int) Math.round(score * FINE_BINS)]++;
      coarseBins[Math.min(COARSE_BINS - 1, (int) (score * COARSE_BINS))]++;
    }
  }

  public long records() {
    return records;
  }

  /** Per field, the records that got its default, for the fields with any. */
  public Map<DefaultedField, Long> defaultsApplied() {
    return defaults.nonZero();
  }

  /** Per kept column, in order, the records whose value is null (missing or JSON null). */
  public List<Long> keptNulls() {
    return Arrays.stream(keptNulls).boxed().toList();
  }

  /** The first record added, for a card's sample row. */
  public Optional<HfRecord> first() {
    return Optional.ofNullable(first);
  }

  /** Personas by count, most common first (ties by name), with {@link #OTHER_PERSONAS} last. */
  public List<Map.Entry<String, Long>> personaCounts() {
    List<Map.Entry<String, Long>> sorted = new ArrayList<>();
    personas.forEach((persona, count) -> sorted.add(Map.entry(persona, count[0])));
    sorted.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    if (otherPersonas > 0) {
      sorted.add(Map.entry(OTHER_PERSONAS, otherPersonas));
    }
    return sorted;
  }

  public ScoreSummary scores() {
    List<Long> histogram = new ArrayList<>();
    for (long count : coarseBins) {
      histogram.add(count);
    }
    return new ScoreSummary(records, min, median(), max, histogram, belowZero, aboveOne);
  }

  private double median() {
    if (records == 0) {
      return Double.NaN;
    }
    long middle = (records + 1) / 2;
    long seen = belowZero;
    if (seen >= middle) {
      return min;
    }
    for (int fine = 0; fine <= FINE_BINS; fine++) {
      seen += fineBins[fine];
      if (seen >= middle) {
        return fine / (double) FINE_BINS;
      }
    }
    return max;
  }
}
