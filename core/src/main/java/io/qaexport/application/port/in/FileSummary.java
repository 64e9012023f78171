package io.qaexport.application.port.in;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.card.ScoreSummary;
import io.qaexport.domain.mapping.DefaultedField;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the export did with one input file. Lines read always equal exported (kept) + what each
 * training-set stage left out + skipped + blank.
 *
 * @param defaultsApplied per field, the output rows that got its default (rows a stage left out are
 *     not counted; pairs moved here below {@code --min-score} are)
 * @param errorsFile the log of skipped lines, when any were skipped
 * @param personas exported records per persona, most common first
 * @param scores the output rows' validation scores
 * @param arrowBytes the exported records' size as Arrow data ({@code datasets}' {@code num_bytes})
 * @param sample the first exported record, if any
 * @param curation what the training-set stages did; {@link Curation#NONE} for a plain export
 * @param keptNulls per kept column of the shape, in order, the output rows where it is null
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
    Curation curation,
    List<Long> keptNulls) {

  public FileSummary {
    keptNulls = List.copyOf(keptNulls);
    defaultsApplied = Map.copyOf(defaultsApplied);
    personas = List.copyOf(personas);
    Objects.requireNonNull(curation, "curation");
    if (linesRead != exported + curation.leftOut() + skipped + blankLines) {
      var identity =
          new StringBuilder(
              input
                  + ": line accounting broken: "
                  + linesRead
                  + " read != "
                  + exported
                  + " exported");
      curation
          .stages()
          .forEach(
              stage ->
                  identity.append(" + ").append(stage.count()).append(' ').append(stage.label()));
      throw new IllegalStateException(
          identity + " + " + skipped + " skipped + " + blankLines + " blank");
    }
  }

  /** A summary without kept columns. */
  public FileSummary(
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
    this(
        input,
        shape,
        output,
        linesRead,
        exported,
        skipped,
        blankLines,
        defaultsApplied,
        errorsFile,
        outputBytes,
        personas,
        scores,
        arrowBytes,
        sample,
        curation,
        List.of());
  }

  /** A plain export's summary. */
  public FileSummary(
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
      ScoreSummary scores) {
    this(
        input,
        shape,
        output,
        linesRead,
        exported,
        skipped,
        blankLines,
        defaultsApplied,
        errorsFile,
        outputBytes,
        personas,
        scores,
        0,
        Optional.empty(),
        Curation.NONE);
  }

  /** Rows in this file's output: its own records and those moved to it from another file. */
  public long rows() {
    return exported + curation.received();
  }

  /**
   * What the training-set stages did with one file.
   *
   * @param active whether any stage ran (only then do summaries speak of them)
   * @param stages each stage's count, in the order a record meets the stages
   * @param received rows this output got from another file (pairs below the threshold)
   * @param splits the output's splits and their files; one {@code train} split without splits
   */
  public record Curation(
      boolean active, List<StageCount> stages, long received, List<SplitFiles> splits) {
    public static final Curation NONE = new Curation(false, List.of(), 0, List.of());

    public Curation {
      stages = List.copyOf(stages);
      splits = List.copyOf(splits);
    }

    /** Pairs the stages left out of this file's output. */
    public long leftOut() {
      return stages.stream().mapToLong(StageCount::count).sum();
    }

    /** The count of the stage with this key; 0 if it did not run. */
    public long count(String key) {
      return stages.stream()
          .filter(stage -> stage.key().equals(key))
          .mapToLong(StageCount::count)
          .sum();
    }

    /** The log of the stage with this key, if it left a pair out. */
    public Optional<Path> log(String key) {
      return stages.stream()
          .filter(stage -> stage.key().equals(key))
          .flatMap(stage -> stage.log().stream())
          .findFirst();
    }
  }

  /**
   * One split of an output: its name, rows and files (more than one when sharded).
   *
   * @param bytes the files' size on disk
   * @param arrowBytes the split's size as Arrow data ({@code datasets}' {@code num_bytes})
   */
  public record SplitFiles(String name, long rows, List<Path> files, long bytes, long arrowBytes) {
    public SplitFiles {
      Objects.requireNonNull(name, "name");
      files = List.copyOf(files);
    }
  }
}
