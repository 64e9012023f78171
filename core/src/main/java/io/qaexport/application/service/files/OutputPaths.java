package io.qaexport.application.service.files;

import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.in.failure.CardPathTakenException;
import io.qaexport.application.port.in.failure.OutputPathTakenException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.service.commit.FileIdentity;
import io.qaexport.domain.SplitAssignment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a run writes, and the check that none of them is an input or another of them, compared
 * as files (links, {@code ..} and relative paths resolved), before anything is written.
 */
public final class OutputPaths {
  private static final String ERRORS_SUFFIX = ".errors.jsonl";
  private static final String DUPLICATES_SUFFIX = ".duplicates.jsonl";
  private static final String DECONTAMINATED_SUFFIX = ".decontaminated.jsonl";

  private OutputPaths() {}

  /** Where the lines an output left out as invalid are logged ({@code --on-error skip}). */
  public static Path errorsLog(Path output) {
    return output.resolveSibling(output.getFileName() + ERRORS_SUFFIX);
  }

  /** Where the pairs an output left out as contaminated are logged. */
  public static Path decontaminatedLog(Path output) {
    return output.resolveSibling(output.getFileName() + DECONTAMINATED_SUFFIX);
  }

  /** Where the pairs an output left out as duplicates are logged. */
  public static Path duplicatesLog(Path output) {
    return output.resolveSibling(output.getFileName() + DUPLICATES_SUFFIX);
  }

  /**
   * Every file one job may write beside its output: the data file and its errors log. A new per-job
   * log (e.g. of duplicates) is added here, so the check covers it.
   */
  static List<Path> ofJob(Path outputPath) {
    return List.of(
        outputPath,
        errorsLog(outputPath),
        duplicatesLog(outputPath),
        decontaminatedLog(outputPath));
  }

  public static Path outputPath(ExportCommand command, ExportJob job, OutputFormat format) {
    return command.outputDir().resolve(job.outputBaseName() + "." + format.fileExtension());
  }

  /**
   * Refuses a run in which an output would be an input or two outputs one file.
   *
   * @param callerOutputs files the caller writes itself, such as the run summary
   */
  public static void requireFree(
      ExportCommand command, OutputFormat format, List<Path> callerOutputs) throws UsageException {
    List<Path> inputs = command.jobs().stream().map(ExportJob::input).toList();
    List<Path> outputs = new ArrayList<>();
    // Each job's data file: its split and shard names are known only once the run has read it.
    List<Path> dataFiles = new ArrayList<>();
    for (ExportJob job : command.jobs()) {
      if (format.refusal(job.shape()).isEmpty()) {
        dataFiles.add(outputPath(command, job, format));
      }
    }
    TrainingSet training = command.trainingSet();
    if (training.minScore().isPresent()
        && command.jobs().stream().noneMatch(job -> job.shape().hasFailureReason())
        && format.refusal(command.rejectedShape()).isEmpty()) {
      // Pairs below the threshold get a rejected output even without a rejected input.
      dataFiles.add(
          command
              .outputDir()
              .resolve(training.rejectedOutputBaseName() + "." + format.fileExtension()));
    }
    for (Path dataFile : dataFiles) {
      outputs.addAll(ofJob(dataFile));
    }
    // The card's index, if it has one: a clash of the card keeps its own exception.
    int card = command.datasetCard().isPresent() ? outputs.size() : -1;
    command.datasetCard().ifPresent(request -> outputs.add(request.file()));
    List<String> splitNames =
        training
            .split()
            .map(split -> split.splits().stream().map(SplitAssignment.Split::name).toList())
            .orElse(List.of());
    for (Path callerOutput : callerOutputs) {
      // The caller writes after the commit (through a link): a split file or shard there would
      // be replaced.
      Path written = FileIdentity.place(callerOutput);
      for (Path dataFile : written.getFileName() == null ? List.<Path>of() : dataFiles) {
        Path sibling = dataFile.resolveSibling(written.getFileName());
        if (DatasetFiles.fileNames(dataFile, splitNames)
                .matcher(written.getFileName().toString())
                .matches()
            && FileIdentity.sameFile(written, sibling)) {
          throw taken(callerOutput, sibling, false, false);
        }
      }
    }
    outputs.addAll(callerOutputs);
    for (int i = 0; i < outputs.size(); i++) {
      Path output = outputs.get(i);
      for (Path input : inputs) {
        if (FileIdentity.sameFile(output, input)) {
          throw taken(output, input, true, i == card);
        }
      }
      for (int j = 0; j < i; j++) {
        if (FileIdentity.sameFile(output, outputs.get(j))) {
          throw taken(output, outputs.get(j), false, i == card);
        }
      }
    }
  }

  private static UsageException taken(Path output, Path taken, boolean input, boolean isCard) {
    return isCard
        ? new CardPathTakenException(output, taken)
        : new OutputPathTakenException(output, taken, input);
  }
}
