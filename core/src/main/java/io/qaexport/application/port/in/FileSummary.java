package io.qaexport.application.port.in;

import io.qaexport.domain.DefaultedField;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.ScoreSummary;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the export did with one input file. Lines read always equal exported + skipped + blank.
 *
 * @param errorsFile the log of skipped lines, when any were skipped
 * @param personas exported records per persona, most common first
 * @param scores the exported records' validation scores
 * @param arrowBytes the exported records' size as Arrow data ({@code datasets}' {@code num_bytes})
 * @param sample the first exported record, if any
 */
public record FileSummary(
    Path input,
    RecordShape shape,
    Path output,
    long linesRead,
    long exported,
    long skipped,
    long blankLines,
    Map<DefaultedField, Long> defaultsApplied,
    Optional<Path> errorsFile,
    long outputBytes,
    List<Map.Entry<String, Long>> personas,
    ScoreSummary scores,
    long arrowBytes,
    Optional<HfRecord> sample) {

  public FileSummary {
    defaultsApplied = Map.copyOf(defaultsApplied);
    personas = List.copyOf(personas);
    if (linesRead != exported + skipped + blankLines) {
      throw new IllegalStateException(
          "line accounting broken for " + input + ": " + linesRead + " read != " + exported
              + " exported + " + skipped + " skipped + " + blankLines + " blank");
    }
  }
}
