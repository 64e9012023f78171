package io.qaexport.application.port.out;

import java.util.Objects;

/**
 * A value an {@link OutputFormat} refuses for one of its options, with the option named apart from
 * the reason, so the command line can say it in terms of the flag that set it ({@code --compression
 * takes …}) without reading the message.
 */
public class FormatOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String option;
  private final String reason;

  /**
   * @param option the option's name, e.g. {@code compression}
   * @param reason what is wrong, said after the option's name: {@code takes snappy, zstd, none, not
   *     'lz4'}
   */
  public FormatOptionException(String option, String reason) {
    super(
        Objects.requireNonNull(option, "option") + " " + Objects.requireNonNull(reason, "reason"));
    this.option = option;
    this.reason = reason;
  }

  public String option() {
    return option;
  }

  public String reason() {
    return reason;
  }
}
