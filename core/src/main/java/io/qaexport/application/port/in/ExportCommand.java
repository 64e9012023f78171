package io.qaexport.application.port.in;

import io.qaexport.domain.RecordShape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A whole export run: its files, where the outputs go, the format, how strict to be, and whether to
 * write a dataset card; {@code formatOptions} go to the chosen format, {@code trainingSet} says how
 * the passed pairs become a training set. The jobs run in order and their outputs land together,
 * only if all succeed.
 *
 * @param maxErrors under the skip policy, the most invalid records the run may skip; when empty,
 *     any number, unless every record of a file was invalid (a file of nothing valid fails)
 */
public record ExportCommand(
    List<ExportJob> jobs,
    Path outputDir,
    String formatName,
    ErrorPolicy errorPolicy,
    boolean strict,
    ExportProgress progress,
    Optional<CardRequest> datasetCard,
    Map<String, String> formatOptions,
    OptionalLong maxErrors,
    TrainingSet trainingSet) {

  public ExportCommand {
    jobs = List.copyOf(jobs);
    if (jobs.isEmpty()) {
      throw new IllegalArgumentException("an export needs at least one input file");
    }
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(formatName, "formatName");
    Objects.requireNonNull(errorPolicy, "errorPolicy");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(datasetCard, "datasetCard");
    formatOptions = Map.copyOf(formatOptions);
    Objects.requireNonNull(maxErrors, "maxErrors");
    Objects.requireNonNull(trainingSet, "trainingSet");
  }

  /**
   * The shape of the rejected output: the rejected job's, or, where pairs below the threshold are
   * its only rows, the rejected shape with the passed job's kept columns.
   */
  public RecordShape rejectedShape() {
    return jobs.stream()
        .map(ExportJob::shape)
        .filter(RecordShape::hasFailureReason)
        .findFirst()
        .orElseGet(() -> jobs.get(0).shape().asRejected());
  }

  /** A plain export (no training-set stages) with a limit on invalid records. */
  public ExportCommand(
      List<ExportJob> jobs,
      Path outputDir,
      String formatName,
      ErrorPolicy errorPolicy,
      boolean strict,
      ExportProgress progress,
      Optional<CardRequest> datasetCard,
      Map<String, String> formatOptions,
      OptionalLong maxErrors) {
    this(
        jobs,
        outputDir,
        formatName,
        errorPolicy,
        strict,
        progress,
        datasetCard,
        formatOptions,
        maxErrors,
        TrainingSet.NONE);
  }

  /** Training-set stages, without a limit on invalid records. */
  public ExportCommand(
      List<ExportJob> jobs,
      Path outputDir,
      String formatName,
      ErrorPolicy errorPolicy,
      boolean strict,
      ExportProgress progress,
      Optional<CardRequest> datasetCard,
      Map<String, String> formatOptions,
      TrainingSet trainingSet) {
    this(
        jobs,
        outputDir,
        formatName,
        errorPolicy,
        strict,
        progress,
        datasetCard,
        formatOptions,
        OptionalLong.empty(),
        trainingSet);
  }

  /** A plain export without a limit on invalid records. */
  public ExportCommand(
      List<ExportJob> jobs,
      Path outputDir,
      String formatName,
      ErrorPolicy errorPolicy,
      boolean strict,
      ExportProgress progress,
      Optional<CardRequest> datasetCard,
      Map<String, String> formatOptions) {
    this(
        jobs,
        outputDir,
        formatName,
        errorPolicy,
        strict,
        progress,
        datasetCard,
        formatOptions,
        OptionalLong.empty(),
        TrainingSet.NONE);
  }

  /** A run without a dataset card. */
  public ExportCommand(
      List<ExportJob> jobs,
      Path outputDir,
      String formatName,
      ErrorPolicy errorPolicy,
      boolean strict,
      ExportProgress progress) {
    this(jobs, outputDir, formatName, errorPolicy, strict, progress, Optional.empty(), Map.of());
  }
}
