package io.qaexport.bootstrap;

import static io.qaexport.bootstrap.TestFiles.filesIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet format through the real command line, and proof that JSONL runs never load it. */
class ParquetExportTest {
  @TempDir Path dir;

  @Test
  void parquetRunsWriteBothFilesWithEachCodec() throws IOException {
    for (String codec : List.of("snappy", "zstd", "none")) {
      Path out = dir.resolve(codec);
      CliRun run =
          CliRun.of(
              "--input-dir",
              GoldenFilesTest.EXAMPLES.toString(),
              "--output-dir",
              out.toString(),
              "--format",
              "parquet",
              "--compression",
              codec);

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(
          List.of("README.md", "qa_pairs.parquet", "qa_rejected_hf.parquet"), filesIn(out));
      assertEquals(
          "PAR1",
          new String(firstBytes(out.resolve("qa_pairs.parquet"), 4), StandardCharsets.US_ASCII));
      assertTrue(
          run.err()
              .contains(
                  "load_dataset(\"parquet\", data_files=\""
                      + out.resolve("qa_pairs.parquet")
                      + "\", split=\"train\")"),
          run.err());
    }
  }

  @Test
  void compressionIsCheckedAndOnlyGoesWithParquet() {
    CliRun unknown =
        CliRun.of(
            "--input-dir",
            GoldenFilesTest.EXAMPLES.toString(),
            "--output-dir",
            dir.toString(),
            "--format",
            "parquet",
            "--compression",
            "lz4");
    CliRun withJsonl =
        CliRun.of(
            "--input-dir",
            GoldenFilesTest.EXAMPLES.toString(),
            "--output-dir",
            dir.toString(),
            "--compression",
            "zstd");

    assertEquals(2, unknown.exitCode());
    assertTrue(
        unknown.err().contains("--compression takes snappy, zstd, none, not 'lz4'"), unknown.err());
    assertEquals(2, withJsonl.exitCode());
    assertTrue(
        withJsonl.err().contains("--compression applies to --format parquet only"),
        withJsonl.err());
  }

  @Test
  void aJsonlRunLoadsNoParquetClassWhileAParquetRunDoes() throws Exception {
    List<String> jsonl = loadedClasses("jsonl");
    List<String> parquet = loadedClasses("parquet");

    assertFalse(jsonl.isEmpty());
    assertTrue(
        jsonl.stream().noneMatch(line -> line.contains("org.apache.parquet")),
        () ->
            "parquet classes loaded in a jsonl run: "
                + jsonl.stream()
                    .filter(line -> line.contains("org.apache.parquet"))
                    .limit(5)
                    .toList());
    assertTrue(jsonl.stream().noneMatch(line -> line.contains("ParquetOutputFormat")));
    assertTrue(
        parquet.stream().anyMatch(line -> line.contains("org.apache.parquet.hadoop")),
        "the check would notice Parquet classes if they were loaded");
  }

  @Test
  void checkingCompressionOnAJsonlRunBuildsTheParquetFormatButLoadsNoParquetJavaClass()
      throws Exception {
    List<String> loaded = loadedClasses("jsonl", 2, "--compression", "zstd");

    assertTrue(
        loaded.stream().anyMatch(line -> line.contains("ParquetOutputFormat")),
        "the format declares the option, so it is asked");
    assertTrue(
        loaded.stream().noneMatch(line -> line.contains("org.apache.parquet")),
        () ->
            "parquet classes loaded to check an option: "
                + loaded.stream()
                    .filter(line -> line.contains("org.apache.parquet"))
                    .limit(5)
                    .toList());
  }

  private List<String> loadedClasses(String format) throws Exception {
    return loadedClasses(format, 0);
  }

  private List<String> loadedClasses(String format, int exitCode, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--input-dir",
                GoldenFilesTest.EXAMPLES.toString(),
                "--output-dir",
                dir.resolve("classes-" + format).toString(),
                "--format",
                format,
                "--quiet"));
    args.addAll(List.of(more));
    return CliRun.classesLoadedBy(
        dir.resolve("classes-" + format + ".log"), exitCode, args.toArray(String[]::new));
  }

  private static byte[] firstBytes(Path file, int count) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(count);
    }
  }
}
