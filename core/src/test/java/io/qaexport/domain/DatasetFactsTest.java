package io.qaexport.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetFactsTest {
  private static final DatasetFacts FACTS = DatasetFacts.CARE_WORKER_QA;

  @Test
  void theCareWorkerPairsAreTaggedSwedishQuestionAnswering() {
    assertEquals(List.of("sv"), FACTS.languages());
    assertEquals(List.of("question-answering"), FACTS.taskCategories());
  }

  @Test
  void theCardExplainsEveryExportedColumnOnceInTheOrderItIsWritten() {
    assertEquals(List.of("question", "answer", "source", "persona", "validation_score",
        "failure_reason"), FACTS.columns().stream().map(Column::name).toList());
    for (RecordShape shape : RecordShape.exported()) {
      assertTrue(FACTS.columns().containsAll(shape.columns()), shape.name());
    }
  }

  @Test
  void theDefaultsNoteNamesEveryDefaultTheMappingCanFillIn() {
    for (DefaultedField field : DefaultedField.values()) {
      assertTrue(FACTS.defaultsNote().contains("`" + field.defaultValue() + "`"),
          field + " in " + FACTS.defaultsNote());
    }
    assertTrue(FACTS.defaultsNote().contains("(`\"\"`, `\"unknown\"`, `0.0`)"),
        "each default once, in the order the fields are declared: " + FACTS.defaultsNote());
  }
}
