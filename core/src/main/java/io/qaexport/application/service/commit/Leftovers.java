package io.qaexport.application.service.commit;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.BiPredicate;

/** What killed runs left in an output directory: their temporary files, swept by the next run. */
public final class Leftovers {
  private Leftovers() {}

  /**
   * Deletes temporary files that earlier runs left in {@code directory} after being killed, if the
   * process that wrote them is gone.
   */
  public static void remove(Path directory) throws IOException {
    // Files and links: qa-export never makes a directory under such a name.
    sweep(directory, (name, kind) -> !kind.isDirectory());
  }

  /**
   * Deletes the temporary and backup files that killed runs left beside {@code file} (a dataset
   * card outside the output directory), and nothing else in its directory.
   */
  public static void removeOf(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    if (directory != null) {
      String prefix = "." + file.getFileName() + ".";
      sweep(directory, (name, kind) -> name.startsWith(prefix) && kind.isRegularFile());
    }
  }

  /**
   * Deletes the temporaries in {@code directory} that are {@code ours} and whose writer is gone.
   */
  private static void sweep(Path directory, BiPredicate<String, BasicFileAttributes> ours)
      throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(directory, "*" + Journal.TEMP_SUFFIX)) {
      for (Path file : files) {
        Optional<BasicFileAttributes> kind = FileKinds.of(file);
        if (kind.isPresent()
            && ours.test(file.getFileName().toString(), kind.get())
            && writerPid(file).map(Leftovers::isGone).orElse(false)) {
          try {
            Files.deleteIfExists(file);
          } catch (AccessDeniedException othersFile) {
            // Another user's, in a shared directory: not this run's to sweep, nor to stop it.
          }
        }
      }
    }
  }

  /**
   * Whether the process is gone: none with that pid, or a zombie (killed and not yet reaped, as
   * under an init that does not reap, in a container), which writes nothing more.
   */
  static boolean isGone(long pid) {
    if (ProcessHandle.of(pid).isEmpty()) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      int nameEnd = stat.lastIndexOf(')'); // the name in parentheses may hold anything
      return nameEnd > 0 && nameEnd + 2 < stat.length() && stat.charAt(nameEnd + 2) == 'Z';
    } catch (IOException | RuntimeException noProc) {
      return false; // no /proc: alive, as the JDK says
    }
  }

  private static Optional<Long> writerPid(Path temporary) {
    String name = temporary.getFileName().toString();
    String stem = name.substring(0, name.length() - Journal.TEMP_SUFFIX.length());
    int dot = stem.lastIndexOf('.');
    if (!name.startsWith(".") || dot < 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(stem.substring(dot + 1)));
    } catch (NumberFormatException notOurs) {
      return Optional.empty();
    }
  }
}
