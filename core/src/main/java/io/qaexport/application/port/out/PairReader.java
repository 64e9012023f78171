package io.qaexport.application.port.out;

import java.io.Closeable;
import java.io.IOException;

/**
 * One input file, read by pulling one line at a time. The caller decides what each line means to
 * the run, so each failure is caught where it happens: reading here, writing at the writer.
 */
public interface PairReader extends Closeable {

  /**
   * The next line, or {@code null} at the end of the file. A {@link SourceLine}'s raw bytes stay
   * valid only until the next call.
   *
   * @throws CorruptInputException when the file's bytes cannot be decoded (a corrupt or truncated
   *     compressed file)
   * @throws IOException when the file cannot be read
   */
  SourceLine next() throws IOException;

  /** Bytes of the file read so far (decompressed, if it is compressed), for progress. */
  long bytesRead();

  /** The total that {@link #bytesRead()} will reach, or -1 when unknown (compressed, a pipe). */
  default long sizeBytes() {
    return -1;
  }
}
