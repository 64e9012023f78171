package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.QaPairHandler;
import io.qaexport.application.port.out.RawLine;
import io.qaexport.domain.QaPair;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what a reader reports, as readable events. */
final class RecordingHandler implements QaPairHandler {
  record Invalid(long line, int column, String reason, byte[] raw) {
    String rawText() {
      return new String(raw, StandardCharsets.UTF_8);
    }
  }

  final List<String> events = new ArrayList<>();
  final List<QaPair> pairs = new ArrayList<>();
  final List<Invalid> invalid = new ArrayList<>();

  @Override
  public void onPair(long lineNumber, QaPair pair, RawLine raw) {
    events.add(lineNumber + ":pair");
    pairs.add(pair);
  }

  @Override
  public void onBlankLine(long lineNumber) {
    events.add(lineNumber + ":blank");
  }

  @Override
  public void onInvalidLine(long lineNumber, int column, String reason, RawLine raw) {
    events.add(lineNumber + ":invalid");
    invalid.add(new Invalid(lineNumber, column, reason, raw.copyBytes()));
  }
}
