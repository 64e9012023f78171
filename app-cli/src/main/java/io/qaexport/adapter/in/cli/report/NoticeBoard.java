package io.qaexport.adapter.in.cli.report;

import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.Notice;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words the export's notices for this command line: warnings are printed as they happen (unless
 * quiet), notes are kept for the summary that ends the run. Progress goes on to {@code bar}.
 */
public final class NoticeBoard implements ExportProgress {
  private final Console console;
  private final boolean quiet;
  private final ExportProgress bar;
  private final List<String> notes = new ArrayList<>();
  private final OutputsWatch outputs = new OutputsWatch();

  public NoticeBoard(Console console, boolean quiet, ExportProgress bar) {
    this.console = console;
    this.quiet = quiet;
    this.bar = bar;
  }

  /** What the run did with its output directory, for the message a signal ends it with. */
  public OutputsWatch outputs() {
    return outputs;
  }

  @Override
  public void notice(Notice notice) {
    if (outputs.take(notice)) {
      return;
    }
    if (notice instanceof Notice.EmptyInput empty) {
      warn(
          empty.blankLines() == 0
              ? empty.input() + " is empty: it holds no records"
              : String.format(
                  Locale.US,
                  "%s holds no records: its %,d line%s blank",
                  empty.input(),
                  empty.blankLines(),
                  empty.blankLines() == 1 ? " is" : "s are"));
    } else if (notice instanceof Notice.KeptColumnAlwaysNull always) {
      warn(
          "kept column '"
              + always.column()
              + "' is null in every row from "
              + always.input()
              + ": no exported row has a value at '"
              + always.path()
              + "' (is the path right? nested keys are joined by dots)");
    } else if (notice instanceof Notice.ForeignCardKept foreign) {
      warn(
          foreign.card()
              + " exists and was not written by qa-export; it is left as it is and"
              + " no dataset card was written (use --dataset-card PATH to write it elsewhere, or"
              + " --no-dataset-card)");
    } else if (notice instanceof Notice.WaitingForOutputDirectory waiting) {
      warn(
          "another qa-export run is using "
              + waiting.directory()
              + "; waiting for it to"
              + " finish");
    } else if (notice instanceof Notice.InterruptedCommitUndone undone) {
      warn(
          "an earlier run was killed while moving its outputs into place in "
              + undone.directory()
              + "; its moves were undone, the outputs before it are kept");
    } else if (notice instanceof Notice.CardNotUpdatable stuck) {
      warn(
          stuck.card()
              + " has qa-export's block, but "
              + stuck.reason()
              + "; it is left as it"
              + " is and no dataset card was written (fix its YAML, or remove the qa-export markers"
              + " to keep it as your own)");
    } else if (notice instanceof Notice.InputRefused refused) {
      notes.add(refused.input() + " was not exported: " + refused.reason());
    } else if (notice instanceof Notice.NoCardWithoutPassedPairs none) {
      notes.add(
          "no dataset card was written: no passed pair of "
              + none.passedInput()
              + " was kept, and load_dataset(dir) would return the rejected pairs as the dataset");
    } else if (notice instanceof Notice.ThresholdAboveEveryScore above) {
      warn(
          String.format(
              Locale.US,
              "--min-score %s is above every passed pair's"
                  + " validation_score (the highest is %s): no passed pair is kept",
              plain(above.minScore()),
              plain(above.maxScore())));
    } else if (notice instanceof Notice.NoCardForEmptyDataset) {
      notes.add(
          "no dataset card was written: no records were exported, and datasets cannot"
              + " load an empty split");
    } else if (notice instanceof Notice.NoCardForOwnLayout layout) {
      notes.add(
          "no dataset card was written: format '"
              + layout.formatName()
              + "' has its own"
              + " row layout, whose features the card cannot declare");
    } else if (notice instanceof Notice.CardWithdrawn withdrawn) {
      notes.add(
          withdrawn.card()
              + " no longer declares the earlier export's configs, features or counts: this"
              + " export wrote no card there, as "
              + withdrawn.why()
              + " (what you wrote outside qa-export's part is kept)");
    } else if (notice instanceof Notice.SplitFarFromItsShare far && far.rows() == 0) {
      warn(
          String.format(
              Locale.US,
              "split '%s' is empty: it got none of the %,d passed pairs (%s %% asked for), as"
                  + " there are too few, or duplicate groups are kept whole in other splits",
              far.split(),
              far.total(),
              plain(far.fraction() * 100)));
    } else if (notice instanceof Notice.SplitFarFromItsShare far) {
      warn(
          String.format(
              Locale.US,
              "split '%s' got %,d of %,d passed pairs (%.1f %%), not the %s %% asked for:"
                  + " duplicate groups are kept whole in one split, and large ones tip the ratios"
                  + " (with --split-groups near, a higher --dedup-threshold makes smaller groups)",
              far.split(),
              far.rows(),
              far.total(),
              100.0 * far.rows() / far.total(),
              plain(far.fraction() * 100)));
    } else if (notice instanceof Notice.EarlierLicenseDropped dropped) {
      warn(
          dropped.card()
              + " gave the license "
              + dropped.license()
              + ", which is not one license id the Hub takes; the card now says 'unknown':"
              + " choose one with --license (e.g. cc-by-4.0, or other with --license-name and"
              + " --license-link)");
    } else if (notice instanceof Notice.NoLicense) {
      notes.add(
          "the dataset card's license is 'unknown', which the Hub flags: choose one with"
              + " --license (e.g. cc-by-4.0)");
    } else if (notice instanceof Notice.StaleFileRemoved stale) {
      String note =
          "removed " + stale.file() + ": an earlier export wrote it, and this export replaces it";
      if (!notes.contains(note)) { // the card and the split layout may both name it
        notes.add(note);
      }
    } else if (notice instanceof Notice.CardConfigLeftOut leftOut) {
      notes.add(
          "the dataset card has no config for "
              + leftOut.input().getFileName()
              + ": it yielded no records, and datasets cannot load an empty split");
    }
  }

  /** The notes for the summary, in the order they came. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** A fraction as a person wrote it: 10, not 10.000000000000009 (0.1 * 100 in binary). */
  private static String plain(double value) {
    return BigDecimal.valueOf(value)
        .round(new MathContext(12))
        .stripTrailingZeros()
        .toPlainString();
  }

  private void warn(String message) {
    if (!quiet) {
      console.err().println("qa-export: warning: " + message);
    }
  }

  @Override
  public void fileStarted(Path input, long sizeBytes) {
    bar.fileStarted(input, sizeBytes);
  }

  @Override
  public void firstPassStarted(Path input, long sizeBytes) {
    bar.firstPassStarted(input, sizeBytes);
  }

  @Override
  public void linesRead(long lines) {
    bar.linesRead(lines);
  }

  @Override
  public void bytesRead(long bytes) {
    bar.bytesRead(bytes);
  }

  @Override
  public void fileFinished(Path input) {
    bar.fileFinished(input);
  }
}
