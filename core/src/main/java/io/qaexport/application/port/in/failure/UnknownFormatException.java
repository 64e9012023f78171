package io.qaexport.application.port.in.failure;

import java.util.List;

/** The format asked for is not one this build (or its plugins) knows. */
public final class UnknownFormatException extends UsageException {
  private static final long serialVersionUID = 1L;

  private final String formatName;
  private final List<String> available;

  public UnknownFormatException(String formatName, List<String> available) {
    super("unknown format '" + formatName + "'; available: " + String.join(", ", available));
    this.formatName = formatName;
    this.available = List.copyOf(available);
  }

  public String formatName() {
    return formatName;
  }

  public List<String> available() {
    return available;
  }
}
