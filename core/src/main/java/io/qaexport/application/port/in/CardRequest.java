package io.qaexport.application.port.in;

import io.qaexport.domain.card.HubLicense;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks for a dataset card at {@code file}. The license and name are empty when the user did not
 * give them: an existing card then keeps its own, a new one gets {@link #DEFAULT_PRETTY_NAME} and
 * {@link HubLicense#UNKNOWN}.
 *
 * @param repoId the Hub repository, {@code ORG/NAME}, the card's loading snippet names
 */
public record CardRequest(
    Path file, Optional<HubLicense> license, Optional<String> prettyName, Optional<String> repoId) {
  public static final String DEFAULT_PRETTY_NAME = "Swedish care-work QA pairs";

  /** The card's name in the output directory, where {@code load_dataset(dir)} reads it. */
  public static final String FILE_NAME = "README.md";

  public CardRequest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(prettyName, "prettyName");
    Objects.requireNonNull(repoId, "repoId");
    if (repoId.isPresent()
        && !repoId.get().matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "a repository id is ORG/NAME (letters, digits, '.', '_',"
              + " '-'), not '"
              + repoId.get()
              + "'");
    }
  }

  /** A card with the given license and name and no repository id. */
  public CardRequest(Path file, String license, String prettyName) {
    this(file, Optional.of(HubLicense.of(license)), Optional.of(prettyName), Optional.empty());
  }
}
