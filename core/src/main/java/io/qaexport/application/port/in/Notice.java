package io.qaexport.application.port.in;

import java.nio.file.Path;

/**
 * Something the user should know about a run that is not a failure. The export states the fact; the
 * caller decides how to word it and when to show it.
 */
public sealed interface Notice {

  /** An input file holds no records: no lines at all, or {@code blankLines} blank ones only. */
  record EmptyInput(Path input, long blankLines) implements Notice {}

  /**
   * A kept column ({@code --keep-columns}) is null in every row written from {@code input}: its
   * path may be misspelt.
   */
  record KeptColumnAlwaysNull(Path input, String column, String path) implements Notice {}

  /** The chosen format does not export this input's records; it was not read. */
  record InputRefused(Path input, String reason) implements Notice {}

  /** A file where the card should go was not written by qa-export: it is kept, no card. */
  record ForeignCardKept(Path card) implements Notice {}

  /** No card: no records were exported, and {@code datasets} cannot load an empty split. */
  record NoCardForEmptyDataset() implements Notice {}

  /**
   * No card: no passed pair was kept, and a card of the rejected pairs alone would make {@code
   * load_dataset(dir)} return them as the dataset.
   */
  record NoCardWithoutPassedPairs(Path passedInput) implements Notice {}

  /**
   * No card for this export, but qa-export's card of an earlier one was there: its configs,
   * features and counts were taken out, so it does not describe files this export replaced.
   */
  record CardWithdrawn(Path card, String why) implements Notice {}

  /** {@code --min-score} is above every passed pair's score: it keeps none of them. */
  record ThresholdAboveEveryScore(double minScore, double maxScore) implements Notice {}

  /** No card: the format writes rows of its own layout, whose features a card cannot declare. */
  record NoCardForOwnLayout(String formatName) implements Notice {}

  /** The card leaves out the config of an input that yielded no records. */
  record CardConfigLeftOut(Path input) implements Notice {}

  /**
   * The run holds the output directory: from here until {@link OutputsReleased}, a signal that ends
   * the JVM finds the outputs either still the earlier ones or, after {@link OutputsCommitted},
   * this run's.
   */
  record OutputsLocked(Path directory) implements Notice {}

  /** This run's outputs are in place (the commit point has passed). */
  record OutputsCommitted(Path directory) implements Notice {}

  /** The run let go of the output directory: committed, failed, or stopped by a signal. */
  record OutputsReleased(Path directory) implements Notice {}

  /**
   * A split got far from its share of the passed pairs (under half or over one and a half times
   * it), or none of them: duplicate groups are kept whole in one split, and large groups tip the
   * ratios; a few pairs cannot fill every split.
   */
  record SplitFarFromItsShare(String split, long rows, long total, double fraction)
      implements Notice {}

  /** Another run holds the output directory's lock; this one waits for it. */
  record WaitingForOutputDirectory(Path directory) implements Notice {}

  /** A killed run had left a commit half done here; it was undone, the earlier outputs kept. */
  record InterruptedCommitUndone(Path directory) implements Notice {}

  /** The card's license is {@code unknown}: the Hub flags it; a license should be chosen. */
  record NoLicense(Path card) implements Notice {}

  /**
   * The earlier card's license (a list, or an id the Hub does not take) cannot be kept as the
   * card's one license id: the card says {@code unknown} instead.
   */
  record EarlierLicenseDropped(Path card, String license) implements Notice {}

  /**
   * A data file an earlier export wrote (the earlier card names it) that this export does not
   * write: it is removed when the outputs land, so the directory holds one dataset.
   */
  record StaleFileRemoved(Path file) implements Notice {}

  /** The card has qa-export's block but cannot be updated safely: it is kept, no card. */
  record CardNotUpdatable(Path card, String reason) implements Notice {}
}
