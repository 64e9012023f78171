package io.qaexport.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A copy of the source tree's launcher, with the script it sources, for tests on stand-ins. */
final class LauncherCopy {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String ARGUMENTS = "dist/src/bin/qa-export-args.sh";

  private LauncherCopy() {}

  /**
   * Copies the launcher into {@code root} as if it had built there: a jar, the build stamp, and the
   * class-data archive tried, so that it runs `java` at once.
   */
  static Path intoBuiltTree(Path root) throws IOException {
    Path target = Files.createDirectories(root.resolve("app-cli/target"));
    for (String file : List.of("qa-export.jar", ".built-by-launcher", ".cds-tried")) {
      Files.createFile(target.resolve(file));
    }
    return into(root);
  }

  /** Copies {@code ./qa-export} (executable) and what it sources into {@code root}. */
  static Path into(Path root) throws IOException {
    Files.createDirectories(root.resolve(ARGUMENTS).getParent());
    Files.copy(ROOT.resolve(ARGUMENTS), root.resolve(ARGUMENTS));
    Path launcher = Files.copy(ROOT.resolve("qa-export"), root.resolve("qa-export"));
    launcher.toFile().setExecutable(true);
    return launcher;
  }
}
