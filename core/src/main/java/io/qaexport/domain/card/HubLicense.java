package io.qaexport.domain.card;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A license as the Hub's card metadata states it: one of the Hub's license ids, and for {@code
 * other} the license's name and a link to its text ({@code license_name}, {@code license_link}).
 * The ids are a bundled list ({@code hub-licenses.txt}) that a maintainer updates when the Hub's
 * list changes.
 */
public record HubLicense(String id, Optional<String> name, Optional<String> link) {
  public static final String UNKNOWN_ID = "unknown";
  public static final String OTHER_ID = "other";

  /** No license chosen: the Hub shows a warning badge. */
  public static final HubLicense UNKNOWN =
      new HubLicense(UNKNOWN_ID, Optional.empty(), Optional.empty());

  private static final class Ids {
    static final Set<String> ALL = load();
  }

  /**
   * @throws IllegalArgumentException with a message for the user when the license is not valid
   */
  public HubLicense {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(link, "link");
    if (!Ids.ALL.contains(id)) {
      throw new IllegalArgumentException(
          "'"
              + id
              + "' is not a Hub license id"
              + suggestion(id)
              + "; use an id such as cc-by-4.0, cc-by-sa-4.0, cc0-1.0, apache-2.0, mit, or other"
              + " with a name and a link");
    }
    if (id.equals(OTHER_ID) && (name.isEmpty() || link.isEmpty())) {
      throw new IllegalArgumentException(
          "license 'other' needs the license's name and a link to its text");
    }
    if (!id.equals(OTHER_ID) && (name.isPresent() || link.isPresent())) {
      throw new IllegalArgumentException(
          "a license name and link go with license 'other' only (the Hub knows " + id + ")");
    }
    if (name.isPresent() && name.get().isBlank()) {
      throw new IllegalArgumentException("the license name is empty");
    }
    if (link.isPresent() && !isLink(link.get())) {
      throw new IllegalArgumentException(
          "the license link '"
              + link.get()
              + "' is neither an http(s) URL nor a file in the dataset (e.g. LICENSE)");
    }
  }

  public static HubLicense of(String id) {
    return new HubLicense(id, Optional.empty(), Optional.empty());
  }

  /** A license the Hub does not list: its name and a link to its text. */
  public static HubLicense other(String name, String link) {
    return new HubLicense(OTHER_ID, Optional.of(name), Optional.of(link));
  }

  public boolean isUnknown() {
    return id.equals(UNKNOWN_ID);
  }

  /** The Hub's license ids, from the bundled list. */
  public static Set<String> ids() {
    return Ids.ALL;
  }

  /** A hint for ids written as people write license names: {@code CC BY 4.0} -> cc-by-4.0. */
  private static String suggestion(String id) {
    String normalised = id.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    return !normalised.equals(id) && Ids.ALL.contains(normalised)
        ? " (did you mean " + normalised + "?)"
        : "";
  }

  private static boolean isLink(String link) {
    if (link.isBlank() || link.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme();
      return scheme == null
          ? !link.startsWith("/") && !link.contains("..")
          : (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Set<String> load() {
    Set<String> ids = new LinkedHashSet<>();
    try (InputStream in = HubLicense.class.getResourceAsStream("hub-licenses.txt")) {
      if (in == null) {
        throw new IllegalStateException("hub-licenses.txt is missing from the build");
      }
      var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String id = line.strip();
        if (!id.isEmpty() && !id.startsWith("#")) {
          ids.add(id);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(ids);
  }
}
