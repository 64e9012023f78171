package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the real {@code --help}, so it cannot drift from the options. */
class ReadmeUsageTest {
  @Test
  void theReadmesUsageBlockIsTheHelpOutput() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("## Usage\n\n```\n") + "## Usage\n\n```\n".length();
    String usage = readme.substring(start, readme.indexOf("```", start));

    assertEquals(
        CliRun.of("--help").out(),
        usage,
        "regenerate the README's usage block from ./qa-export --help");
  }
}
