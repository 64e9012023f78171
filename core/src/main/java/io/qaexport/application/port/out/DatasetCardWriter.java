package io.qaexport.application.port.out;

import io.qaexport.domain.DatasetCard;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the dataset card ({@code README.md} with YAML front matter) the Hub shows. */
public interface DatasetCardWriter {

  void write(Path file, DatasetCard card) throws IOException;

  /** Whether an existing file is a card this writer made (and so may be replaced). */
  boolean isGeneratedCard(Path file) throws IOException;
}
