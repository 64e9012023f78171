package io.qaexport.domain.mapping;

/** The output values the mapping can fill in with a default; each is counted per run. */
public enum DefaultedField {
  QUESTION("question", "\"\""),
  ANSWER("answer", "\"\""),
  SOURCE("source", "\"\""),
  PERSONA("persona", "\"unknown\""),
  PERSONA_ROLL("persona.roll", "\"unknown\""),
  PERSONA_ERFARENHET("persona.erfarenhet", "\"unknown\""),
  VALIDATION_SCORE("validation_score", "0.0"),
  FAILURE_REASON("failure_reason", "\"unknown\"");

  private final String fieldName;
  private final String defaultValue;

  DefaultedField(String fieldName, String defaultValue) {
    this.fieldName = fieldName;
    this.defaultValue = defaultValue;
  }

  /** The output field (or persona part) name as users see it. */
  public String fieldName() {
    return fieldName;
  }

  /** The value written instead, as it appears in the output. */
  public String defaultValue() {
    return defaultValue;
  }
}
