package io.qaexport.domain.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.domain.Column;
import io.qaexport.domain.ColumnType;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordMapperTest {
  private final RecordMapper lenient = new RecordMapper(false);
  private final RecordMapper strict = new RecordMapper(true);
  private final DefaultCounts counts = new DefaultCounts();

  private static QaPair complete() {
    return new QaPair(
        "Hur ofta?",
        "Varje gång. [source:a.md]",
        "rutiner/a.md",
        new Persona.Profile("underskoterska", "nyanstald"),
        0.86,
        "för vagt");
  }

  @Test
  void mapsEveryFieldOfACompletePassedPair() {
    HfRecord record = lenient.map(complete(), RecordShape.PASSED, counts);

    assertEquals(
        new HfRecord(
            "Hur ofta?",
            "Varje gång. [source:a.md]",
            "rutiner/a.md",
            "underskoterska/nyanstald",
            0.86,
            null),
        record);
    assertEquals(0, counts.total());
  }

  @Test
  void rejectedShapeCarriesTheFailureReasonAndPassedShapeDropsIt() {
    assertEquals("för vagt", lenient.map(complete(), RecordShape.REJECTED, counts).failureReason());
    assertNull(lenient.map(complete(), RecordShape.PASSED, counts).failureReason());
  }

  @Test
  void everyMissingFieldGetsItsDefaultAndIsCounted() {
    var empty = new QaPair((String) null, null, null, null, null, null);

    HfRecord record = lenient.map(empty, RecordShape.REJECTED, counts);

    assertEquals(new HfRecord("", "", "", "unknown", 0.0, "unknown"), record);
    assertEquals(
        Map.of(
            DefaultedField.QUESTION,
            1L,
            DefaultedField.ANSWER,
            1L,
            DefaultedField.SOURCE,
            1L,
            DefaultedField.PERSONA,
            1L,
            DefaultedField.VALIDATION_SCORE,
            1L,
            DefaultedField.FAILURE_REASON,
            1L),
        counts.nonZero());
  }

  @Test
  void missingFailureReasonIsNotCountedForPassedPairs() {
    lenient.map(
        new QaPair("q", "a", "s", new Persona.Label("x"), 1.0, null), RecordShape.PASSED, counts);
    assertEquals(0, counts.total());
  }

  @Test
  void countsAccumulateOverRecords() {
    var noScore = new QaPair("q", "a", "s", new Persona.Label("x"), null, null);
    for (int i = 0; i < 3; i++) {
      lenient.map(noScore, RecordShape.PASSED, counts);
    }
    assertEquals(3, counts.get(DefaultedField.VALIDATION_SCORE));
    assertEquals(3, counts.total());
  }

  @Test
  void aRepeatedPersonaIsFormattedAlikeAndItsDefaultsCountedEveryTime() {
    var partial = new QaPair("q", "a", "s", new Persona.Profile(null, "ny"), 0.5, null);
    var empty = new QaPair("q", "a", "s", new Persona.Label(""), 0.5, null);
    for (int i = 0; i < 3; i++) {
      assertEquals("unknown/ny", lenient.map(partial, RecordShape.PASSED, counts).persona());
      assertEquals("unknown", lenient.map(empty, RecordShape.PASSED, counts).persona());
    }
    assertEquals(
        Map.of(DefaultedField.PERSONA_ROLL, 3L, DefaultedField.PERSONA, 3L), counts.nonZero());
  }

  @Nested
  class Persona_ {
    private String format(Persona persona) {
      var pair = new QaPair("q", "a", "s", persona, 0.5, null);
      return lenient.map(pair, RecordShape.PASSED, counts).persona();
    }

    @Test
    void profileBecomesRollSlashErfarenhet() {
      assertEquals(
          "underskoterska/nyanstald", format(new Persona.Profile("underskoterska", "nyanstald")));
    }

    @Test
    void missingPartsBecomeUnknownAndAreCountedPerPart() {
      assertEquals("unknown/erfaren", format(new Persona.Profile(null, "erfaren")));
      assertEquals("underskoterska/unknown", format(new Persona.Profile("underskoterska", null)));
      assertEquals("unknown/unknown", format(new Persona.Profile(null, null)));
      assertEquals(2, counts.get(DefaultedField.PERSONA_ROLL));
      assertEquals(2, counts.get(DefaultedField.PERSONA_ERFARENHET));
      assertEquals(0, counts.get(DefaultedField.PERSONA));
    }

    @Test
    void stringPersonaIsUsedAsIs() {
      assertEquals("anhörig", format(new Persona.Label("anhörig")));
      assertEquals(" ", format(new Persona.Label(" ")));
      assertEquals(0, counts.total());
    }

    @Test
    void emptyStringOrMissingPersonaBecomesUnknown() {
      assertEquals("unknown", format(new Persona.Label("")));
      assertEquals("unknown", format(null));
      assertEquals(2, counts.get(DefaultedField.PERSONA));
    }
  }

  @Nested
  class Score {
    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteScoreMakesTheRecordInvalid(double score) {
      var pair = new QaPair("q", "a", "s", null, score, null);
      var e =
          assertThrows(
              InvalidRecordException.class, () -> lenient.map(pair, RecordShape.PASSED, counts));
      assertTrue(e.reason().contains("validation.composite_score is " + score), e.reason());
    }

    @Test
    void anInvalidRecordLeavesNoDefaultsCounted() {
      var pair = new QaPair((String) null, null, null, null, Double.NaN, null);
      assertThrows(
          InvalidRecordException.class, () -> lenient.map(pair, RecordShape.REJECTED, counts));
      assertEquals(0, counts.total());
    }

    @Test
    void integralScoresStayDoubles() {
      var pair = new QaPair("q", "a", "s", null, 1.0, null);
      assertEquals(1.0, lenient.map(pair, RecordShape.PASSED, counts).validationScore());
    }
  }

  @Nested
  class Strict {
    @Test
    void eachMissingRequiredFieldIsInvalidAndNamed() {
      var base = complete();
      assertMissing(
          new QaPair(
              null,
              base.answer(),
              base.sourceDocument(),
              base.persona(),
              base.compositeScore(),
              null),
          "question");
      assertMissing(
          new QaPair(
              base.question(),
              null,
              base.sourceDocument(),
              base.persona(),
              base.compositeScore(),
              null),
          "answer");
      assertMissing(
          new QaPair(
              base.question(), base.answer(), null, base.persona(), base.compositeScore(), null),
          "source_document");
      assertMissing(
          new QaPair(
              base.question(),
              base.answer(),
              base.sourceDocument(),
              null,
              base.compositeScore(),
              null),
          "persona");
      assertMissing(
          new QaPair(
              base.question(), base.answer(), base.sourceDocument(), base.persona(), null, null),
          "validation.composite_score");
    }

    @Test
    void personaPartsEmptyPersonaAndFailureReasonAreStillDefaulted() {
      var pair = new QaPair("q", "a", "s", new Persona.Profile(null, "erfaren"), 0.5, null);
      HfRecord record = strict.map(pair, RecordShape.REJECTED, counts);
      assertEquals("unknown/erfaren", record.persona());
      assertEquals("unknown", record.failureReason());
      var emptyLabel = new QaPair("q", "a", "s", new Persona.Label(""), 0.5, null);
      assertEquals("unknown", strict.map(emptyLabel, RecordShape.PASSED, counts).persona());
    }

    @Test
    void completePairsMapAsInLenientMode() {
      assertEquals(
          lenient.map(complete(), RecordShape.REJECTED, counts),
          strict.map(complete(), RecordShape.REJECTED, counts));
    }

    private void assertMissing(QaPair pair, String field) {
      var e =
          assertThrows(
              InvalidRecordException.class, () -> strict.map(pair, RecordShape.PASSED, counts));
      assertEquals("missing or null required field '" + field + "' (--strict)", e.reason());
    }
  }

  @Test
  void shapesListTheColumnsInOutputOrder() {
    assertEquals(
        List.of("question", "answer", "source", "persona", "validation_score"),
        RecordShape.PASSED.columns().stream().map(Column::name).toList());
    assertEquals("failure_reason", RecordShape.REJECTED.columns().get(5).name());
    assertEquals(ColumnType.FLOAT64, RecordShape.REJECTED.columns().get(4).type());
  }
}
