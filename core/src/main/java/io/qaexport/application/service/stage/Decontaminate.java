package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.LeftOutLog.Fact;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.dedup.ReferenceIndex;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code --decontaminate}: a passed pair whose question matches a reference question (an evaluation
 * set, an earlier release) leaves the output and goes to {@code <output>.decontaminated.jsonl} with
 * the reference, its line, its question and their similarity. It runs before deduplication, so a
 * contaminated pair never stands for a group.
 */
final class Decontaminate extends LoggingStage {
  static final Stages.Registration REGISTRATION =
      new Stages.Registration() {
        @Override
        public Stage open(Stages.Setup setup) {
          References references = setup.passed() ? setup.references() : null;
          if (references != null && references.files().isEmpty()) {
            references = null;
          }
          if (setup.passed() && references == null) {
            // An earlier run's log would describe other data.
            setup.outputs().removeOnCommit(OutputPaths.decontaminatedLog(setup.output()));
          }
          return new Decontaminate(setup, references);
        }

        @Override
        public Predicate<HfRecord> leavesOutBeforeTheFirstPass(
            TrainingSet training, References references) {
          return references == null || references.files().isEmpty()
              ? record -> false
              : record -> references.matchInFirstPass(record.question()) != null;
        }
      };

  private final References references;

  private Decontaminate(Stages.Setup setup, References references) {
    super(
        "decontaminated",
        "decontaminated",
        "left out as contaminated, with the reference question each matches",
        references != null,
        OutputPaths.decontaminatedLog(setup.output()),
        setup.outputs(),
        setup.leftOutLogs(),
        setup.job().shape());
    this.references = references;
  }

  @Override
  protected Optional<List<LeftOutLog.Fact>> leftOut(long lineNumber, HfRecord record) {
    ReferenceIndex.Match match = references.match(record.question());
    return match == null
        ? Optional.empty()
        : Optional.of(
            List.of(
                new Fact("line", lineNumber),
                new Fact("reference", references.pathOf(match.source())),
                new Fact("reference_line", match.line()),
                new Fact("reference_question", match.question()),
                new Fact("similarity", match.similarity())));
  }
}
