package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source tree launcher's rebuild check, on a copy of it in a small tree with stand-in `mvn` and
 * `java`: what goes into the release (poms, src/main, the release's launcher) rebuilds, what does
 * not (tests, data) does not; and the release launcher's class-data archive, made once. Times are
 * set explicitly, so nothing depends on the clock's resolution.
 */
class LauncherRebuildCheckTest {
  private static final FileTime BUILT = FileTime.from(Instant.parse("2026-01-01T12:00:00Z"));
  private static final FileTime BEFORE = FileTime.from(Instant.parse("2026-01-01T11:00:00Z"));
  private static final FileTime AFTER = FileTime.from(Instant.parse("2026-01-01T13:00:00Z"));

  @TempDir Path dir;
  private Path root;
  private Path launcher;
  private Path built;

  @BeforeEach
  void aBuiltTree() throws IOException {
    root = dir.resolve("root");
    LauncherCopy.releaseInto(root.resolve(LauncherCopy.RELEASE_HOME));
    Files.createFile(root.resolve(LauncherCopy.STAMP));
    for (String file :
        List.of(
            "pom.xml",
            "core/pom.xml",
            "examples/chat-plugin/pom.xml",
            "core/src/main/java/io/qaexport/domain/Pair.java",
            "core/src/main/resources/io/qaexport/domain/licenses.txt",
            "core/src/test/java/io/qaexport/domain/PairTest.java",
            "examples/chat-plugin/src/main/java/Chat.java",
            "examples/qa/qa_passed.jsonl",
            "compat/check_hf.py",
            "bench/jmh/src/main/java/B.java",
            "bench/jmh/pom.xml")) {
      Files.createDirectories(root.resolve(file).getParent());
      Files.writeString(root.resolve(file), "x");
    }
    launcher = LauncherCopy.into(root);
    try (var paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        Files.setLastModifiedTime(path, BEFORE);
      }
    }
    Files.setLastModifiedTime(root.resolve(LauncherCopy.STAMP), BUILT);
    built = dir.resolve("mvn-was-run");
  }

  @Test
  void nothingNewerThanTheLastBuildRunsNoBuild() throws Exception {
    assertFalse(launchRebuilds());
  }

  @Test
  void editsOutsideWhatGoesIntoTheJarRunNoBuild() throws Exception {
    for (String file :
        List.of(
            "core/src/test/java/io/qaexport/domain/PairTest.java",
            "examples/qa/qa_passed.jsonl",
            "compat/check_hf.py",
            "bench/jmh/src/main/java/B.java",
            "bench/jmh/pom.xml")) {
      Files.setLastModifiedTime(root.resolve(file), AFTER);
    }

    assertFalse(launchRebuilds());
  }

  @Test
  void anEditedMainSourceRebuilds() throws Exception {
    Files.setLastModifiedTime(
        root.resolve("core/src/main/java/io/qaexport/domain/Pair.java"), AFTER);

    assertTrue(launchRebuilds());
  }

  @Test
  void anEditedResourceRebuilds() throws Exception {
    Files.setLastModifiedTime(
        root.resolve("core/src/main/resources/io/qaexport/domain/licenses.txt"), AFTER);

    assertTrue(launchRebuilds());
  }

  @Test
  void anEditedPluginSourceRebuilds() throws Exception {
    Files.setLastModifiedTime(root.resolve("examples/chat-plugin/src/main/java/Chat.java"), AFTER);

    assertTrue(launchRebuilds());
  }

  @Test
  void anEditedModulePomOrTheParentPomRebuilds() throws Exception {
    Files.setLastModifiedTime(root.resolve("core/pom.xml"), AFTER);
    assertTrue(launchRebuilds());

    Files.delete(built);
    Files.setLastModifiedTime(root.resolve(LauncherCopy.STAMP), BUILT);
    Files.setLastModifiedTime(root.resolve("core/pom.xml"), BEFORE);
    Files.setLastModifiedTime(root.resolve("pom.xml"), AFTER);
    assertTrue(launchRebuilds());
  }

  @Test
  void aDeletedMainSourceRebuilds() throws Exception {
    Path source = root.resolve("core/src/main/java/io/qaexport/domain/Pair.java");
    Files.delete(source);
    Files.setLastModifiedTime(source.getParent(), AFTER); // what the deletion did, pinned

    assertTrue(launchRebuilds());
  }

  @Test
  void anEditedReleaseLauncherRebuilds() throws Exception {
    Path source = root.resolve("dist/src/bin/qa-export");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "x");
    Files.setLastModifiedTime(source, AFTER);

    assertTrue(launchRebuilds());
  }

  @Test
  void aMissingReleaseLayoutRebuilds() throws Exception {
    Files.delete(root.resolve(LauncherCopy.RELEASE_HOME).resolve("bin/qa-export"));

    assertTrue(launchRebuilds());
  }

  @Test
  void theReleasesClassDataArchiveIsMadeOnceAndAgainWhenAJarIsNewer() throws Exception {
    Path lib = root.resolve(LauncherCopy.RELEASE_HOME).resolve("lib");
    Files.writeString(lib.resolve("qa-export.classlist"), "java/lang/Object\n");
    Path jar = Files.writeString(lib.resolve("qa-export-core-0.1.0.jar"), "jar");
    Files.setLastModifiedTime(jar, BUILT);

    assertTrue(launch().contains("making a class-data archive"));
    assertFalse(launch().contains("making a class-data archive"), "made once");
    try (var files = Files.list(lib)) {
      Path archive =
          files.filter(file -> file.toString().endsWith(".jsa")).findFirst().orElseThrow();
      assertTrue(archive.getFileName().toString().startsWith("qa-export-"), archive.toString());
    }

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

    assertTrue(launch().contains("making a class-data archive"), "the JVM would refuse it");
  }

  @Test
  void aLinkToTheLauncherRunsTheTreeItLinksToAndWritesNothingBesideTheLink() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("home/bin"));
    // A relative link, as `ln -s ../../root/qa-export` makes it, one link deep through another.
    Path inner =
        Files.createSymbolicLink(elsewhere.resolve("inner"), elsewhere.relativize(launcher));
    launcher = Files.createSymbolicLink(elsewhere.resolve("qa-export"), Path.of("inner"));

    assertFalse(launchRebuilds(), "the tree behind the link is built");
    try (var beside = Files.list(elsewhere)) {
      assertEquals(List.of(inner, launcher), beside.sorted().toList());
    }
  }

  /** Runs the launcher with stand-in tools; true if it ran Maven. Either way java runs last. */
  private boolean launchRebuilds() throws Exception {
    launch();
    return Files.exists(built);
  }

  /** The launcher's output (stderr too) with stand-in tools; java runs last. */
  private String launch() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    // Builds the release layout again, as the real build does (the launcher removes it first).
    Path home = root.resolve(LauncherCopy.RELEASE_HOME);
    Path mvn =
        Files.writeString(
            bin.resolve("mvn"),
            "#!/bin/sh\ntouch '"
                + built
                + "'\nmkdir -p '"
                + home
                + "/bin' '"
                + home
                + "/lib'\ncp '"
                + LauncherCopy.ROOT.resolve("dist/src/bin/qa-export")
                + "' '"
                + home
                + "/bin/qa-export'\n");
    // Makes the archive it is asked to dump, as the real one does.
    Path java =
        Files.writeString(
            bin.resolve("java"),
            "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in -XX:SharedArchiveFile=*)"
                + " f=\"${a#*=}\" ;; -Xshare:dump) d=1 ;; esac; done\n"
                + "[ -n \"$d\" ] && echo archive > \"$f\"\necho ran\n");
    mvn.toFile().setExecutable(true);
    java.toFile().setExecutable(true);
    var builder = new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.endsWith("ran\n"), output);
    return output;
  }
}
