package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qaexport.domain.RecordShape;
import org.junit.jupiter.api.Test;

class HfParquetSchemaTest {

  @Test
  void passedSchemaHasOptionalStringColumnsAndADoubleScore() {
    assertEquals(
        """
        message schema {
          optional binary question (STRING);
          optional binary answer (STRING);
          optional binary source (STRING);
          optional binary persona (STRING);
          optional double validation_score columnorder(TYPE_DEFINED_ORDER);
        }
        """,
        HfParquetSchema.messageType(RecordShape.PASSED).toString());
  }

  @Test
  void rejectedSchemaEndsWithTheFailureReason() {
    assertEquals(
        "optional binary failure_reason (STRING)",
        HfParquetSchema.messageType(RecordShape.REJECTED).getFields().get(5).toString());
  }

  @Test
  void footerFeaturesAreWhatDatasetsItselfWrites() {
    assertEquals(
        "{\"info\": {\"features\": {"
            + "\"question\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
            + "\"answer\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
            + "\"source\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
            + "\"persona\": {\"dtype\": \"string\", \"_type\": \"Value\"}, "
            + "\"validation_score\": {\"dtype\": \"float64\", \"_type\": \"Value\"}, "
            + "\"failure_reason\": {\"dtype\": \"string\", \"_type\": \"Value\"}}}}",
        HfParquetSchema.hfMetadataJson(RecordShape.REJECTED));
  }
}
