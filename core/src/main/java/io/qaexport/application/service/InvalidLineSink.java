package io.qaexport.application.service;

import io.qaexport.application.port.in.InvalidInputException;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.RawLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** What happens to an invalid line: the error policy, applied. */
sealed interface InvalidLineSink extends AutoCloseable
    permits InvalidLineSink.Failing, InvalidLineSink.Logging {

  void accept(long lineNumber, int column, String reason, RawLine raw);

  @Override
  void close() throws IOException;

  /** Carries the run-stopping failure out through the reader's callbacks. */
  final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final InvalidInputException failure;

    Stop(InvalidInputException failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }

    InvalidInputException failure() {
      return failure;
    }
  }

  /** Writing the log of skipped lines failed; told apart so the message names the log. */
  final class LogFailure extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    LogFailure(IOException cause) {
      super(cause);
    }
  }

  /** {@code --on-error fail}: the first invalid line stops the run. */
  record Failing(Path input) implements InvalidLineSink {
    @Override
    public void accept(long lineNumber, int column, String reason, RawLine raw) {
      throw new Stop(new InvalidInputException(input, lineNumber, column, reason));
    }

    @Override
    public void close() {}
  }

  /** {@code --on-error skip}: invalid lines go to a log, opened on the first one. */
  final class Logging implements InvalidLineSink {
    /** Opens the log; may throw like file I/O does. */
    interface Opener {
      InvalidLineLog open() throws IOException;
    }

    private final Opener opener;
    private InvalidLineLog log;

    Logging(Opener opener) {
      this.opener = opener;
    }

    @Override
    public void accept(long lineNumber, int column, String reason, RawLine raw) {
      try {
        if (log == null) {
          log = opener.open();
        }
        log.append(lineNumber, column, reason, raw.copyBytes());
      } catch (IOException e) {
        throw new LogFailure(e);
      }
    }

    @Override
    public void close() throws IOException {
      if (log != null) {
        log.close();
      }
    }
  }
}
