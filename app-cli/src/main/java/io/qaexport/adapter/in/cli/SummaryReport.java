package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.domain.DefaultedField;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human summary that ends a run. */
final class SummaryReport {
  private SummaryReport() {}

  static String render(ExportSummary summary, List<String> notes) {
    return render(summary, notes, false);
  }

  /** With {@code strict}, the defaults still applied are marked as outside --strict. */
  static String render(ExportSummary summary, List<String> notes, boolean strict) {
    var text = new StringBuilder();
    double seconds = summary.elapsed().toNanos() / 1e9;
    text.append(String.format(Locale.ROOT,
        "qa-export: exported %,d records as %s in %.2f s (%,.0f records/s)%n",
        summary.exported(), summary.formatName(), seconds, SummaryJson.recordsPerSecond(summary)));
    for (FileSummary file : summary.files()) {
      text.append(String.format(Locale.ROOT, "%n  %s -> %s (%s)%n",
          file.input(), file.output(), humanBytes(file.outputBytes())));
      text.append(String.format(Locale.ROOT,
          "    lines read %,d = %,d exported + %,d skipped + %,d blank%n",
          file.linesRead(), file.exported(), file.skipped(), file.blankLines()));
      text.append(strict && !file.defaultsApplied().isEmpty()
              ? "    defaults applied (fields --strict does not cover): " : "    defaults applied: ")
          .append(defaults(file.defaultsApplied())).append('\n');
      file.errorsFile().ifPresent(errors -> text.append(String.format(Locale.ROOT,
          "    skipped lines and their reasons: %s%n", errors)));
    }
    for (String note : notes) {
      text.append("\nnote: ").append(note).append('\n');
    }
    if (summary.skipped() > 0) {
      text.append(String.format(Locale.ROOT,
          "%nwarning: %,d invalid records were left out of the dataset (--on-error skip)%n",
          summary.skipped()));
    }
    summary.datasetCard().ifPresent(card -> text.append(String.format(
        "%n  dataset card: %s%n", card)));
    List<FileSummary> loadable =
        summary.files().stream().filter(file -> file.exported() > 0).toList();
    if (loadable.isEmpty()) {
      return text.toString();
    }
    text.append("\nLoad it with HuggingFace datasets:\n");
    text.append("  from datasets import load_dataset\n");
    if (summary.datasetCard().isPresent()) {
      Path cardDir = summary.datasetCard().get().toAbsolutePath().getParent();
      String dir = pythonString(relativeToWorkingDir(cardDir));
      for (FileSummary file : loadable) {
        if (file.shape().hasFailureReason()) {
          text.append(String.format("  rejected = load_dataset(\"%s\", \"rejected\")%n", dir));
        } else {
          text.append(String.format("  passed = load_dataset(\"%s\")%n", dir));
        }
      }
      text.append("  # or one file on its own:\n");
    }
    for (FileSummary file : loadable) {
      String variable = file.shape().hasFailureReason() ? "rejected" : "passed";
      text.append(String.format("  %s = load_dataset(\"%s\", data_files=\"%s\", split=\"train\")%n",
          variable, summary.hfBuilderName(), pythonString(file.output().toString())));
    }
    return text.toString();
  }

  private static String defaults(Map<DefaultedField, Long> applied) {
    if (applied.isEmpty()) {
      return "none";
    }
    var parts = new StringBuilder();
    for (DefaultedField field : DefaultedField.values()) {
      Long count = applied.get(field);
      if (count != null) {
        if (parts.length() > 0) {
          parts.append(", ");
        }
        parts.append(String.format(Locale.ROOT, "%s %,d (%s)",
            field.fieldName(), count, field.defaultValue()));
      }
    }
    return parts.toString();
  }

  private static String relativeToWorkingDir(Path dir) {
    Path here = Path.of("").toAbsolutePath();
    if (dir.startsWith(here)) {
      String relative = here.relativize(dir).toString();
      return relative.isEmpty() ? "." : relative;
    }
    return dir.toString();
  }

  static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    do {
      value /= 1024;
      unit++;
    } while (value >= 1024 && unit < units.length - 1);
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private static String pythonString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
