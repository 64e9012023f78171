package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.DatasetFiles;
import io.qaexport.application.service.files.QuestionHashes;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.domain.HfRecord;
import java.nio.file.Path;

/**
 * The rejected output, owned by the use case for the whole run. It has two sources, in this order:
 * the passed file's pairs below {@code --min-score} (written as the passed file is read), then the
 * rejected input's pairs. Its files open on the first record either source gives; the rejected
 * input's export completes them, or, without a rejected input, the use case does on its own.
 */
final class RejectedOutput implements AutoCloseable {
  private final OutputFormat format;
  private final ExportCommand command;
  private final Path path;
  private final OutputTransaction outputs;
  private final DatasetFiles.Layout layout;
  private final boolean written; // false: the format writes no rejected output
  private DatasetFiles files;
  private long moved;

  /**
   * @param layout the rejected output's rows and shards (from {@code RejectedSurvey})
   */
  RejectedOutput(
      OutputFormat format,
      ExportCommand command,
      OutputTransaction outputs,
      DatasetFiles.Layout layout) {
    this.format = format;
    this.command = command;
    this.path = path(command, format);
    this.outputs = outputs;
    this.layout = layout;
    this.written = format.refusal(command.rejectedShape()).isEmpty();
  }

  /** Where the passed file's stages send the pairs they move here; null if none may be. */
  RecordSink movedPairsSink() {
    if (!written) {
      return null;
    }
    return new RecordSink() {
      @Override
      public void accept(long lineNumber, HfRecord record) throws ExportException {
        files().accept(lineNumber, record);
        moved++;
      }
    };
  }

  /** The output's files, opened on first use; closing them more than once is harmless. */
  DatasetFiles files() throws ExportException {
    if (files == null) {
      files =
          new DatasetFiles(
              format,
              command.rejectedShape(),
              path,
              outputs,
              null,
              null,
              new QuestionHashes(),
              layout);
    }
    return files;
  }

  /** The pairs the passed file moved here (rows of this output that no rejected input gave). */
  long movedPairs() {
    return moved;
  }

  /** Whether pairs were moved here while no rejected input is exported: it is completed alone. */
  boolean holdsOnlyMovedPairs(boolean rejectedInputExported) {
    return moved > 0 && !rejectedInputExported;
  }

  /** The rejected input's output if there is one, else the default rejected output's. */
  private static Path path(ExportCommand command, OutputFormat format) {
    String base =
        command.jobs().stream()
            .filter(job -> job.shape().hasFailureReason())
            .map(ExportJob::outputBaseName)
            .findFirst()
            .orElse(command.trainingSet().rejectedOutputBaseName());
    return command.outputDir().resolve(base + "." + format.fileExtension());
  }

  @Override
  public void close() {
    if (files != null) {
      files.close();
    }
  }
}
