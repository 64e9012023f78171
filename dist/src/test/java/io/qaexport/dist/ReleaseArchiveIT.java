package io.qaexport.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: unpacked with tar into a directory of its own, far from
 * the source tree, and run with Java alone (a {@code mvn} first on PATH would leave a mark).
 */
class ReleaseArchiveIT {
  private static final Path GOLDEN = Path.of("../app-cli/src/test/resources/golden");

  @TempDir static Path shared;
  private static Path home;
  private static Path fakeBin;

  @TempDir Path dir;

  @BeforeAll
  static void unpack() throws Exception {
    Path archive = Path.of(System.getProperty("release.archive"));
    assertTrue(Files.isRegularFile(archive), archive + " was built by mvn package");
    Path install = Files.createDirectories(shared.resolve("opt"));
    assertEquals(
        0,
        new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", install.toString())
            .inheritIO()
            .start()
            .waitFor());
    home = install.resolve(System.getProperty("release.name"));
    fakeBin = Files.createDirectories(shared.resolve("fake-bin"));
    Path mvn =
        Files.writeString(
            fakeBin.resolve("mvn"),
            "#!/bin/sh\ntouch \"" + shared.resolve("mvn-was-called") + "\"\nexit 1\n");
    assertTrue(mvn.toFile().setExecutable(true));
  }

  private record Run(int exit, String out, String err) {}

  private Run run(Path launcher, String... args) throws IOException, InterruptedException {
    return run(Map.of(), launcher, args);
  }

  private Run run(Map<String, String> env, Path launcher, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile());
    builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("XDG_CACHE_HOME", shared.resolve("cache").toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run timed out");
    return new Run(
        process.exitValue(),
        Files.readString(dir.resolve("out.txt")),
        Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void theArchiveHoldsTheLauncherTheJarsThePluginsTheExamplesAndTheClassList() {
    assertTrue(Files.isExecutable(home.resolve("bin/qa-export")));
    assertTrue(Files.isRegularFile(home.resolve("lib/qa-export-app-cli-0.1.0.jar")));
    assertTrue(Files.isRegularFile(home.resolve("lib/qa-export.classlist")));
    assertTrue(Files.isRegularFile(home.resolve("plugins/qa-export-chat-plugin.jar")));
    assertTrue(Files.isRegularFile(home.resolve("examples/qa/qa_passed.jsonl")));
    assertFalse(
        Files.exists(home.resolve("lib/qa-export-chat-plugin-0.1.0.jar")),
        "the plugin is in plugins/ only");
  }

  @Test
  void theUnpackedLauncherExportsTheExamplesWithJavaAloneAndMakesItsClassDataArchiveOnce()
      throws Exception {
    Path examples = home.resolve("examples/qa");

    Run first =
        run(
            home.resolve("bin/qa-export"),
            "--input-dir",
            examples.toString(),
            "--output-dir",
            "out");
    Run second =
        run(
            home.resolve("bin/qa-export"),
            "--input-dir",
            examples.toString(),
            "--output-dir",
            "again");

    assertEquals(0, first.exit(), first.err());
    assertEquals(0, second.exit(), second.err());
    for (String file : List.of("qa_pairs.jsonl", "qa_rejected_hf.jsonl")) {
      assertArrayEquals(
          Files.readAllBytes(GOLDEN.resolve(file)),
          Files.readAllBytes(dir.resolve("out").resolve(file)),
          file);
    }
    assertTrue(first.err().contains("exported 14 records as jsonl"), first.err());
    assertFalse(second.err().contains("class-data archive"), "made on the first run only");
    try (var files = Files.list(home.resolve("lib"))) {
      assertEquals(
          1,
          files.filter(f -> f.toString().endsWith(".jsa")).count(),
          "the archive is beside the jars of a writable install");
    }
    assertFalse(Files.exists(shared.resolve("mvn-was-called")), "Maven is not needed");
  }

  @Test
  void aNonAsciiPathWorksUnderTheCLocale() throws Exception {
    Path input = Files.createDirectories(dir.resolve("indata_å"));
    Files.copy(home.resolve("examples/qa/qa_passed.jsonl"), input.resolve("qa_passed.jsonl"));

    Run run =
        run(
            Map.of("LC_ALL", "C", "LANG", "C"),
            home.resolve("bin/qa-export"),
            "--input-dir",
            input.toString(),
            "--output-dir",
            dir.resolve("utdata_ö").toString(),
            "--quiet");

    assertEquals(0, run.exit(), run.err());
    assertTrue(Files.exists(dir.resolve("utdata_ö/qa_pairs.jsonl")));
  }

  @Test
  void aSymlinkedLauncherFindsItsInstallVersionAndPlugins() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("qa-export"), home.resolve("bin/qa-export"));

    Run version = run(link, "-V");
    Run formats = run(link, "--list-formats");

    assertEquals(0, version.exit(), version.err());
    assertEquals("qa-export 0.1.0\n", version.out());
    assertEquals(0, formats.exit(), formats.err());
    assertTrue(
        formats
            .out()
            .contains("[plugin: " + home.resolve("plugins/qa-export-chat-plugin.jar") + "]"),
        formats.out());
  }
}
