package io.qaexport.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Shapes and columns spell out {@code equals} and {@code hashCode} (the generated ones cost
 * start-up time): they must still mean what a record's do, every component compared.
 */
class ShapeEqualityTest {
  private static final Function<HfRecord, String> QUESTION = HfRecord::question;
  private static final Function<HfRecord, Utf8Text> QUESTION_UTF8 = HfRecord::questionText;
  private static final ToDoubleFunction<HfRecord> SCORE = HfRecord::validationScore;

  @Test
  void equalComponentsMakeEqualColumnsAndShapesWithEqualHashes() {
    var kept = new Column.Kept("roll", "persona.roll", KeptType.STRING, 0);
    RecordShape one = RecordShape.PASSED.withKept(List.of(kept));
    RecordShape two =
        RecordShape.PASSED.withKept(
            List.of(new Column.Kept("roll", "persona.roll", KeptType.STRING, 0)));
    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
    var text = new Column.Text("q", "m", QUESTION, false, QUESTION_UTF8);
    assertEquals(text, new Column.Text("q", "m", QUESTION, false, QUESTION_UTF8));
    assertEquals(
        text.hashCode(), new Column.Text("q", "m", QUESTION, false, QUESTION_UTF8).hashCode());
    assertEquals(new Column.Float64("s", "m", SCORE), new Column.Float64("s", "m", SCORE));
    assertEquals(
        new Column.Float64("s", "m", SCORE).hashCode(),
        new Column.Float64("s", "m", SCORE).hashCode());
  }

  @Test
  void anyComponentThatDiffersMakesThemDiffer() {
    var text = new Column.Text("q", "m", QUESTION, false, QUESTION_UTF8);
    assertNotEquals(text, new Column.Text("x", "m", QUESTION, false, QUESTION_UTF8));
    assertNotEquals(text, new Column.Text("q", "x", QUESTION, false, QUESTION_UTF8));
    assertNotEquals(text, new Column.Text("q", "m", HfRecord::answer, false, QUESTION_UTF8));
    assertNotEquals(text, new Column.Text("q", "m", QUESTION, true, QUESTION_UTF8));
    assertNotEquals(text, new Column.Text("q", "m", QUESTION, false, HfRecord::answerText));
    assertNotEquals(new Column.Float64("s", "m", SCORE), new Column.Float64("s", "x", SCORE));
    assertNotEquals(new Column.Float64("s", "m", SCORE), new Column.Float64("t", "m", SCORE));
    var kept = new Column.Kept("roll", "persona.roll", KeptType.STRING, 0);
    assertNotEquals(kept, new Column.Kept("rolle", "persona.roll", KeptType.STRING, 0));
    assertNotEquals(kept, new Column.Kept("roll", "persona.rolle", KeptType.STRING, 0));
    assertNotEquals(kept, new Column.Kept("roll", "persona.roll", KeptType.JSON, 0));
    assertNotEquals(kept, new Column.Kept("roll", "persona.roll", KeptType.STRING, 1));
    assertNotEquals(RecordShape.PASSED, RecordShape.REJECTED);
    assertNotEquals(RecordShape.PASSED, new RecordShape("other", RecordShape.PASSED.columns()));
    assertNotEquals(RecordShape.PASSED, RecordShape.PASSED.withKept(List.of(kept)));
  }
}
