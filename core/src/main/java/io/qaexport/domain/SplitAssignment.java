package io.qaexport.domain;

import io.qaexport.domain.dedup.QuestionKey;
import java.util.List;
import java.util.Objects;

/**
 * Which split a pair goes to: a pure function of its question's {@link QuestionKey} hash and the
 * seed, so a re-export with pairs added keeps every old pair in its split, and pairs whose
 * questions normalise alike always land together.
 *
 * @param splits names and fractions, in the order given; fractions sum to 1
 */
public record SplitAssignment(List<Split> splits, long seed) {

  /** One split: its name (e.g. {@code train}) and its share of the pairs. */
  public record Split(String name, double fraction) {
    public Split {
      Objects.requireNonNull(name, "name");
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("a split's fraction is above 0 and at most 1: " + name);
      }
    }
  }

  public SplitAssignment {
    splits = List.copyOf(splits);
    if (splits.isEmpty()) {
      throw new IllegalArgumentException("no splits");
    }
    double sum = splits.stream().mapToDouble(Split::fraction).sum();
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("the split fractions add up to " + sum + ", not 1");
    }
  }

  /** The index in {@link #splits()} of the split a question with this hash goes to. */
  public int splitOf(long questionHash) {
    return splitAt(unit(questionHash));
  }

  /** The hash, seeded, as a number in [0, 1). */
  public double unit(long questionHash) {
    return (QuestionKey.mix(questionHash ^ QuestionKey.mix(seed)) >>> 11) * 0x1.0p-53;
  }

  private int splitAt(double u) {
    double upTo = 0;
    for (int i = 0; i < splits.size() - 1; i++) {
      upTo += splits.get(i).fraction();
      if (u < upTo) {
        return i;
      }
    }
    return splits.size() - 1;
  }

  public int size() {
    return splits.size();
  }

  public String name(int split) {
    return splits.get(split).name();
  }
}
