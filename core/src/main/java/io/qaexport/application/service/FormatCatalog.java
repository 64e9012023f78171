package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportDatasetUseCase.FormatInfo;
import io.qaexport.application.port.in.failure.UnknownFormatException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.OutputFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The output formats by name; only the one a run chooses is ever obtained from its supplier. */
final class FormatCatalog {
  private final Map<String, Supplier<OutputFormat>> formats;

  FormatCatalog(Map<String, Supplier<OutputFormat>> formats) {
    this.formats = new TreeMap<>(formats);
  }

  List<FormatInfo> infos() {
    List<FormatInfo> infos = new ArrayList<>();
    for (Supplier<OutputFormat> supplier : formats.values()) {
      OutputFormat format = supplier.get();
      infos.add(
          new FormatInfo(
              format.name(),
              format.description(),
              format.fileExtension(),
              format.optionNames().stream().sorted().toList()));
    }
    infos.sort(Comparator.comparing(FormatInfo::name));
    return infos;
  }

  /** The format called {@code name}. */
  OutputFormat find(String name) throws UnknownFormatException {
    Supplier<OutputFormat> chosen = formats.get(name);
    if (chosen == null) {
      throw new UnknownFormatException(name, List.copyOf(formats.keySet()));
    }
    return chosen.get();
  }

  /** {@code format} with {@code options} applied, each checked to be one it takes. */
  static OutputFormat configured(OutputFormat format, Map<String, String> options)
      throws UsageException {
    for (String option : options.keySet()) {
      if (!format.optionNames().contains(option)) {
        throw new UsageException(
            "format '"
                + format.name()
                + "' takes no option '"
                + option
                + "'"
                + (format.optionNames().isEmpty()
                    ? ""
                    : "; it takes "
                        + String.join(", ", format.optionNames().stream().sorted().toList())));
      }
    }
    if (options.isEmpty()) {
      return format;
    }
    try {
      return format.withOptions(options);
    } catch (IllegalArgumentException e) {
      throw new UsageException("format '" + format.name() + "': " + e.getMessage());
    }
  }
}
