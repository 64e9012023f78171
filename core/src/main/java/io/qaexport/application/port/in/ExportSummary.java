package io.qaexport.application.port.in;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The result of a successful export run.
 *
 * @param datasetCard the card written, if one was
 */
public record ExportSummary(
    List<FileSummary> files,
    String formatName,
    String hfBuilderName,
    Path outputDir,
    Duration elapsed,
    Optional<Path> datasetCard,
    List<ReferenceFile> references) {

  public ExportSummary {
    files = List.copyOf(files);
    references = List.copyOf(references);
  }

  /** Rows written to the outputs: every file's kept pairs and those moved to it. */
  public long rowsWritten() {
    return files.stream().mapToLong(FileSummary::rows).sum();
  }

  /** Input pairs kept in their own file's output (not those moved to another file). */
  public long exported() {
    return files.stream().mapToLong(FileSummary::exported).sum();
  }

  public long linesRead() {
    return files.stream().mapToLong(FileSummary::linesRead).sum();
  }

  public long skipped() {
    return files.stream().mapToLong(FileSummary::skipped).sum();
  }
}
