package io.qaexport.domain.mapping;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps a {@link QaPair} to an {@link HfRecord} (SPEC §2), counting every default it applies.
 *
 * <p>In strict mode a missing question, answer, source, persona or score makes the record invalid
 * instead of being defaulted; persona parts, an empty persona string and the failure reason are
 * still defaulted. Defaults are counted only for records that map successfully, so a skipped record
 * leaves no trace in the counts. Not thread-safe: use one mapper per thread.
 */
public final class RecordMapper {
  static final String UNKNOWN = "unknown";
  private static final Utf8Text UNKNOWN_TEXT = Utf8Text.of(UNKNOWN);

  /** Personas repeat (a few roles and levels): each is formatted and encoded once. */
  private static final int MAX_REMEMBERED_PERSONAS = 4096;

  /** Long free-text personas are not remembered: the cache stays under ~2 MiB. */
  private static final int MAX_REMEMBERED_PERSONA_BYTES = 256;

  private final boolean strict;
  private final Map<Persona, FormattedPersona> personas = new HashMap<>();
  private int appliedThisRecord;

  /** A persona's column value and the defaults its formatting applied. */
  private record FormattedPersona(Utf8Text text, int applied) {}

  public RecordMapper(boolean strict) {
    this.strict = strict;
  }

  /**
   * @throws InvalidRecordException when the score is NaN or infinite, or a required field is
   *     missing in strict mode
   */
  public HfRecord map(QaPair pair, RecordShape shape, DefaultCounts counts) {
    HfRecord record = map(pair, shape);
    counts.add(record.defaultedFields());
    return record;
  }

  /**
   * As above; the defaults applied are in {@link HfRecord#defaultedFields()}, for each output to
   * count in its own rows.
   */
  public HfRecord map(QaPair pair, RecordShape shape) {
    appliedThisRecord = 0;
    Utf8Text question = required(pair.question(), DefaultedField.QUESTION, "question");
    Utf8Text answer = required(pair.answer(), DefaultedField.ANSWER, "answer");
    Utf8Text source = required(pair.sourceDocument(), DefaultedField.SOURCE, "source_document");
    Utf8Text persona = persona(pair.persona());
    double score = score(pair.compositeScore());
    Utf8Text failureReason = null;
    if (shape.hasFailureReason()) {
      failureReason = pair.failureReason();
      if (failureReason == null) {
        applied(DefaultedField.FAILURE_REASON);
        failureReason = UNKNOWN_TEXT;
      }
    }
    return new HfRecord(
        question, answer, source, persona, score, failureReason, pair.kept(), appliedThisRecord);
  }

  private Utf8Text persona(Persona persona) {
    if (persona == null) {
      return Utf8Text.of(formatPersona(null));
    }
    FormattedPersona formatted = personas.get(persona);
    if (formatted == null) {
      int otherDefaults = appliedThisRecord;
      appliedThisRecord = 0;
      String text = formatPersona(persona);
      formatted = new FormattedPersona(Utf8Text.of(text), appliedThisRecord);
      appliedThisRecord = otherDefaults;
      if (personas.size() < MAX_REMEMBERED_PERSONAS
          && formatted.text().length() <= MAX_REMEMBERED_PERSONA_BYTES) {
        personas.put(persona, formatted);
      }
    }
    appliedThisRecord |= formatted.applied();
    return formatted.text();
  }

  private String formatPersona(Persona persona) {
    if (persona instanceof Persona.Profile profile) {
      return orUnknown(profile.roll(), DefaultedField.PERSONA_ROLL)
          + "/"
          + orUnknown(profile.erfarenhet(), DefaultedField.PERSONA_ERFARENHET);
    }
    if (persona instanceof Persona.Label label && !label.text().isEmpty()) {
      return label.text();
    }
    if (persona == null && strict) {
      throw missing("persona");
    }
    applied(DefaultedField.PERSONA);
    return UNKNOWN;
  }

  private double score(Double score) {
    if (score == null) {
      if (strict) {
        throw missing("validation.composite_score");
      }
      applied(DefaultedField.VALIDATION_SCORE);
      return 0.0;
    }
    if (score.isNaN() || score.isInfinite()) {
      // 1e400 reads as Infinity: say so, or the message would not match the line.
      String sign = score < 0 ? "-" : "";
      String what =
          score.isNaN()
              ? "NaN"
              : sign + "Infinity (or a number beyond a double's range, such as " + sign + "1e400)";
      throw new InvalidRecordException(
          "validation.composite_score is " + what + "; a score must be a finite number");
    }
    return score;
  }

  private Utf8Text required(Utf8Text value, DefaultedField field, String inputName) {
    if (value != null) {
      return value;
    }
    if (strict) {
      throw missing(inputName);
    }
    applied(field);
    return Utf8Text.EMPTY;
  }

  private String orUnknown(String value, DefaultedField field) {
    if (value != null) {
      return value;
    }
    applied(field);
    return UNKNOWN;
  }

  private void applied(DefaultedField field) {
    appliedThisRecord |= 1 << field.ordinal();
  }

  private static InvalidRecordException missing(String inputField) {
    return new InvalidRecordException(
        "missing or null required field '" + inputField + "' (--strict)");
  }
}
