package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.ErrorPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The export options, parsed once and immutable.
 *
 * @param passed the passed-pairs file, required to exist
 * @param rejected the rejected-pairs file, when one was named or found
 * @param rejectedNamed whether {@code --rejected} named the file (so it must exist)
 * @param datasetCard where the dataset card goes; empty with {@code --no-dataset-card}
 * @param summaryJson where {@code --summary-json} writes the run summary, if asked
 * @param pluginDir where plugin jars are looked for, if anywhere
 * @param formatOptions options for the chosen format, such as {@code system_prompt}, with the
 *     flags that set them
 */
public record CliOptions(
    Path passed,
    Optional<Path> rejected,
    boolean rejectedNamed,
    boolean passedNamed,
    Path outputDir,
    String format,
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
    List<FormatOption> formatOptions) {

  public CliOptions {
    Objects.requireNonNull(passed, "passed");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(errorPolicy, "errorPolicy");
    Objects.requireNonNull(datasetCard, "datasetCard");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(prettyName, "prettyName");
    Objects.requireNonNull(summaryJson, "summaryJson");
    Objects.requireNonNull(pluginDir, "pluginDir");
    formatOptions = List.copyOf(formatOptions);
  }

  /** The format options by name, as the export use case takes them. */
  public Map<String, String> formatOptionValues() {
    Map<String, String> values = new LinkedHashMap<>();
    formatOptions.forEach(option -> values.put(option.option(), option.value()));
    return values;
  }
}
