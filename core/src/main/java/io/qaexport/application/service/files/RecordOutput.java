package io.qaexport.application.service.files;

import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.domain.ArrowSize;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One output file of the run: staged in the transaction, written by the format on a writer thread,
 * and sized as Arrow data for the card. Its statistics are the whole output's ({@link
 * DatasetFiles}): none are kept per file. Any failure to write it names it.
 */
final class RecordOutput implements RecordSink, AutoCloseable {
  private final Path path;
  private final Path temporary;
  private final RecordWriter writer;
  private final ArrowSize arrowSize;
  private final OutputTransaction outputs;
  private boolean closed;

  private RecordOutput(
      Path path,
      Path temporary,
      RecordWriter writer,
      ArrowSize arrowSize,
      OutputTransaction outputs) {
    this.outputs = outputs;
    this.path = path;
    this.temporary = temporary;
    this.writer = writer;
    this.arrowSize = arrowSize;
  }

  static RecordOutput open(
      OutputFormat format, RecordShape shape, Path path, OutputTransaction outputs)
      throws ExportIoException {
    Path temporary;
    try {
      temporary = outputs.stage(path);
    } catch (IOException e) {
      throw ExportIoException.of("cannot write to " + outputs.directory(), e);
    }
    try {
      RecordWriter formatWriter = format.open(temporary, shape);
      var arrowSize = new ArrowSize(shape);
      // Measured on the writer thread, which has time to spare: the reading thread has none.
      RecordWriter measured =
          new RecordWriter() {
            @Override
            public void write(HfRecord record) throws IOException {
              formatWriter.write(record);
              arrowSize.add(record);
            }

            @Override
            public void close() throws IOException {
              formatWriter.close();
            }
          };
      return new RecordOutput(path, temporary, new AsyncRecordWriter(measured), arrowSize, outputs);
    } catch (IOException e) {
      throw ExportIoException.of("cannot write " + path, e);
    }
  }

  @Override
  public void accept(long lineNumber, HfRecord record) throws ExportIoException {
    try {
      writer.write(record);
    } catch (IOException e) {
      throw ExportIoException.of("cannot write " + path, e);
    }
  }

  /** Completes the file (the last flush, footers) and returns its size in bytes. */
  long complete() throws ExportException {
    closed = true;
    try {
      writer.close();
    } catch (IOException e) {
      throw ExportIoException.of("cannot write " + path, e);
    }
    outputs.written(temporary);
    try {
      return Files.size(temporary);
    } catch (IOException e) {
      throw ExportIoException.of("cannot read back " + path, e);
    }
  }

  Path path() {
    return path;
  }

  /** The written records' size as Arrow data; complete once {@link #complete()} returned. */
  ArrowSize arrowSize() {
    return arrowSize;
  }

  /** After a failure: stops the writer; the transaction removes the file. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        writer.close();
      } catch (IOException | RuntimeException ignored) {
        // The failure that ended the run is what the user is told.
      }
    }
  }
}
