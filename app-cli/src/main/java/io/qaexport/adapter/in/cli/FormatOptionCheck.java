package io.qaexport.adapter.in.cli;

import io.qaexport.adapter.in.cli.flag.CliUsageException;
import io.qaexport.application.port.out.FormatOptionException;
import io.qaexport.application.port.out.OutputFormat;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Checks the format options the flags set before the export starts, and says what is wrong in terms
 * of the flags: a flag for an option the chosen format does not take names the formats that take
 * it; a value the format refuses for an option ({@link FormatOptionException}: "compression",
 * "takes …") is said with the flag in the option's place ("--compression takes …"). A flag no
 * loaded format takes names itself and the plugin it is for. Anything else (an unknown format, a
 * refusal of the format's own) is left to the export, which reports it as it always has.
 */
public final class FormatOptionCheck {
  private final Map<String, Supplier<OutputFormat>> formats;

  /**
   * @param formats every output format by name; each is built only if an option is given
   */
  @Inject
  public FormatOptionCheck(Map<String, Supplier<OutputFormat>> formats) {
    this.formats = new TreeMap<>(formats);
  }

  /**
   * @param formatName the chosen format; an unknown one is left to the export to report
   * @throws CliUsageException when a flag does not apply to the format or its value is refused
   */
  public void check(String formatName, List<FormatOption> options) throws CliUsageException {
    if (options.isEmpty()) {
      return;
    }
    Supplier<OutputFormat> chosenFormat = formats.get(formatName);
    OutputFormat chosen = chosenFormat == null ? null : chosenFormat.get();
    boolean allTaken = true;
    for (FormatOption option : options) {
      if (chosen != null && chosen.optionNames().contains(option.option())) {
        continue;
      }
      List<String> takers = formatsTaking(option.option());
      if (!takers.isEmpty()) {
        throw new CliUsageException(
            "--" + option.flag() + " applies to --format " + String.join(", ", takers) + " only");
      }
      if (chosen != null) {
        // No loaded format takes it: the flag is meant for a plugin that is not there.
        throw new CliUsageException(
            "--"
                + option.flag()
                + " applies to formats that take the"
                + " option '"
                + option.option()
                + "', and no loaded format does (format '"
                + formatName
                + "' does not): load the plugin that takes it from plugins/ or --plugin-dir;"
                + " see --list-formats");
      }
      allTaken = false; // an unknown format: the export reports it
    }
    if (chosen == null || !allTaken) {
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    options.forEach(option -> values.put(option.option(), option.value()));
    try {
      chosen.withOptions(values);
    } catch (FormatOptionException e) {
      for (FormatOption option : options) {
        if (option.option().equals(e.option())) {
          throw new CliUsageException("--" + option.flag() + " " + e.reason(), false);
        }
      }
    } catch (IllegalArgumentException e) {
      // A refusal that names no option: the export reports it, as it always has.
    }
  }

  private List<String> formatsTaking(String option) {
    List<String> names = new ArrayList<>();
    formats.forEach(
        (name, format) -> {
          if (format.get().optionNames().contains(option)) {
            names.add(name);
          }
        });
    return names;
  }
}
