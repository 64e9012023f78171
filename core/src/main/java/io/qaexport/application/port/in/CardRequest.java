package io.qaexport.application.port.in;

import java.nio.file.Path;
import java.util.Objects;

/** Asks for a dataset card at {@code file} with the given license and name. */
public record CardRequest(Path file, String license, String prettyName) {
  public CardRequest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(prettyName, "prettyName");
  }
}
