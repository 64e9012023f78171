package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The README's plugin path, followed literally: build a jar that implements the SPI and lists it in
 * META-INF/services, drop it in a plugin directory, and use it by name.
 */
class PluginTest {
  private static final String EXAMPLES = GoldenFilesTest.EXAMPLES.toString();

  @TempDir Path dir;

  private Path plugins() throws IOException {
    return Files.createDirectories(dir.resolve("plugins"));
  }

  /** A plugin format named {@code name} whose writer runs {@code writeBody}. */
  private static String formatSource(String name, String writeBody) {
    return """
        package test.plugin;
        import io.qaexport.application.port.out.*;
        import io.qaexport.domain.*;
        import java.nio.file.*;
        public final class %s implements OutputFormat {
          public String name() { return "%s"; }
          public String description() { return "test"; }
          public String fileExtension() { return "txt"; }
          public String hfBuilderName() { return "text"; }
          public RecordWriter open(Path file, RecordShape shape) throws java.io.IOException {
            Files.writeString(file, "partial");
            return new RecordWriter() {
              public void write(HfRecord record) { %s }
              public void close() {}
            };
          }
        }
        """
        .formatted(className(name), name, writeBody);
  }

  /** The bundled examples exported into {@code out} with this test's plugins and {@code flags}. */
  private CliRun exportExamples(Path out, String... flags) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input-dir",
                EXAMPLES,
                "--output-dir",
                out.toString(),
                "--plugin-dir",
                plugins().toString()));
    args.addAll(List.of(flags));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static String className(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Format";
  }

  @Test
  void theChatPluginIsListedAndWritesTrlConversations() throws IOException {
    Path jar = PluginJars.chatPlugin(dir, plugins().resolve("qa-export-chat-plugin.jar"));

    CliRun list = CliRun.of("--list-formats", "--plugin-dir", plugins().toString());
    CliRun run =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("out").toString(),
            "--plugin-dir",
            plugins().toString(),
            "--format",
            "chat",
            "--format-option",
            "system_prompt=Du är en handledare.");

    assertEquals(0, list.exitCode(), list.err());
    assertTrue(
        list.out()
            .lines()
            .anyMatch(line -> line.startsWith("chat ") && line.endsWith("[plugin: " + jar + "]")),
        list.out());
    assertTrue(list.out().lines().anyMatch(line -> line.startsWith("jsonl ")), list.out());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("README.md", "qa_pairs.chat.jsonl"), filesIn(dir.resolve("out")));
    assertTrue(
        Files.readString(dir.resolve("out/README.md"))
            .contains("task_categories:\n  - text-generation\n"),
        "the chat layout gets its own card");
    assertTrue(
        run.err()
            .contains(
                "qa_rejected.jsonl was not exported: the chat format takes" + " passed pairs only"),
        run.err());
    List<String> lines = Files.readAllLines(dir.resolve("out/qa_pairs.chat.jsonl"));
    List<String> passed = Files.readAllLines(GoldenFilesTest.EXAMPLES.resolve("qa_passed.jsonl"));
    assertEquals(passed.size(), lines.size());
    var json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    JsonNode input = json.readTree(passed.get(0));
    assertEquals(List.of("messages", "source", "persona", "validation_score"), names(first));
    JsonNode messages = first.get("messages");
    assertEquals(3, messages.size());
    for (JsonNode message : messages) {
      assertEquals(List.of("role", "content"), names(message));
    }
    assertEquals("system", messages.get(0).get("role").asString());
    assertEquals("Du är en handledare.", messages.get(0).get("content").asString());
    assertEquals(input.get("question").asString(), messages.get(1).get("content").asString());
    assertEquals("assistant", messages.get(2).get("role").asString());
    assertEquals(input.get("answer").asString(), messages.get(2).get("content").asString());
    assertTrue(lines.get(4).contains("\"validation_score\":1.0}"), lines.get(4));
  }

  @Test
  void aJsonlExportAfterAChatOneRemovesTheChatFilesTheCardNamed() throws IOException {
    PluginJars.chatPlugin(dir, plugins().resolve("qa-export-chat-plugin.jar"));
    Path out = dir.resolve("out");
    CliRun chat = exportExamples(out, "--format", "chat");
    assertEquals(0, chat.exitCode(), chat.err());

    CliRun jsonl = exportExamples(out);

    assertEquals(0, jsonl.exitCode(), jsonl.err());
    assertEquals(
        List.of("README.md", "qa_pairs.jsonl", "qa_rejected_hf.jsonl"), filesIn(out), jsonl.err());
  }

  /** A system prompt every row repeats counts in the shards' size, not only the pair's text. */
  @Test
  void chatShardsKeepToTheShardSizeWithALongSystemPrompt() throws IOException {
    PluginJars.chatPlugin(dir, plugins().resolve("chat.jar"));
    Path out = dir.resolve("out");

    CliRun run =
        exportExamples(
            out,
            "--format",
            "chat",
            "--format-option",
            "system_prompt=" + "Du är en hjälpsam handledare för undersköterskor. ".repeat(40),
            "--max-shard-size",
            "8KiB",
            "--quiet");

    assertEquals(0, run.exitCode(), run.err());
    List<Path> shards;
    try (var files = Files.list(out)) {
      shards = files.filter(f -> f.getFileName().toString().startsWith("qa_pairs.chat")).toList();
    }
    long rows = 0;
    long bytes = 0;
    for (Path shard : shards) {
      // Shards are cut by row counts from estimated sizes: about the size asked for, not exactly.
      assertTrue(Files.size(shard) <= 8192 * 5 / 4, shard + " is " + Files.size(shard) + " bytes");
      rows += Files.readAllLines(shard).size();
      bytes += Files.size(shard);
    }
    assertEquals(8, rows);
    assertTrue(shards.size() >= (bytes + 8191) / 8192, bytes + " bytes in " + shards);
  }

  @Test
  void withoutTheOptionThereIsNoSystemMessageAndOtherFormatsRefuseIt() throws IOException {
    PluginJars.chatPlugin(dir, plugins().resolve("chat.jar"));

    CliRun plain =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("out").toString(),
            "--plugin-dir",
            plugins().toString(),
            "--format",
            "chat",
            "--quiet");
    CliRun jsonl =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("j").toString(),
            "--plugin-dir",
            plugins().toString(),
            "--format-option",
            "system_prompt=x");

    assertEquals(0, plain.exitCode(), plain.err());
    String first = Files.readAllLines(dir.resolve("out/qa_pairs.chat.jsonl")).get(0);
    assertTrue(first.startsWith("{\"messages\":[{\"role\":\"user\""), first);
    assertEquals(2, jsonl.exitCode());
    assertEquals(
        "qa-export: error: --format-option system_prompt applies to --format chat only\n"
            + "Try 'qa-export --help' for the options.\n",
        jsonl.err());
  }

  @Test
  void aPluginThatClashesWithABuiltInIsReportedAndTheBuiltInIsUsed() throws IOException {
    PluginJars.plugin(
        dir,
        plugins().resolve("clash.jar"),
        Map.of("test.plugin.JsonlFormat", formatSource("jsonl", "")),
        "test.plugin.JsonlFormat\n");

    CliRun run =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("out").toString(),
            "--plugin-dir",
            plugins().toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains("offers format 'jsonl', which is built in; the built-in one is" + " used"),
        run.err());
    assertTrue(Files.readString(dir.resolve("out/qa_pairs.jsonl")).startsWith("{\"question\":"));
  }

  @Test
  void aPluginThatFailsToLoadIsReportedAndTheRestWorks() throws IOException {
    Files.createDirectories(plugins());
    PluginJars.plugin(dir, plugins().resolve("broken.jar"), Map.of(), "test.plugin.Missing\n");
    Files.writeString(plugins().resolve("not-a-jar.jar"), "this is not a zip file");

    CliRun run =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("out").toString(),
            "--plugin-dir",
            plugins().toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "plugin " + plugins().resolve("broken.jar") + " failed to load and is ignored"),
        run.err());
    assertTrue(
        run.err()
            .contains(
                "plugin "
                    + plugins().resolve("not-a-jar.jar")
                    + " is not a jar (a zip file) and is ignored"),
        run.err());
    assertTrue(Files.exists(dir.resolve("out/qa_pairs.jsonl")));
  }

  @Test
  void aPluginThatThrowsStopsTheRunAndLeavesNoOutput() throws IOException {
    PluginJars.plugin(
        dir,
        plugins().resolve("boom.jar"),
        Map.of(
            "test.plugin.BoomFormat",
            formatSource("boom", "throw new IllegalStateException(\"kaboom\");")),
        "test.plugin.BoomFormat\n");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("qa_pairs.txt"), "earlier\n");

    CliRun run =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            out.toString(),
            "--plugin-dir",
            plugins().toString(),
            "--format",
            "boom");

    assertEquals(3, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains(
                "format 'boom' from plugin "
                    + plugins().resolve("boom.jar")
                    + " failed: java.lang.IllegalStateException: kaboom"),
        run.err());
    assertEquals(List.of("qa_pairs.txt"), filesIn(out));
    assertEquals("earlier\n", Files.readString(out.resolve("qa_pairs.txt")));
  }

  @Test
  void aPluginWhoseExtensionWouldLeaveTheOutputDirectoryIsNotLoaded() throws IOException {
    PluginJars.plugin(
        dir,
        plugins().resolve("escape.jar"),
        Map.of(
            "test.plugin.EscapeFormat",
            formatSource("escape", "").replace("return \"txt\";", "return \"../x\";")),
        "test.plugin.EscapeFormat\n");

    CliRun list = CliRun.of("--list-formats", "--plugin-dir", plugins().toString());

    assertEquals(0, list.exitCode(), list.err());
    assertFalse(list.out().contains("escape"), list.out());
    assertTrue(
        list.err().contains("failed to load and is ignored")
            && list.err().contains("file extension '../x' is not usable"),
        list.err());
  }

  @Test
  void aMissingPluginDirectoryIsAUsageError() {
    CliRun run = CliRun.of("--list-formats", "--plugin-dir", dir.resolve("nope").toString());
    assertEquals(2, run.exitCode());
    assertFalse(run.err().isEmpty());
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.propertyNames().iterator();
    it.forEachRemaining(names::add);
    return names;
  }

  @Test
  void withAThresholdTheCardSaysWhereThePairsBelowItWent() throws Exception {
    PluginJars.chatPlugin(dir, plugins().resolve("chat.jar"));
    CliRun chat =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("chat").toString(),
            "--plugin-dir",
            plugins().toString(),
            "--format",
            "chat",
            "--min-score",
            "0.85",
            "--quiet");
    CliRun jsonl =
        CliRun.of(
            "--input-dir",
            EXAMPLES,
            "--output-dir",
            dir.resolve("jsonl").toString(),
            "--min-score",
            "0.85",
            "--quiet");

    assertEquals(0, chat.exitCode(), chat.err());
    assertEquals(0, jsonl.exitCode(), jsonl.err());
    String chatCard = Files.readString(dir.resolve("chat/README.md"));
    String jsonlCard = Files.readString(dir.resolve("jsonl/README.md"));
    assertTrue(
        chatCard.contains("were left out (this dataset has no `rejected` config)"), chatCard);
    assertFalse(chatCard.contains("moved to `rejected`"), chatCard);
    assertTrue(jsonlCard.contains("were moved to `rejected`"), jsonlCard);
    assertTrue(
        jsonlCard.contains(
            "not pairs that failed validation: their `failure_reason` starts with"
                + " `validation_score` and ends with `is below the export threshold 0.85`"),
        jsonlCard);
  }
}
