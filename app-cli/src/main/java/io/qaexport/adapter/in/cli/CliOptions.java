package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.ErrorPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The export options, parsed once and immutable.
 *
 * @param passed the passed-pairs file, required to exist
 * @param rejected the rejected-pairs file, when one was named or found
 * @param rejectedNamed whether {@code --rejected} named the file (so it must exist)
 * @param compression the Parquet codec asked for with {@code --compression}, if any
 * @param datasetCard where the dataset card goes; empty with {@code --no-dataset-card}
 * @param summaryJson where {@code --summary-json} writes the run summary, if asked
 * @param pluginDir where plugin jars are looked for, if anywhere
 * @param formatOptions options for the chosen format, such as {@code system_prompt}
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
    int maxLineBytes,
    Optional<Path> datasetCard,
    String license,
    String prettyName,
    Optional<Path> summaryJson,
    Optional<Path> pluginDir,
    Map<String, String> formatOptions) {

  public CliOptions {
    Objects.requireNonNull(passed, "passed");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(errorPolicy, "errorPolicy");
    Objects.requireNonNull(datasetCard, "datasetCard");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(prettyName, "prettyName");
    Objects.requireNonNull(summaryJson, "summaryJson");
    Objects.requireNonNull(pluginDir, "pluginDir");
    formatOptions = Map.copyOf(formatOptions);
  }
}
