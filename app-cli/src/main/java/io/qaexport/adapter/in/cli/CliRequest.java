package io.qaexport.adapter.in.cli;

/** What the command line asks for: help, the version, the format list, or an export. */
public sealed interface CliRequest {
  record ShowHelp() implements CliRequest {}

  record ShowVersion() implements CliRequest {}

  /** {@code --list-formats}; {@code verbose} shows stack traces if listing fails. */
  record ListFormats(boolean verbose) implements CliRequest {}

  record Export(CliOptions options) implements CliRequest {}
}
