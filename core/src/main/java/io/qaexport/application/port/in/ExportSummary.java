package io.qaexport.application.port.in;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The result of a successful export run. */
public record ExportSummary(List<FileSummary> files, String formatName, String hfBuilderName,
    Path outputDir, Duration elapsed) {

  public ExportSummary {
    files = List.copyOf(files);
  }

  public long exported() {
    return files.stream().mapToLong(FileSummary::exported).sum();
  }

  public long skipped() {
    return files.stream().mapToLong(FileSummary::skipped).sum();
  }
}
