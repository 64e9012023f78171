package io.qaexport.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies of the launchers, for tests on stand-in tools. */
final class LauncherCopy {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Where the source tree's launcher finds the release layout it built. */
  static final String RELEASE_HOME = "dist/target/qa-export-0.1.0";

  static final String STAMP = "dist/target/.built-by-launcher";

  private LauncherCopy() {}

  /**
   * Copies the source tree's launcher into {@code root} as if it had built there: the release
   * layout's launcher and the build stamp, so that it execs the release's launcher at once.
   */
  static Path intoBuiltTree(Path root) throws IOException {
    releaseInto(root.resolve(RELEASE_HOME));
    Files.createFile(root.resolve(STAMP));
    return into(root);
  }

  /** Copies {@code ./qa-export} (executable) into {@code root}. */
  static Path into(Path root) throws IOException {
    Files.createDirectories(root);
    Path launcher = Files.copy(ROOT.resolve("qa-export"), root.resolve("qa-export"));
    launcher.toFile().setExecutable(true);
    return launcher;
  }

  /** Copies the release's {@code bin/qa-export} into {@code home}, with an empty {@code lib/}. */
  static Path releaseInto(Path home) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("lib"));
    Path launcher =
        Files.copy(ROOT.resolve("dist/src/bin/qa-export"), home.resolve("bin/qa-export"));
    launcher.toFile().setExecutable(true);
    return launcher;
  }
}
