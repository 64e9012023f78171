package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.LeftOutLog.Fact;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.application.service.files.StagedLog;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.dedup.ReferenceIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code --decontaminate}: a passed pair whose question matches a reference question (an evaluation
 * set, an earlier release) leaves the output and goes to {@code <output>.decontaminated.jsonl} with
 * the reference, its line, its question and their similarity. It runs before deduplication, so a
 * contaminated pair never stands for a group.
 */
final class Decontaminate extends Stage {
  static final Stages.Registration REGISTRATION =
      new Stages.Registration() {
        @Override
        public Stage open(Stages.Setup setup) {
          References references = setup.passed() ? setup.references() : null;
          if (setup.passed() && (references == null || references.files().isEmpty())) {
            // An earlier run's log would describe other data.
            setup.outputs().removeOnCommit(OutputPaths.decontaminatedLog(setup.output()));
            references = null;
          }
          return new Decontaminate(
              references, setup.output(), setup.outputs(), setup.leftOutLogs());
        }

        @Override
        public Predicate<HfRecord> leavesOutBeforeTheFirstPass(
            TrainingSet training, References references) {
          return references == null || references.files().isEmpty()
              ? record -> false
              : record -> references.index().match(record.question()) != null;
        }
      };

  private final References references; // null: the stage does not apply
  private final OutputTransaction outputs;
  private final StagedLog<LeftOutLog> log;

  private Decontaminate(
      References references, Path output, OutputTransaction outputs, LeftOutLog.Factory logs) {
    super("decontaminated", "decontaminated");
    this.references = references;
    this.outputs = outputs;
    this.log = new StagedLog<>(OutputPaths.decontaminatedLog(output), outputs, logs::open);
  }

  @Override
  protected boolean keeps(long lineNumber, HfRecord record) throws ExportException {
    if (references == null) {
      return true;
    }
    ReferenceIndex.Match match = references.index().match(record.question());
    if (match == null) {
      return true;
    }
    log.append(
        opened ->
            opened.append(
                List.of(
                    new Fact("line", lineNumber),
                    new Fact("reference", references.pathOf(match.source())),
                    new Fact("reference_line", match.line()),
                    new Fact("reference_question", match.question()),
                    new Fact("similarity", match.similarity())),
                record));
    return false;
  }

  @Override
  public void finish() throws ExportException {
    if (references != null) {
      log.finish();
      if (count().count() == 0) {
        outputs.removeOnCommit(log.path());
      }
    }
    super.finish();
  }

  @Override
  protected String logDescription() {
    return "left out as contaminated, with the reference question each matches";
  }

  @Override
  protected Optional<Path> log() {
    return Optional.of(log.path());
  }

  @Override
  public void abandon() {
    log.abandon();
  }
}
