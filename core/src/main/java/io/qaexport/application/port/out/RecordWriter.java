package io.qaexport.application.port.out;

import io.qaexport.domain.HfRecord;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes records of one shape to one file. {@link #close()} completes the file (footers, flush);
 * the caller moves it into place only after a successful close.
 */
public interface RecordWriter extends Closeable {

  void write(HfRecord record) throws IOException;
}
