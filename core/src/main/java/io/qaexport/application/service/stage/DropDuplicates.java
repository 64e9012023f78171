package io.qaexport.application.service.stage;

import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.LeftOutLog.Fact;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.application.service.files.QuestionHashes;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.dedup.DuplicateVerdicts;
import java.util.List;
import java.util.Optional;

/**
 * {@code --dedup}: a pair the first pass found to duplicate a kept one leaves the output and goes
 * to {@code <output>.duplicates.jsonl} with the kept pair's line and their similarity.
 */
final class DropDuplicates extends LoggingStage {
  static final Stages.Registration REGISTRATION = DropDuplicates::open;

  private final DuplicateVerdicts verdicts;
  private final QuestionHashes hashes;

  private DropDuplicates(Stages.Setup setup, DuplicateVerdicts verdicts) {
    super(
        "duplicates",
        "duplicates",
        "dropped duplicates, with the pair each duplicates",
        verdicts != null,
        OutputPaths.duplicatesLog(setup.output()),
        setup.outputs(),
        setup.leftOutLogs(),
        setup.job().shape());
    this.verdicts = verdicts;
    this.hashes = setup.hashes();
  }

  private static Stage open(Stages.Setup setup) {
    DuplicateVerdicts verdicts = setup.passed() ? setup.verdicts() : null;
    if (verdicts == null && setup.passed()) {
      // An earlier run's log of dropped pairs would describe other data, as with no duplicates.
      setup.outputs().removeOnCommit(OutputPaths.duplicatesLog(setup.output()));
    }
    return new DropDuplicates(setup, verdicts);
  }

  @Override
  protected Optional<List<LeftOutLog.Fact>> leftOut(long lineNumber, HfRecord record) {
    DuplicateVerdicts.Verdict verdict = verdicts.of(lineNumber, hashes.of(record));
    return verdict == null
        ? Optional.empty()
        : Optional.of(
            List.of(
                new Fact("line", lineNumber),
                new Fact("duplicate_of", verdict.duplicateOf()),
                new Fact("similarity", verdict.similarity())));
  }
}
