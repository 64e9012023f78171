package io.qaexport.adapter.in.cli;

import java.util.Objects;

/**
 * A format option with its value, and the flag that set it, for messages.
 *
 * @param flag the flag without its dashes, e.g. {@code format-option} or {@code compression}
 * @param option the format's name for the option, e.g. {@code compression}
 */
public record FormatOption(String flag, String option, String value) {
  public FormatOption {
    Objects.requireNonNull(flag, "flag");
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(value, "value");
  }
}
