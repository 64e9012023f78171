package io.qaexport.application.service.commit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether two paths name one file, compared as files: links, {@code ..} and relative paths. */
public final class FileIdentity {
  private FileIdentity() {}

  /** The same file where both exist, else the same place. */
  public static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException cannotTell) {
      // Fall back to comparing where they are.
    }
    return place(a).equals(place(b));
  }

  /** The real path of the deepest ancestor that exists, with the rest of the path after it. */
  public static Path place(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }
}
