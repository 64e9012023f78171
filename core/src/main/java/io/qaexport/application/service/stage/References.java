package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.Decontamination;
import io.qaexport.application.port.in.ReferenceFile;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.ReferenceQuestionReader;
import io.qaexport.domain.dedup.ReferenceIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reference questions of {@code --decontaminate}, read whole before the export writes anything
 * (which files are read, and how: {@link ReferenceFiles}), and what the passed pairs match in them.
 */
public final class References {
  private final ReferenceIndex index;
  private final List<ReferenceFile> files;
  // What the first pass over the passed file found, so the export does not match twice: the
  // contaminated questions only (a question the first pass saw and left in is clean).
  private final Map<String, ReferenceIndex.Match> foundInFirstPass = new HashMap<>();
  private boolean firstPassDone;

  private References(ReferenceIndex index, List<ReferenceFile> files) {
    this.index = index;
    this.files = List.copyOf(files);
  }

  public ReferenceIndex index() {
    return index;
  }

  public List<ReferenceFile> files() {
    return files;
  }

  /** The first pass's match of {@code question}: matched now, and remembered when one is found. */
  ReferenceIndex.Match matchInFirstPass(String question) {
    ReferenceIndex.Match match = index.match(question);
    if (match != null) {
      foundInFirstPass.put(question, match);
    }
    return match;
  }

  /** The first pass has seen every passed pair that reaches this stage. */
  void firstPassDone() {
    firstPassDone = true;
  }

  /** The reference {@code question} matches, from the first pass's findings when it ran. */
  ReferenceIndex.Match match(String question) {
    return firstPassDone ? foundInFirstPass.get(question) : index.match(question);
  }

  /** The reference a file index of {@link ReferenceIndex.Match#source()} names, as given. */
  String pathOf(int source) {
    return files.get(source).path().toString();
  }

  /**
   * Reads every reference of {@code decontamination}; empty references if none is asked.
   *
   * @param jsonl reads JSON Lines references, as inputs are read
   * @param parquet reads Parquet references; obtained only when one is given
   */
  public static References read(
      Decontamination decontamination,
      QaPairSource jsonl,
      Supplier<ReferenceQuestionReader> parquet)
      throws ExportException {
    var index = new ReferenceIndex(decontamination.threshold());
    List<ReferenceFile> files =
        new ReferenceFiles(index, jsonl, parquet, decontamination.maxLineBytes())
            .read(decontamination.references());
    return new References(index, files);
  }
}
