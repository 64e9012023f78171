package io.qaexport.adapter.in.jsonl;

import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.QaPairSourceContractTest;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;

/** The JSONL reader keeps the source contract; its own cases are in JsonlQaPairSourceTest. */
class JsonlQaPairSourceContractTest extends QaPairSourceContractTest {

  @Override
  protected QaPairSource source() {
    return new JsonlInputModule(1 << 20).pairSource();
  }

  @Override
  protected String line(QaPair pair) {
    String persona =
        pair.persona() instanceof Persona.Profile profile
            ? "{\"erfarenhet\": "
                + text(profile.erfarenhet())
                + ", \"roll\": "
                + text(profile.roll())
                + "}"
            : text(((Persona.Label) pair.persona()).text());
    return "{\"question\": "
        + text(pair.question())
        + ", \"answer\": "
        + text(pair.answer())
        + ", \"source_document\": "
        + text(pair.sourceDocument())
        + ", \"persona\": "
        + persona
        + ", \"validation\": {\"composite_score\": "
        + pair.compositeScore()
        + ", \"failure_reason\": "
        + text(pair.failureReason())
        + "}}";
  }

  @Override
  protected String brokenLine() {
    return "{\"question\": 5}";
  }

  private static String text(String value) {
    return value == null ? "null" : "\"" + value.replace("\t", "\\t") + "\"";
  }

  private static String text(io.qaexport.domain.Utf8Text value) {
    return text(value == null ? null : value.toString());
  }
}
