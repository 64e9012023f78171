package io.qaexport.domain;

import java.util.Objects;

/** The persona a pair was written for: either a free-text label or a role/experience profile. */
public sealed interface Persona permits Persona.Label, Persona.Profile {

  /** A persona given as a plain string, e.g. {@code "anhörig"}. */
  record Label(String text) implements Persona {
    public Label {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A persona object; either part is {@code null} when the input lacks it or holds null. */
  record Profile(String roll, String erfarenhet) implements Persona {}
}
