package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.ErrorPolicy;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The export options, parsed once and immutable.
 *
 * @param passed the passed-pairs file, required to exist
 * @param rejected the rejected-pairs file, when one was named or found
 * @param rejectedNamed whether {@code --rejected} named the file (so it must exist)
 * @param compression the Parquet codec asked for with {@code --compression}, if any
 */
public record CliOptions(
    Path passed,
    Optional<Path> rejected,
    boolean rejectedNamed,
    boolean passedNamed,
    Path outputDir,
    String format,
    Optional<String> compression,
    ErrorPolicy errorPolicy,
    boolean strict,
    boolean quiet,
    boolean verbose,
    int maxLineBytes) {

  public CliOptions {
    Objects.requireNonNull(passed, "passed");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(errorPolicy, "errorPolicy");
  }
}
