package io.qaexport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The benchmark input: a qa_passed.jsonl-shaped file made by bench/generate.py. */
final class Corpus {
  private Corpus() {}

  /** The file named by {@code -Dqaexport.bench.file}, default the 20k-record bench data. */
  static Path file(String param) {
    String f = param.isEmpty() ? System.getProperty("qaexport.bench.file", "") : param;
    if (f.isEmpty()) {
      f = "../work/data/varied-20k/qa_rejected.jsonl";
    }
    Path p = Path.of(f);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("no bench input " + p.toAbsolutePath()
          + ": run bench/jmh/run.sh (it generates it) or pass -p file=PATH");
    }
    return p;
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
