package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.OutputPaths;
import io.qaexport.application.service.files.QuestionHashes;
import io.qaexport.application.service.files.StagedLog;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.dedup.DuplicateVerdicts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code --dedup}: a pair the first pass found to duplicate a kept one leaves the output and goes
 * to {@code <output>.duplicates.jsonl} with the kept pair's line and their similarity; the log is
 * staged with the outputs on the first one.
 */
final class DropDuplicates extends Stage {
  static final Stages.Registration REGISTRATION = DropDuplicates::open;

  private final DuplicateVerdicts verdicts; // null: the stage does not apply
  private final QuestionHashes hashes;
  private final OutputTransaction outputs;
  private final StagedLog<LeftOutLog> log;

  private DropDuplicates(
      DuplicateVerdicts verdicts,
      QuestionHashes hashes,
      Path output,
      OutputTransaction outputs,
      LeftOutLog.Factory logs) {
    super("duplicates", "duplicates");
    this.verdicts = verdicts;
    this.hashes = hashes;
    this.outputs = outputs;
    this.log = new StagedLog<>(OutputPaths.duplicatesLog(output), outputs, logs::open);
  }

  private static Stage open(Stages.Setup setup) {
    DuplicateVerdicts verdicts = setup.passed() ? setup.verdicts() : null;
    if (verdicts == null && setup.passed()) {
      // An earlier run's log of dropped pairs would describe other data, as with no duplicates.
      setup.outputs().removeOnCommit(OutputPaths.duplicatesLog(setup.output()));
    }
    return new DropDuplicates(
        verdicts, setup.hashes(), setup.output(), setup.outputs(), setup.leftOutLogs());
  }

  @Override
  protected boolean keeps(long lineNumber, HfRecord record) throws ExportException {
    if (verdicts == null) {
      return true;
    }
    DuplicateVerdicts.Verdict verdict = verdicts.of(lineNumber, hashes.of(record));
    if (verdict == null) {
      return true;
    }
    log.append(
        opened ->
            opened.append(
                List.of(
                    new LeftOutLog.Fact("line", lineNumber),
                    new LeftOutLog.Fact("duplicate_of", verdict.duplicateOf()),
                    new LeftOutLog.Fact("similarity", verdict.similarity())),
                record));
    return false;
  }

  @Override
  public void finish() throws ExportException {
    if (verdicts != null) {
      log.finish();
      if (count().count() == 0) {
        // A log from an earlier run would describe other data: it goes when these outputs land.
        outputs.removeOnCommit(log.path());
      }
    }
    super.finish();
  }

  @Override
  protected String logDescription() {
    return "dropped duplicates, with the pair each duplicates";
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
