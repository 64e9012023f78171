package io.qaexport.application.port.in;

import io.qaexport.domain.RecordShape;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file to export: where it is, the shape its records get, and the output's base name (the
 * format adds the extension), e.g. {@code qa_pairs}.
 */
public record ExportJob(Path input, RecordShape shape, String outputBaseName) {
  /** The passed pairs' output's base name, the one place it is written. */
  public static final String PASSED_OUTPUT = "qa_pairs";

  /** The rejected pairs' output's base name (also where pairs below the threshold go). */
  public static final String REJECTED_OUTPUT = "qa_rejected_hf";

  public ExportJob {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(shape, "shape");
    if (outputBaseName == null || outputBaseName.isBlank() || outputBaseName.contains("/")) {
      throw new IllegalArgumentException("bad output base name: " + outputBaseName);
    }
  }
}
