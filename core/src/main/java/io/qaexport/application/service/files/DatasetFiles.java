package io.qaexport.application.service.files;

import io.qaexport.application.port.in.FileSummary.SplitFiles;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.SplitAssignment;
import io.qaexport.domain.card.DatasetStatistics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files one output is written to: one file (a plain export), or one per split, each cut into
 * shards when the first pass found it larger than the shard size. Names follow the Hub's
 * conventions, so it recognises the split from the file name: {@code qa_pairs-train.jsonl}, {@code
 * qa_pairs-train-00000-of-00003.jsonl}; unsplit shards are {@code qa_pairs-00000-of-00003}. A
 * split's shards are written one after another; the splits' files are open together, each with its
 * own writer thread.
 */
public final class DatasetFiles implements RecordSink, AutoCloseable {
  private final SplitChooser chooser; // null: no splits
  private final QuestionHashes hashes;
  private final Path basePath;
  private final SplitWriter[] splits;
  private final DatasetStatistics statistics = new DatasetStatistics();

  /**
   * @param layout expected rows and shards per split, from the first pass; {@link Layout#single}
   *     when there was none
   */
  public DatasetFiles(
      OutputFormat format,
      RecordShape shape,
      Path basePath,
      OutputTransaction outputs,
      SplitAssignment assignment,
      SplitChooser chooser,
      QuestionHashes hashes,
      Layout layout)
      throws ExportException {
    this.chooser = chooser;
    this.hashes = hashes;
    this.basePath = basePath;
    int count = assignment == null ? 1 : assignment.size();
    this.splits = new SplitWriter[count];
    for (int i = 0; i < count; i++) {
      String name = assignment == null ? "train" : assignment.name(i);
      splits[i] =
          new SplitWriter(
              basePath,
              name,
              assignment != null,
              layout.rows()[i],
              layout.shards()[i],
              format,
              shape,
              outputs);
    }
    if (assignment == null && layout.shards()[0] == 1) {
      // A plain export writes its file even when no record comes (SPEC: an empty input gives an
      // empty output).
      splits[0].open(0);
    }
  }

  /** Expected rows and shard counts per split. */
  public record Layout(long[] rows, int[] shards) {
    public static Layout single(int splits) {
      int[] shards = new int[splits];
      Arrays.fill(shards, 1);
      return new Layout(new long[splits], shards);
    }
  }

  @Override
  public void accept(long lineNumber, HfRecord record) throws ExportException {
    int split = chooser == null ? 0 : chooser.splitOf(record, hashes.of(record));
    splits[split].accept(lineNumber, record);
    statistics.add(record);
  }

  /** Completes every file; returns their total size in bytes. */
  public long complete() throws ExportException {
    long bytes = 0;
    for (SplitWriter split : splits) {
      bytes += split.complete();
    }
    return bytes;
  }

  /** The output's name without splits: the plain file, and the stem of split files and logs. */
  public Path path() {
    return basePath;
  }

  public DatasetStatistics statistics() {
    return statistics;
  }

  /** The written records' size as Arrow data; complete once {@link #complete()} returned. */
  public long arrowBytes() {
    long total = 0;
    for (SplitWriter split : splits) {
      total += split.arrowBytes();
    }
    return total;
  }

  public List<SplitFiles> splitFiles() {
    List<SplitFiles> files = new ArrayList<>();
    for (SplitWriter split : splits) {
      files.add(
          new SplitFiles(
              split.name(), split.written(), split.paths(), split.bytes(), split.arrowBytes()));
    }
    return files;
  }

  @Override
  public void close() {
    for (SplitWriter split : splits) {
      split.close();
    }
  }

  /**
   * Files of an earlier run that this run's files replace under other names: the plain file when
   * this run writes splits or shards, and this run's splits' files with another shard count (or
   * none). They go when the outputs land, so the directory holds one run's data.
   */
  public List<Path> staleFiles() throws IOException {
    List<Path> written = new ArrayList<>();
    for (SplitWriter split : splits) {
      written.addAll(split.paths());
    }
    List<String> names = new ArrayList<>();
    for (SplitWriter split : splits) {
      if (split.named()) {
        names.add(split.name());
      }
    }
    var ours = fileNames(basePath, names);
    List<Path> stale = new ArrayList<>();
    Path directory = basePath.toAbsolutePath().getParent();
    try (var files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean mine =
            written.stream().anyMatch(path -> path.getFileName().toString().equals(name));
        if (!mine && ours.matcher(name).matches()) {
          stale.add(basePath.resolveSibling(name));
        }
      }
    }
    return stale;
  }

  /**
   * Every name the files of {@code basePath} may take: plain, a split's, a shard's (e.g. {@code
   * qa_pairs-train-00000-of-00003.jsonl} for {@code qa_pairs.jsonl} and split train).
   */
  static Pattern fileNames(Path basePath, List<String> splitNames) {
    String base = basePath.getFileName().toString();
    int dot = base.lastIndexOf('.');
    String stem = dot < 0 ? base : base.substring(0, dot);
    String extension = dot < 0 ? "" : base.substring(dot);
    List<String> quoted = splitNames.stream().map(Pattern::quote).toList();
    String split = quoted.isEmpty() ? "" : "(-(" + String.join("|", quoted) + "))?";
    return Pattern.compile(
        Pattern.quote(stem) + split + "(-\\d{5}-of-\\d{5})?" + Pattern.quote(extension));
  }

  /**
   * At least the plain size of the input {@code probe} reads, to decide whether its output may need
   * shards. A compressed file's plain size is unknown: bounded by 1000 times its size (repetitive
   * JSON Lines compress far beyond text's usual 3-20 times with xz or zstd).
   */
  public static long plainSizeBound(PairReader probe, Path input) throws IOException {
    return probe.sizeBytes() >= 0 ? probe.sizeBytes() : 1000 * Files.size(input);
  }
}
