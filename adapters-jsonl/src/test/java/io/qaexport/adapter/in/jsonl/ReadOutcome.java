package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.SourceLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Everything a reader tells of one file, as comparable text: each line's kind, number, column,
 * reason, raw bytes and pair, then the failure that ended the reading, if any.
 */
final class ReadOutcome {
  private ReadOutcome() {}

  static List<String> of(JsonlQaPairSource source, Path file) {
    List<String> outcome = new ArrayList<>();
    try (PairReader reader = source.open(file)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        outcome.add(describe(line));
      }
      outcome.add("end after " + reader.bytesRead() + " bytes");
    } catch (IOException | RuntimeException e) {
      outcome.add("failed: " + e.getClass().getName() + ": " + e.getMessage());
    }
    return outcome;
  }

  static String describe(SourceLine line) {
    if (line instanceof SourceLine.Pair pair) {
      return line.lineNumber() + " pair " + raw(pair.raw().copyBytes()) + " " + pair.pair();
    }
    if (line instanceof SourceLine.Invalid bad) {
      return line.lineNumber()
          + " invalid at "
          + bad.column()
          + ": "
          + bad.reason()
          + " "
          + raw(bad.raw().copyBytes());
    }
    return line.lineNumber() + " blank";
  }

  private static String raw(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
