package io.qaexport.adapter.in.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.adapter.in.cli.flag.CliUsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the parser leaves to the file system and the launcher. */
class InputResolverTest {
  @TempDir Path dir;

  private final InputResolver resolver =
      new InputResolver(Optional.of(Path.of("launcher/plugins")));

  private static CliOptions parsed(String... args) throws CliUsageException {
    return ((CliRequest.Export) CliParser.parse(args)).options();
  }

  @Test
  void theRejectedFileBesideThePassedOneIsReadOnlyIfItIsThere() throws Exception {
    Path passed = Files.createFile(dir.resolve("qa_passed.jsonl"));
    CliOptions options = parsed("--passed", passed.toString());

    assertEquals(Optional.empty(), resolver.resolve(options).rejected());
    Path rejected = Files.createFile(dir.resolve("qa_rejected.jsonl"));
    assertEquals(Optional.of(rejected), resolver.resolve(options).rejected());
  }

  @Test
  void aNamedRejectedFileIsKeptEvenIfMissingSoTheExportCanSaySo() throws Exception {
    Path named = dir.resolve("nope.jsonl");
    Files.createFile(dir.resolve("qa_rejected.jsonl"));

    ResolvedOptions resolved =
        resolver.resolve(parsed("--input-dir", dir.toString(), "--rejected", named.toString()));

    assertEquals(Optional.of(named), resolved.rejected());
  }

  @Test
  void withoutPluginDirTheLaunchersIsUsedAndANamedOneMustExist() throws Exception {
    assertEquals(Optional.of(Path.of("launcher/plugins")), resolver.resolve(parsed()).pluginDir());
    assertEquals(Optional.empty(), new InputResolver(Optional.empty()).pluginDir(Optional.empty()));
    assertEquals(Optional.of(dir), resolver.pluginDir(Optional.of(dir)));

    Path missing = dir.resolve("nope");
    var error =
        assertThrows(
            CliUsageException.class,
            () -> resolver.resolve(parsed("--plugin-dir", missing.toString())));
    assertEquals("--plugin-dir " + missing + ": no such directory", error.getMessage());
    assertEquals(true, error.pointsToHelp());
  }

  @Test
  void anOptionFileIsReadAsUtf8AndStrippedAndAnUnreadableOneIsAUsageError() throws Exception {
    Path prompt = Files.writeString(dir.resolve("prompt.txt"), "  Du är en kollega.\n\n");

    ResolvedOptions resolved =
        resolver.resolve(parsed("--format", "chat", "--format-option", "system_prompt=@" + prompt));

    assertEquals(
        List.of(
            new FormatOption("format-option system_prompt", "system_prompt", "Du är en kollega.")),
        resolved.formatOptions());
    assertEquals(Map.of("system_prompt", "Du är en kollega."), resolved.formatOptionValues());
    Path missing = dir.resolve("missing.txt");
    assertEquals(
        "--format-option system_prompt " + missing + ": cannot read it (NoSuchFileException)",
        assertThrows(
                CliUsageException.class,
                () -> resolver.resolve(parsed("--format-option", "system_prompt=@" + missing)))
            .getMessage());
  }

  @Test
  void anOptionFileIsReadBoundedAndStrictly() throws Exception {
    Path huge =
        Files.write(dir.resolve("huge.txt"), new byte[InputResolver.MAX_FILE_VALUE_BYTES + 1]);
    assertEquals(
        "--format-option system_prompt "
            + huge
            + ": longer than 1 MiB, more than an option's value",
        assertThrows(
                CliUsageException.class,
                () -> resolver.resolve(parsed("--format-option", "system_prompt=@" + huge)))
            .getMessage());
    Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'h', (byte) 0xE4, 'j'});
    assertEquals(
        "--format-option system_prompt " + latin1 + ": not UTF-8 text",
        assertThrows(
                CliUsageException.class,
                () -> resolver.resolve(parsed("--format-option", "system_prompt=@" + latin1)))
            .getMessage());
  }

  @Test
  void plainOptionValuesPassAsGiven() throws CliUsageException {
    assertEquals(
        Map.of("compression", "ZSTD"),
        resolver.resolve(parsed("--compression", "ZSTD")).formatOptionValues());
  }

  @Test
  void aStreamInputHasNothingBesideItSoTheOutputDirectoryMustBeNamed() throws Exception {
    Path fifo = dir.resolve("pipe");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    Files.createFile(dir.resolve("qa_rejected.jsonl"));

    for (String passed : List.of("-", fifo.toString(), "/dev/stdin", "/dev/fd/0")) {
      var error =
          assertThrows(
              CliUsageException.class, () -> resolver.resolve(parsed("--passed", passed)), passed);
      assertEquals(
          true,
          error
              .getMessage()
              .endsWith(
                  "is stdin, a pipe or a device: there is no directory beside it to write to; name one"
                      + " with --output-dir"),
          error.getMessage());
    }
    ResolvedOptions named =
        resolver.resolve(
            parsed("--passed", fifo.toString(), "--output-dir", dir.resolve("out").toString()));
    assertEquals(Optional.empty(), named.rejected(), "nothing is looked for beside a pipe");
    assertEquals(true, InputResolver.isStream(Path.of("/dev/stdin")));
    assertEquals(false, InputResolver.isStream(dir.resolve("qa_rejected.jsonl")));
  }
}
