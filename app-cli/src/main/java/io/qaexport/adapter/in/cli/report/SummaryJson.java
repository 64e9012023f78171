package io.qaexport.adapter.in.cli.report;

import io.qaexport.application.port.in.ExportSummary;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * The run summary as JSON for pipelines ({@code --summary-json FILE}). A regular file is replaced
 * atomically (through a symbolic link, the file it points to); {@code -}, devices such as {@code
 * /dev/stdout}, and FIFOs are written to as they are, never replaced.
 */
public final class SummaryJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private SummaryJson() {}

  /** {@code -} means standard output. */
  public static boolean isStdout(Path file) {
    return file.toString().equals("-");
  }

  /** Why the summary cannot go to {@code file}, checked before the export. */
  public static Optional<String> refusal(Path file) {
    if (isStdout(file)) {
      return Optional.empty();
    }
    if (Files.isDirectory(file)) {
      return Optional.of("--summary-json " + file + " is a directory; name a file");
    }
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      return Optional.of(
          "--summary-json "
              + file
              + " is a symbolic link to a missing file;"
              + " name the file itself");
    }
    if (writtenInPlace(file) && !Files.exists(file)) {
      return Optional.of(
          "--summary-json "
              + file
              + ": no such device or file (under /dev and"
              + " /proc nothing is created)");
    }
    return Optional.empty();
  }

  public static void write(Path file, ExportSummary summary, OutputStream stdout)
      throws IOException {
    if (isStdout(file)) {
      writeTo(stdout, summary);
      stdout.flush();
      if (stdout instanceof PrintStream print && print.checkError()) {
        // A PrintStream keeps its errors to itself: a full disk behind > must not pass unseen.
        throw new IOException("stdout cannot be written (a full disk, or a closed pipe?)");
      }
      return;
    }
    if (writtenInPlace(file)) {
      // APPEND: /dev/stdout may be a file the shell opened with >>; never truncate what we
      // did not create.
      try (OutputStream out =
          Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        writeTo(out, summary);
      }
      return;
    }
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temporary =
        target.resolveSibling(
            "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".qa-export-tmp");
    try {
      // Created new, never through a link planted under its name (the directory may be shared).
      Files.deleteIfExists(temporary);
      try (OutputStream out =
          Files.newOutputStream(
              temporary,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS)) {
        writeTo(out, summary);
      }
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Devices, FIFOs and what lives under /dev or /proc (such as /dev/stdout) are not replaced. */
  private static boolean writtenInPlace(Path file) {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      return true;
    }
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith("/dev") || absolute.startsWith("/proc");
  }

  private static void writeTo(OutputStream out, ExportSummary summary) throws IOException {
    try (JsonGenerator json =
        JSON.createGenerator(
            ObjectWriteContext.empty(),
            new FilterOutputStream(out) {
              @Override
              public void close() throws IOException {
                flush(); // the caller closes the stream: stdout stays open
              }
            })) {
      SummaryJsonBody.render(json, summary);
    } catch (JacksonIOException e) {
      // Jackson's exceptions are unchecked: a full disk is an I/O failure, not a bug.
      throw e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
    }
  }
}
