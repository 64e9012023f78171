package io.qaexport.bench;

import io.qaexport.adapter.in.jsonl.JsonlInputModule;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.QaPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark input: a qa_passed.jsonl-shaped file made by bench/generate.py. */
final class Corpus {
  static final int MAX_LINE_BYTES = 64 << 20;

  private Corpus() {}

  /** The reader exactly as the Dagger module provides it. */
  static QaPairSource source() {
    return new JsonlInputModule(MAX_LINE_BYTES).pairSource();
  }

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

  /** Every pair of {@code file}, read through the port; an invalid line is a bad corpus. */
  static List<QaPair> pairs(Path file) throws IOException {
    List<QaPair> pairs = new ArrayList<>();
    try (PairReader reader = source().open(file)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        if (line instanceof SourceLine.Pair pair) {
          pairs.add(pair.pair());
        } else if (line instanceof SourceLine.Invalid invalid) {
          throw new IllegalStateException("invalid bench input line " + invalid.lineNumber()
              + ": " + invalid.reason());
        }
      }
    }
    return pairs;
  }
}
