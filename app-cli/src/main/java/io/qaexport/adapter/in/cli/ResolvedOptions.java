package io.qaexport.adapter.in.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An export ready to run: the parsed options, with what they leave to the file system and the
 * launcher resolved by {@link InputResolver}.
 *
 * @param rejected the rejected file to read: the named one, or the one found beside the passed file
 * @param formatOptions the format options the flags set, values read from files where a flag names
 *     one
 * @param pluginDir where plugin jars are looked for: {@code --plugin-dir}, else the launcher's
 */
public record ResolvedOptions(
    CliOptions options,
    Optional<Path> rejected,
    List<FormatOption> formatOptions,
    Optional<Path> pluginDir) {

  public ResolvedOptions {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(rejected, "rejected");
    formatOptions = List.copyOf(formatOptions);
    Objects.requireNonNull(pluginDir, "pluginDir");
  }

  /** The format options by name, as the export use case takes them. */
  public Map<String, String> formatOptionValues() {
    Map<String, String> values = new LinkedHashMap<>();
    formatOptions.forEach(option -> values.put(option.option(), option.value()));
    return values;
  }
}
