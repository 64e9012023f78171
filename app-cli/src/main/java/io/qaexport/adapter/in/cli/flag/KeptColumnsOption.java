package io.qaexport.adapter.in.cli.flag;

import io.qaexport.domain.Column;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.RecordShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --keep-columns SPEC,...} (repeatable): each SPEC is {@code [NAME=]PATH[:TYPE]}, PATH an
 * input field dotted for nested objects, NAME the output column (by default PATH with {@code .} as
 * {@code _}), TYPE one of {@link KeptType} (by default {@code string}).
 */
public final class KeptColumnsOption {
  public static final String FLAG = "keep-columns";

  private KeptColumnsOption() {}

  /**
   * The kept columns the flag's values name, in order, checked against the fixed columns and each
   * other.
   *
   * @param values each occurrence's value; null when the flag is not given
   */
  public static List<Column.Kept> parse(String[] values) throws CliUsageException {
    if (values == null) {
      return List.of();
    }
    List<Column.Kept> kept = new ArrayList<>();
    for (String value : values) {
      for (String spec : value.split(",", -1)) {
        kept.add(column(spec.strip(), value, kept.size()));
      }
    }
    try {
      RecordShape.REJECTED.withKept(kept);
    } catch (IllegalArgumentException e) {
      throw new CliUsageException("--" + FLAG + ": " + e.getMessage());
    }
    return List.copyOf(kept);
  }

  private static Column.Kept column(String spec, String value, int index) throws CliUsageException {
    if (spec.isEmpty()) {
      throw new CliUsageException(
          "--" + FLAG + " '" + value + "' has an empty column spec; give [NAME=]PATH[:TYPE]");
    }
    String name = null;
    String rest = spec;
    int equals = spec.indexOf('=');
    if (equals >= 0) {
      name = spec.substring(0, equals).strip();
      rest = spec.substring(equals + 1).strip();
      if (name.isEmpty()) {
        throw new CliUsageException(
            "--" + FLAG + " '" + spec + "': the column name before '=' is empty");
      }
    }
    KeptType type = KeptType.STRING;
    int colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      String spelling = rest.substring(colon + 1);
      type =
          KeptType.ofSpelling(spelling)
              .orElseThrow(
                  () ->
                      new CliUsageException(
                          "--"
                              + FLAG
                              + " '"
                              + spec
                              + "': unknown type '"
                              + spelling.strip()
                              + "'; the types are "
                              + Arrays.stream(KeptType.values())
                                  .map(KeptType::spelling)
                                  .collect(Collectors.joining(", "))));
      rest = rest.substring(0, colon).strip();
    }
    String path = rest;
    if (path.isEmpty()) {
      throw new CliUsageException("--" + FLAG + " '" + spec + "': the input field's path is empty");
    }
    if (Arrays.stream(path.split("\\.", -1)).anyMatch(String::isEmpty)) {
      throw new CliUsageException(
          "--"
              + FLAG
              + " '"
              + spec
              + "': the path '"
              + path
              + "' has an empty key; nested keys are joined by single dots, e.g."
              + " persona.situation");
    }
    return new Column.Kept(name != null ? name : path.replace('.', '_'), path, type, index);
  }
}
