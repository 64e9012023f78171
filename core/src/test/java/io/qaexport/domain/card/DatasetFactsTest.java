package io.qaexport.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.Column;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.mapping.DefaultedField;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetFactsTest {
  private static final DatasetFacts FACTS = DatasetFacts.CARE_WORKER_QA;

  @Test
  void theCareWorkerPairsAreTaggedSwedishMachineGeneratedAndSynthetic() {
    assertEquals(List.of("sv"), FACTS.languages());
    assertEquals(List.of("machine-generated"), FACTS.annotationsCreators());
    assertEquals(List.of("machine-generated"), FACTS.languageCreators());
    assertEquals(List.of("monolingual"), FACTS.multilinguality());
    assertTrue(FACTS.tags().contains("synthetic"));
  }

  @Test
  void theCardExplainsEveryExportedColumnOnceInTheOrderItIsWritten() {
    assertEquals(
        List.of("question", "answer", "source", "persona", "validation_score", "failure_reason"),
        FACTS.columns().stream().map(Column::name).toList());
    for (RecordShape shape : RecordShape.exported()) {
      assertTrue(FACTS.columns().containsAll(shape.columns()), shape.name());
    }
  }

  @Test
  void theDefaultValuesNameEveryDefaultTheMappingCanFillIn() {
    for (DefaultedField field : DefaultedField.values()) {
      assertTrue(
          DatasetFacts.defaultValues().contains("`" + field.defaultValue() + "`"),
          field + " in " + DatasetFacts.defaultValues());
    }
  }
}
