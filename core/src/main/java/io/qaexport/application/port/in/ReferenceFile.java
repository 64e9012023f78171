package io.qaexport.application.port.in;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One reference file of {@code --decontaminate}, as read: its path (as given, or a data file of an
 * export directory given), the sha256 of its bytes, and how many questions it holds.
 */
public record ReferenceFile(Path path, String sha256, long questions) {
  public ReferenceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }
}
