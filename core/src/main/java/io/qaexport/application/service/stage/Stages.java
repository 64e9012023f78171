package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.StageCount;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.QuestionHashes;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.dedup.DuplicateVerdicts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The training-set stages, registered in one list in the order a record meets them. The first pass
 * and the export run the same list; the summary, its JSON and the line identity iterate the stages'
 * counts. Adding a stage: its class, one line in {@link #ALL}, and its flag.
 */
public final class Stages {
  /** What a stage may need to open on one input's output. */
  public record Setup(
      ExportJob job,
      TrainingSet training,
      Path output,
      OutputTransaction outputs,
      LeftOutLog.Factory leftOutLogs,
      RecordSink rejected,
      DuplicateVerdicts verdicts,
      QuestionHashes hashes,
      References references) {
    /** Whether the input is the passed file (the stages curate the passed pairs). */
    public boolean passed() {
      return !job.shape().hasFailureReason();
    }
  }

  /** Opens a stage on one output, and tells which pairs the first pass leaves out for it. */
  public interface Registration {
    Stage open(Setup setup);

    /**
     * The passed pairs this stage leaves out that the first pass must not see either (so both
     * passes see the same pairs); none for a stage that the first pass itself informs.
     */
    default Predicate<HfRecord> leavesOutBeforeTheFirstPass(
        TrainingSet training, References references) {
      return record -> false;
    }
  }

  /** In the order a record meets them. */
  static final List<Registration> ALL =
      List.of(BelowThreshold.REGISTRATION, Decontaminate.REGISTRATION, DropDuplicates.REGISTRATION);

  private final List<Stage> stages;
  private final RecordSink head;

  private Stages(List<Stage> stages, RecordSink head) {
    this.stages = stages;
    this.head = head;
  }

  /** Every stage opened on one output, each sending on to the next, the last to {@code output}. */
  public static Stages open(Setup setup, RecordSink output) {
    return open(ALL, setup, output);
  }

  static Stages open(List<Registration> registrations, Setup setup, RecordSink output) {
    List<Stage> stages = new ArrayList<>();
    for (Registration registration : registrations) {
      stages.add(registration.open(setup));
    }
    RecordSink next = output;
    for (int i = stages.size() - 1; i >= 0; i--) { // wired last first: each needs its next
      stages.get(i).sendTo(next);
      next = stages.get(i);
    }
    return new Stages(List.copyOf(stages), next);
  }

  /** Whether the first pass leaves the passed pair out, as a stage before it would. */
  public static Predicate<HfRecord> firstPassLeavesOut(
      TrainingSet training, References references) {
    Predicate<HfRecord> leftOut = record -> false;
    for (Registration registration : ALL) {
      leftOut = leftOut.or(registration.leavesOutBeforeTheFirstPass(training, references));
    }
    return leftOut;
  }

  /** Where the records go: the first stage. */
  public RecordSink head() {
    return head;
  }

  public List<StageCount> counts() {
    return stages.stream().map(Stage::count).toList();
  }

  public void abandon() {
    stages.forEach(Stage::abandon);
  }
}
