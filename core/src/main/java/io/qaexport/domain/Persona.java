package io.qaexport.domain;

import java.util.Objects;

/**
 * The persona a pair was written for: either a free-text label or a role/experience profile.
 *
 * <p>Both records spell out {@code equals} and {@code hashCode} (with the values the generated ones
 * give): every record's persona is looked up in the mapper's cache, and the generated methods are
 * linked through {@code ObjectMethods} method-handle trees at run time, the costliest of a
 * start-up's bootstraps (issue 21).
 */
public sealed interface Persona permits Persona.Label, Persona.Profile {

  /** A persona given as a plain string, e.g. {@code "anhörig"}. */
  record Label(String text) implements Persona {
    public Label {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Label label && text.equals(label.text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }

  /** A persona object; either part is {@code null} when the input lacks it or holds null. */
  record Profile(String roll, String erfarenhet) implements Persona {
    @Override
    public boolean equals(Object other) {
      return other instanceof Profile profile
          && Objects.equals(roll, profile.roll)
          && Objects.equals(erfarenhet, profile.erfarenhet);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(roll) + Objects.hashCode(erfarenhet);
    }
  }
}
