package io.qaexport.adapter.in.cli;

import java.nio.file.Path;
import java.util.Optional;

/** What the command line asks for: help, the version, the format list, or an export. */
public sealed interface CliRequest {
  record ShowHelp() implements CliRequest {}

  record ShowVersion() implements CliRequest {}

  /**
   * {@code --list-formats}; {@code verbose} shows stack traces if listing fails.
   *
   * @param pluginDir the directory {@code --plugin-dir} names, if any
   */
  record ListFormats(boolean verbose, Optional<Path> pluginDir) implements CliRequest {}

  record Export(CliOptions options) implements CliRequest {}
}
