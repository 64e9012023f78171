package io.qaexport.application.port.out;

import io.qaexport.domain.card.DatasetCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the dataset card ({@code README.md} with YAML front matter) the Hub shows. qa-export owns
 * a delimited part of it: the YAML keys it writes and one generated block of the body. An earlier
 * card's other keys and text are the user's and are kept as they are.
 */
public interface DatasetCardWriter {

  /**
   * Writes {@code card} to {@code target}: a new card, or, when {@code previous} (the card there
   * now, as {@link #read} accepted it) is given, that card with qa-export's part replaced.
   */
  void write(Path target, DatasetCard card, Optional<Path> previous) throws IOException;

  /**
   * Writes to {@code target} the card at {@code previous} (one {@link #read} accepted) without what
   * described an earlier export's data: its configs, features and size are taken out, and
   * qa-export's block says only that this export wrote no dataset card, and {@code why} (a clause,
   * e.g. "it kept no passed pair"). What the user wrote is kept. {@code runFiles} (relative to the
   * card) are the files this run writes: {@link #read} gives them back among the data files, so
   * that a later export that does not write them removes them.
   */
  void withdraw(Path target, Path previous, String why, List<String> runFiles) throws IOException;

  /**
   * What an existing file says, if it is a card with qa-export's part; empty for any other file
   * (which must never be replaced).
   *
   * @throws NotUpdatableException when it has qa-export's block but its front matter cannot be
   *     updated safely (it must then be left as it is)
   */
  Optional<PreviousCard> read(Path file) throws IOException;

  /** A card with qa-export's block whose front matter qa-export cannot update safely. */
  final class NotUpdatableException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotUpdatableException(String reason) {
      super(reason);
    }
  }

  /**
   * What an earlier card says that the next one carries over or cleans up after.
   *
   * @param license the {@code license} value as written, if any; likewise the others
   * @param dataFiles every data file its configs name (or a withdrawn card lists), relative to it
   * @param declaresData whether it declares configs or features, which a withdrawn card does not
   */
  record PreviousCard(
      Optional<String> license,
      Optional<String> licenseName,
      Optional<String> licenseLink,
      Optional<String> prettyName,
      List<String> dataFiles,
      boolean declaresData) {
    public PreviousCard {
      Objects.requireNonNull(license, "license");
      Objects.requireNonNull(licenseName, "licenseName");
      Objects.requireNonNull(licenseLink, "licenseLink");
      Objects.requireNonNull(prettyName, "prettyName");
      dataFiles = List.copyOf(dataFiles);
    }

    /** A card whose configs name {@code dataFiles}. */
    public PreviousCard(
        Optional<String> license,
        Optional<String> licenseName,
        Optional<String> licenseLink,
        Optional<String> prettyName,
        List<String> dataFiles) {
      this(license, licenseName, licenseLink, prettyName, dataFiles, true);
    }
  }
}
