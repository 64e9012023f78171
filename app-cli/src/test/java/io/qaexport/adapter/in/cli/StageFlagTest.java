package io.qaexport.adapter.in.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.adapter.in.cli.flag.CliUsageException;
import io.qaexport.adapter.in.cli.flag.Flag;
import io.qaexport.adapter.in.cli.flag.Flags;
import io.qaexport.application.port.in.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;

/**
 * README's "Adding a stage", the CLI's half: a stage's flag is one {@link Flag#stageSetting}
 * definition in the flag list, and its value reaches the stage under the flag's name with nothing
 * in between naming it (core's {@code StagesTest} has the stage's half).
 */
class StageFlagTest {
  private static final Flag<Integer> MIN_ANSWER_CHARS =
      Flag.stageSetting(
          "min-answer-chars",
          "N",
          "drop passed pairs whose answer is shorter than N characters",
          (flag, text) -> {
            try {
              return Integer.parseInt(text);
            } catch (NumberFormatException e) {
              throw new CliUsageException(
                  "--" + flag + " takes a whole number, not '" + text + "'");
            }
          });

  private static TrainingSet parsed(String... args) throws Exception {
    List<Flag<?>> flags = new ArrayList<>(Flags.ALL);
    flags.add(MIN_ANSWER_CHARS);
    var line = new DefaultParser().parse(CliSyntax.options(flags), args);
    return TrainingSetOptions.of(line, List.of(), flags);
  }

  @Test
  void aStagesFlagReachesTheTrainingSetUnderItsName() throws Exception {
    TrainingSet training = parsed("--min-answer-chars", "5", "--min-score", "0.5");

    assertEquals(Optional.of(5), training.settings().get("min-answer-chars", Integer.class));
    assertEquals(0.5, training.minScore().getAsDouble());
    assertTrue(training.curates(), "a set stage setting is curation");
  }

  @Test
  void withoutItsFlagTheStageHasNoSettingAndNothingIsCurated() throws Exception {
    TrainingSet training = parsed();

    assertEquals(Optional.empty(), training.settings().get("min-answer-chars", Integer.class));
    assertFalse(training.curates());
  }

  @Test
  void itsReaderRefusesInItsOwnWords() {
    var refused = assertThrows(CliUsageException.class, () -> parsed("--min-answer-chars", "five"));
    assertEquals("--min-answer-chars takes a whole number, not 'five'", refused.getMessage());
  }
}
