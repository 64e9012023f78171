package io.qaexport.application.service;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The service tests' output format: one {@code question|persona|score[|failure_reason]} line per
 * record, easy to assert on; a write fails with what {@code failWritesWith} gives, if not null.
 */
final class TextLinesFormat implements OutputFormat {
  private final Supplier<IOException> failWritesWith;

  TextLinesFormat(Supplier<IOException> failWritesWith) {
    this.failWritesWith = failWritesWith;
  }

  TextLinesFormat() {
    this(() -> null);
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public String description() {
    return "test lines";
  }

  @Override
  public String fileExtension() {
    return "txt";
  }

  @Override
  public String hfBuilderName() {
    return "text";
  }

  @Override
  public RecordWriter open(Path file, RecordShape shape) throws IOException {
    BufferedWriter out = Files.newBufferedWriter(file);
    return new RecordWriter() {
      @Override
      public void write(HfRecord record) throws IOException {
        IOException failure = failWritesWith.get();
        if (failure != null) {
          throw failure;
        }
        out.write(
            record.question()
                + "|"
                + record.persona()
                + "|"
                + record.validationScore()
                + (record.failureReason() == null ? "" : "|" + record.failureReason())
                + "\n");
      }

      @Override
      public void close() throws IOException {
        out.close();
      }
    };
  }
}
