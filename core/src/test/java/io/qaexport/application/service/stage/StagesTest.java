package io.qaexport.application.service.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.StageCount;
import io.qaexport.application.port.in.StageSettings;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.service.files.RecordSink;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A stage is one class and one registration: a test-only stage ("drop answers shorter than N")
 * joins the chain in its place, counts what it leaves out under its own names, and the line
 * identity of the file's summary adds it up without knowing it.
 */
class StagesTest {
  /**
   * The test-only stage: answers shorter than N characters leave the output, N being the setting
   * its flag ({@code --min-answer-chars N}) gives; without it, the stage passes all on.
   */
  private static final class ShortAnswers extends Stage {
    final List<Long> seen = new ArrayList<>();
    private final int minChars;

    ShortAnswers(int minChars) {
      super("short_answers", "short answers");
      this.minChars = minChars;
    }

    @Override
    protected boolean keeps(long lineNumber, HfRecord record) {
      seen.add(lineNumber);
      return record.answer().length() >= minChars;
    }
  }

  private static ShortAnswers shortAnswers;

  /** Its registration: the one line a real stage adds to {@link Stages#ALL}. */
  private static final Stages.Registration SHORT_ANSWERS =
      setup ->
          shortAnswers =
              new ShortAnswers(
                  setup.training().settings().get("min-answer-chars", Integer.class).orElse(0));

  private static HfRecord pair(String answer, double score) {
    return new HfRecord("Hur?", answer, "a.md", "p", score, null);
  }

  @Test
  void aNewStageJoinsTheChainInItsPlaceAndItsCountIsReportedWithTheOthers() throws Exception {
    var training =
        new TrainingSet(
                OptionalDouble.of(0.5),
                TrainingSet.Dedup.NONE,
                0.8,
                Optional.empty(),
                Optional.empty(),
                TrainingSet.DEFAULT_MAX_SHARD_BYTES,
                "qa_rejected_hf")
            .with(StageSettings.NONE.with("min-answer-chars", 5));
    List<HfRecord> moved = new ArrayList<>();
    RecordSink rejected = (line, record) -> moved.add(record);
    var setup =
        new Stages.Setup(
            new ExportJob(Path.of("qa_passed.jsonl"), RecordShape.PASSED, "qa_pairs"),
            training,
            Path.of("out/qa_pairs.jsonl"),
            null,
            null,
            rejected,
            null,
            null,
            null);
    List<Long> written = new ArrayList<>();
    Stages stages =
        Stages.open(
            List.of(BelowThreshold.REGISTRATION, SHORT_ANSWERS),
            setup,
            (line, record) -> written.add(line));

    stages.head().accept(1, pair("Så här gör du.", 0.9));
    stages.head().accept(2, pair("Ja.", 0.9)); // short
    stages.head().accept(3, pair("Ja.", 0.1)); // below the threshold first: never seen after
    stages.head().accept(4, pair("Så här.", 0.2));
    stages.head().finish();

    assertEquals(List.of(1L), written);
    assertEquals(List.of(1L, 2L), shortAnswers.seen, "the threshold runs first, as listed");
    assertEquals(2, moved.size());
    List<StageCount> counts = stages.counts();
    assertEquals(
        List.of("below_threshold", "short_answers"), counts.stream().map(StageCount::key).toList());
    assertEquals(List.of(2L, 1L), counts.stream().map(StageCount::count).toList());

    var curation = new FileSummary.Curation(true, counts, 0, List.of());
    var summary =
        new FileSummary(
            Path.of("qa_passed.jsonl"),
            RecordShape.PASSED,
            Path.of("out/qa_pairs.jsonl"),
            5,
            1,
            0,
            1,
            Map.of(),
            Optional.empty(),
            0,
            List.of(),
            null,
            0,
            Optional.empty(),
            curation);
    assertEquals(1, summary.curation().count("short_answers"));
    var broken =
        assertThrows(
            IllegalStateException.class,
            () ->
                new FileSummary(
                    Path.of("qa_passed.jsonl"),
                    RecordShape.PASSED,
                    Path.of("out/qa_pairs.jsonl"),
                    5,
                    2,
                    0,
                    1,
                    Map.of(),
                    Optional.empty(),
                    0,
                    List.of(),
                    null,
                    0,
                    Optional.empty(),
                    curation));
    assertEquals(
        "qa_passed.jsonl: line accounting broken: 5 read != 2 exported + 2 below"
            + " threshold + 1 short answers + 0 skipped + 1 blank",
        broken.getMessage());
  }

  @Test
  void theFirstPassLeavesOutWhatAStageBeforeItLeavesOut() {
    var training =
        new TrainingSet(
            OptionalDouble.of(0.5),
            TrainingSet.Dedup.NEAR,
            0.8,
            Optional.empty(),
            Optional.empty(),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES,
            "qa_rejected_hf");
    assertEquals(true, Stages.firstPassLeavesOut(training, null).test(pair("Så här.", 0.4)));
    assertEquals(false, Stages.firstPassLeavesOut(training, null).test(pair("Så här.", 0.5)));
    assertEquals(false, Stages.firstPassLeavesOut(TrainingSet.NONE, null).test(pair("x", 0.0)));
  }
}
