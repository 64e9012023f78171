package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.out.DatasetCardWriter.PreviousCard;
import io.qaexport.application.service.commit.FileIdentity;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.domain.card.DatasetCard;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The files an earlier dataset card named that this run no longer writes. */
final class StaleCardFiles {
  private static final String STEMS =
      "(?:"
          + Pattern.quote(ExportJob.PASSED_OUTPUT)
          + "|"
          + Pattern.quote(ExportJob.REJECTED_OUTPUT)
          + ")";

  /** After the stem: a plugin format's inner extension ({@code .chat}), a split, a shard. */
  private static final String PARTS = "(?:\\.[A-Za-z0-9_-]+)*(?:-[A-Za-z][A-Za-z0-9_]*)?";

  private static final String EXTENSION = "\\.[A-Za-z0-9_-]+";

  /**
   * The names qa-export gives data files: an output's stem, a split, a shard, an extension. A card
   * may have been edited or planted (a shared directory): a path it names is removed only when it
   * is such a file directly in the output directory, never anything else it may name or match.
   */
  private static final Pattern DATA_FILE =
      Pattern.compile(STEMS + PARTS + "(?:-\\d{5}-of-\\d{5})?" + EXTENSION);

  /**
   * The one glob a card of qa-export's holds: a split's shards ({@code
   * qa_pairs-train-*-of-00003.jsonl}).
   */
  private static final Pattern SHARD_GLOB =
      Pattern.compile(STEMS + PARTS + "-\\*-of-\\d{5}" + EXTENSION);

  private StaleCardFiles() {}

  /**
   * The data files the earlier card named that this export does not write (e.g. its JSONL after a
   * Parquet export), and their errors logs: qa-export wrote them, and left in place they would be
   * published with the dataset. Removed when this run's outputs land. Only regular files with the
   * names qa-export gives, directly in the output directory, are considered, never a file this run
   * writes or reads.
   */
  static void removeOnCommit(
      ExportProgress progress,
      PreviousCard previous,
      DatasetCard card,
      Path cardDir,
      List<FileSummary> files,
      OutputTransaction outputs) {
    var current = new HashSet<String>();
    card.configs().forEach(config -> config.splits().forEach(s -> current.addAll(s.dataFiles())));
    removeOnCommit(progress, previous, current, cardDir, files, outputs);
  }

  /** As above, for a run whose card names {@code current} (none, when it writes no card). */
  static void removeOnCommit(
      ExportProgress progress,
      PreviousCard previous,
      Set<String> current,
      Path cardDir,
      List<FileSummary> files,
      OutputTransaction outputs) {
    List<Path> written = writtenBy(files);
    for (String dataFile : previous.dataFiles()) {
      if (current.contains(dataFile)) {
        continue;
      }
      for (Path named : named(cardDir, dataFile)) {
        if (!DATA_FILE.matcher(named.getFileName().toString()).matches()
            || !directlyIn(outputs.directory(), named)) {
          continue;
        }
        // By its name in the output directory, not the card's path to it, which may pass through
        // a link (out/link/NAME with link -> .) that could be turned elsewhere before the commit.
        Path stale = outputs.directory().resolve(named.getFileName());
        if (!Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)
            || files.stream()
                .anyMatch(
                    f ->
                        FileIdentity.sameFile(stale, f.input())
                            || FileIdentity.sameFile(stale, f.output()))
            || written.stream().anyMatch(path -> FileIdentity.sameFile(stale, path))) {
          continue;
        }
        progress.notice(new Notice.StaleFileRemoved(stale));
        outputs.removeOnCommit(stale);
        outputs.removeOnCommit(OutputPaths.errorsLog(stale));
        earlierLogs(stale, files).forEach(outputs::removeOnCommit);
      }
    }
  }

  /** Whether {@code file}'s directory, links resolved, is {@code directory}. */
  private static boolean directlyIn(Path directory, Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      return parent != null && Files.isSameFile(parent.toRealPath(), directory.toRealPath());
    } catch (IOException unresolvable) {
      return false;
    }
  }

  /** The data files a run writes (its split and shard files, else its output), absolute. */
  static List<Path> writtenBy(List<FileSummary> files) {
    List<Path> written = new ArrayList<>();
    for (FileSummary file : files) {
      List<FileSummary.SplitFiles> splits = file.curation().splits();
      if (splits.isEmpty()) {
        written.add(file.output().toAbsolutePath().normalize());
      }
      splits.forEach(
          split -> split.files().forEach(f -> written.add(f.toAbsolutePath().normalize())));
    }
    return written;
  }

  /**
   * The files a card's {@code path} names: the one file, or, for a shard glob ({@code
   * qa_pairs-*-of-00004.jsonl}), every file its directory holds that the glob matches.
   */
  private static List<Path> named(Path cardDir, String dataFile) {
    Path path = cardDir.resolve(dataFile).normalize();
    if (!dataFile.contains("*")) {
      return List.of(path);
    }
    Path parent = path.getParent();
    if (parent == null
        || parent.toString().contains("*")
        || !SHARD_GLOB.matcher(path.getFileName().toString()).matches()) {
      // A card may have been planted: never list a directory outside the card's.
      return List.of();
    }
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + path.getFileName());
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path entry : entries) {
        if (glob.matches(entry.getFileName())) {
          matches.add(entry);
        }
      }
    } catch (IOException unreadable) {
      return List.of(); // nothing to clean up that can be seen
    }
    matches.sort(null);
    return matches;
  }

  /**
   * The logs an earlier export in another format kept beside the output {@code stale} belonged to
   * ({@code qa_pairs.jsonl.duplicates.jsonl} for {@code qa_pairs-train.jsonl}): they describe data
   * that is going. A log this run writes is never removed (the commit skips its targets).
   */
  private static List<Path> earlierLogs(Path stale, List<FileSummary> files) {
    String name = stale.getFileName().toString();
    int dot = name.lastIndexOf('.');
    List<Path> logs = new ArrayList<>();
    for (FileSummary file : files) {
      String current = file.output().getFileName().toString();
      String base = current.substring(0, Math.max(0, current.lastIndexOf('.')));
      if (dot > 0 && !base.isEmpty() && name.startsWith(base)) {
        Path earlierOutput = stale.resolveSibling(base + name.substring(dot));
        for (Path log :
            List.of(
                OutputPaths.errorsLog(earlierOutput),
                OutputPaths.duplicatesLog(earlierOutput),
                OutputPaths.decontaminatedLog(earlierOutput))) {
          if (Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS)) {
            logs.add(log);
          }
        }
      }
    }
    return logs;
  }
}
