package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.domain.HfRecord;
import java.math.BigDecimal;

/**
 * {@code --min-score}: a passed pair scoring below the threshold leaves the passed output and
 * goes to the rejected one, with the reason; the others go on.
 */
public final class BelowThreshold implements RecordSink {
  private final double minScore;
  private final RecordSink rejected; // null when the format writes no rejected output
  private final RecordSink next;
  private long count;

  public BelowThreshold(double minScore, RecordSink rejected, RecordSink next) {
    this.minScore = minScore;
    this.rejected = rejected;
    this.next = next;
  }

  @Override
  public void accept(long lineNumber, HfRecord record) throws ExportException {
    if (record.validationScore() >= minScore) {
      next.accept(lineNumber, record);
      return;
    }
    count++;
    if (rejected != null) {
      rejected.accept(lineNumber, record.withFailureReason(
          reason(record.validationScore(), minScore)));
    }
  }

  @Override
  public void finish() throws ExportException {
    next.finish();
  }

  public long count() {
    return count;
  }

  static String reason(double score, double minScore) {
    return "validation_score " + plain(score) + " is below the export threshold "
        + plain(minScore);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }
}
