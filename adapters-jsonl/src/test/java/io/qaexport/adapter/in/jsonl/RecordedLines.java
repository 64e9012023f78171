package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.QaPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every line a reader hands out for one file, as readable events. */
final class RecordedLines {
  record Invalid(long line, int column, String reason, byte[] raw) {
    String rawText() {
      return new String(raw, StandardCharsets.UTF_8);
    }
  }

  final List<String> events = new ArrayList<>();
  final List<QaPair> pairs = new ArrayList<>();
  final List<Invalid> invalid = new ArrayList<>();

  /** Pulls every line of {@code file} from {@code source}. */
  static RecordedLines read(QaPairSource source, Path file) throws IOException {
    var recorded = new RecordedLines();
    try (PairReader reader = source.open(file)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        recorded.add(line);
      }
    }
    return recorded;
  }

  /** Pulls every line left in {@code reader}. */
  void addAll(PairReader reader) throws IOException {
    for (SourceLine line = reader.next(); line != null; line = reader.next()) {
      add(line);
    }
  }

  private void add(SourceLine line) {
    if (line instanceof SourceLine.Pair pair) {
      events.add(line.lineNumber() + ":pair");
      pairs.add(pair.pair());
    } else if (line instanceof SourceLine.Invalid bad) {
      events.add(line.lineNumber() + ":invalid");
      invalid.add(new Invalid(bad.lineNumber(), bad.column(), bad.reason(), bad.raw().copyBytes()));
    } else {
      events.add(line.lineNumber() + ":blank");
    }
  }
}
