package io.qaexport.application.port.in;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values a stage reads by name, as the CLI's flag for it gives them ({@code min-answer-chars} →
 * 5): a new stage and its flag agree on a name, and nothing between them changes. The built-in
 * stages read their settings from {@link TrainingSet}'s own components.
 */
public final class StageSettings {
  public static final StageSettings NONE = new StageSettings(Map.of());

  private final Map<String, Object> values;

  private StageSettings(Map<String, Object> values) {
    this.values = values;
  }

  /** These settings and {@code name} set to {@code value} (replacing an earlier value). */
  public StageSettings with(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Map<String, Object> more = new LinkedHashMap<>(values);
    more.put(name, value);
    return new StageSettings(Map.copyOf(more));
  }

  /**
   * The value set under {@code name}; empty when none is.
   *
   * @throws IllegalStateException when the value is not a {@code type}: the stage and its flag
   *     disagree, a programming error
   */
  public <T> Optional<T> get(String name, Class<T> type) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "stage setting "
              + name
              + " is a "
              + value.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return Optional.of(type.cast(value));
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StageSettings settings && settings.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
