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
}
