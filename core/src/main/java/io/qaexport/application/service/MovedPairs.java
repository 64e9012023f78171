package io.qaexport.application.service;

import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.DatasetFiles;
import io.qaexport.application.service.files.QuestionHashes;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.nio.file.Path;

/**
 * Passed pairs below {@code --min-score} on their way to the rejected output: its file is opened on
 * the first one, and the rejected input's export then goes on writing into it (moved pairs first,
 * then the rejected input's, in input order). Without a rejected input the moved pairs are the
 * whole of it.
 */
final class MovedPairs implements RecordSink, AutoCloseable {
  private final OutputFormat format;
  private final Path path;
  private final OutputTransaction outputs;
  private final DatasetFiles.Layout layout;
  private DatasetFiles files;
  private final RecordShape shape;
  private long count;

  /**
   * @param layout the rejected output's rows and shards (from {@code RejectedSurvey})
   */
  MovedPairs(
      OutputFormat format,
      RecordShape shape,
      Path path,
      OutputTransaction outputs,
      DatasetFiles.Layout layout) {
    this.format = format;
    this.shape = shape;
    this.path = path;
    this.outputs = outputs;
    this.layout = layout;
  }

  @Override
  public void accept(long lineNumber, HfRecord record) throws ExportException {
    if (files == null) {
      files =
          new DatasetFiles(format, shape, path, outputs, null, null, new QuestionHashes(), layout);
    }
    files.accept(lineNumber, record);
    count++;
  }

  long count() {
    return count;
  }

  Path path() {
    return path;
  }

  /** The rejected output, if a pair was moved; the caller completes and closes it from now on. */
  DatasetFiles take() {
    DatasetFiles taken = files;
    files = null;
    return taken;
  }

  @Override
  public void close() {
    if (files != null) {
      files.close();
    }
  }
}
