package io.qaexport.domain.card;

import java.util.List;

/**
 * Validation scores of one dataset: count, minimum, median, maximum and a ten-bin histogram over
 * [0, 1] (scores outside that range are counted apart). {@code min}, {@code median} and {@code max}
 * are NaN when there are no scores. The median is exact to 0.001 for scores in [0, 1].
 */
public record ScoreSummary(
    long count,
    double min,
    double median,
    double max,
    List<Long> histogram,
    long belowZero,
    long aboveOne) {

  public ScoreSummary {
    histogram = List.copyOf(histogram);
  }
}
