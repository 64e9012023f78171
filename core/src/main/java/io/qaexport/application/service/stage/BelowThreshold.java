package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.domain.HfRecord;
import java.math.BigDecimal;
import java.util.function.Predicate;

/**
 * {@code --min-score}: a passed pair scoring below the threshold leaves the passed output and goes
 * to the rejected one, with the reason; the others go on.
 */
final class BelowThreshold extends Stage {
  private final double minScore; // NaN: the stage does not apply
  private final RecordSink rejected; // null when the format writes no rejected output

  private BelowThreshold(double minScore, RecordSink rejected) {
    super("below_threshold", "below threshold");
    this.minScore = minScore;
    this.rejected = rejected;
  }

  static final Stages.Registration REGISTRATION =
      new Stages.Registration() {
        @Override
        public Stage open(Stages.Setup setup) {
          TrainingSet training = setup.training();
          return new BelowThreshold(
              setup.passed() && training.minScore().isPresent()
                  ? training.minScore().getAsDouble()
                  : Double.NaN,
              setup.rejected());
        }

        @Override
        public Predicate<HfRecord> leavesOutBeforeTheFirstPass(
            TrainingSet training, References references) {
          return record ->
              training.minScore().isPresent()
                  && record.validationScore() < training.minScore().getAsDouble();
        }
      };

  @Override
  protected boolean keeps(long lineNumber, HfRecord record) throws ExportException {
    if (Double.isNaN(minScore) || record.validationScore() >= minScore) {
      return true;
    }
    if (rejected != null) {
      rejected.accept(
          lineNumber, record.withFailureReason(reason(record.validationScore(), minScore)));
    }
    return false;
  }

  static String reason(double score, double minScore) {
    return "validation_score " + plain(score) + " is below the export threshold " + plain(minScore);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).toPlainString();
  }
}
