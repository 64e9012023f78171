package io.qaexport.domain.dedup;

/** Which passed pairs the first pass found to be duplicates, asked line by line in input order. */
public interface DuplicateVerdicts {

  /** The kept pair this one duplicates, or {@code null} when it is kept itself. */
  Verdict of(long lineNumber, long questionHash);

  /**
   * @param duplicateOf the kept pair's line
   */
  record Verdict(long duplicateOf, double similarity) {}

  /** Exact duplicates: a pair is kept when it is its group's kept pair. */
  static DuplicateVerdicts exact(ExactGroups groups) {
    return (line, hash) -> {
      long kept = groups.keptLine(hash);
      // 0: the pair was not in the file at the first pass (it changed since): keep it.
      return kept == 0 || kept == line ? null : new Verdict(kept, 1.0);
    };
  }

  /** The dropped pairs in line order, asked with a cursor as the second pass reads on. */
  final class InLineOrder implements DuplicateVerdicts {
    private final LongArray lines = new LongArray();
    private final LongArray duplicateOf = new LongArray();
    private final LongArray similarities = new LongArray();
    private int cursor;

    void add(long line, long of, double similarity) {
      lines.add(line);
      duplicateOf.add(of);
      similarities.add(Double.doubleToRawLongBits(similarity));
    }

    int size() {
      return lines.size();
    }

    @Override
    public Verdict of(long lineNumber, long questionHash) {
      while (cursor < lines.size() && lines.get(cursor) < lineNumber) {
        cursor++;
      }
      if (cursor < lines.size() && lines.get(cursor) == lineNumber) {
        return new Verdict(
            duplicateOf.get(cursor), Double.longBitsToDouble(similarities.get(cursor)));
      }
      return null;
    }
  }
}
