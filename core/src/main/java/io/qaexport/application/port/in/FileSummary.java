package io.qaexport.application.port.in;

import io.qaexport.domain.DefaultedField;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.card.ScoreSummary;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the export did with one input file. Lines read always equal exported (kept) + below the
 * score threshold + duplicates + skipped + blank.
 *
 * @param errorsFile the log of skipped lines, when any were skipped
 * @param personas exported records per persona, most common first
 * @param scores the output rows' validation scores
 * @param arrowBytes the exported records' size as Arrow data ({@code datasets}' {@code num_bytes})
 * @param sample the first exported record, if any
 * @param curation what the training-set stages did; {@link Curation#NONE} for a plain export
 */
public record FileSummary(
    Path input,
    RecordShape shape,
    Path output,
    long linesRead,
    long exported,
    long skipped,
    long blankLines,
    Map<DefaultedField, Long> defaultsApplied,
    Optional<Path> errorsFile,
    long outputBytes,
    List<Map.Entry<String, Long>> personas,
    ScoreSummary scores,
    long arrowBytes,
    Optional<HfRecord> sample,
    Curation curation) {

  public FileSummary {
    defaultsApplied = Map.copyOf(defaultsApplied);
    personas = List.copyOf(personas);
    Objects.requireNonNull(curation, "curation");
    if (linesRead != exported + curation.belowThreshold() + curation.duplicates() + skipped
        + blankLines) {
      throw new IllegalStateException(
          "line accounting broken for " + input + ": " + linesRead + " read != " + exported
              + " exported + " + curation.belowThreshold() + " below threshold + "
              + curation.duplicates() + " duplicates + " + skipped + " skipped + " + blankLines
              + " blank");
    }
  }

  /** A plain export's summary. */
  public FileSummary(Path input, RecordShape shape, Path output, long linesRead, long exported,
      long skipped, long blankLines, Map<DefaultedField, Long> defaultsApplied,
      Optional<Path> errorsFile, long outputBytes, List<Map.Entry<String, Long>> personas,
      ScoreSummary scores) {
    this(input, shape, output, linesRead, exported, skipped, blankLines, defaultsApplied,
        errorsFile, outputBytes, personas, scores, 0, Optional.empty(), Curation.NONE);
  }

  /** Rows in this file's output: its own records and those moved to it from another file. */
  public long rows() {
    return exported + curation.received();
  }

  /**
   * What the training-set stages did with one file.
   *
   * @param active whether any stage ran (only then do summaries speak of them)
   * @param belowThreshold passed pairs under {@code --min-score}, moved to the rejected output
   * @param duplicates pairs dropped as duplicates of a kept pair, listed in {@code duplicatesFile}
   * @param received rows this output got from another file (pairs below the threshold)
   * @param splits the output's splits and their files; one {@code train} split without splits
   */
  public record Curation(boolean active, long belowThreshold, long duplicates, long received,
      Optional<Path> duplicatesFile, List<SplitFiles> splits) {
    public static final Curation NONE =
        new Curation(false, 0, 0, 0, Optional.empty(), List.of());

    public Curation {
      Objects.requireNonNull(duplicatesFile, "duplicatesFile");
      splits = List.copyOf(splits);
    }
  }

  /** One split of an output: its name, rows and files (more than one when sharded). */
  /**
   * One split's files.
   *
   * @param bytes the files' size on disk
   * @param arrowBytes the split's size as Arrow data ({@code datasets}' {@code num_bytes})
   */
  public record SplitFiles(String name, long rows, List<Path> files, long bytes,
      long arrowBytes) {
    public SplitFiles {
      Objects.requireNonNull(name, "name");
      files = List.copyOf(files);
    }
  }
}
