package io.qaexport.adapter.in.cli.report;

import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.StageCount;
import io.qaexport.domain.Column;
import io.qaexport.domain.mapping.DefaultedField;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human summary that ends a run. */
public final class SummaryReport {
  /**
   * Numbers are written with ROOT's digits and separators (1,234.5); Formatter has those of
   * Locale.US built in, while any other locale, ROOT too, loads the CLDR locale data first (about
   * 20 ms of a short run's start-up).
   */
  private static final Locale NUMBERS = Locale.US;

  private SummaryReport() {}

  public static String render(ExportSummary summary, List<String> notes) {
    return render(summary, notes, false);
  }

  /** With {@code strict}, the defaults still applied are marked as outside --strict. */
  public static String render(ExportSummary summary, List<String> notes, boolean strict) {
    var text = new StringBuilder();
    double seconds = summary.elapsed().toNanos() / 1e9;
    text.append(
        String.format(
            NUMBERS,
            "qa-export: exported %,d records as %s in %.2f s (%,.0f records/s)%n",
            summary.rowsWritten(),
            summary.formatName(),
            seconds,
            SummaryJsonBody.recordsPerSecond(summary)));
    for (FileSummary file : summary.files()) {
      if (file.curation().active()) {
        curated(text, file);
        continue;
      }
      text.append(
          String.format(
              NUMBERS,
              "%n  %s -> %s (%s)%n",
              file.input(),
              file.output(),
              humanBytes(file.outputBytes())));
      text.append(
          String.format(
              NUMBERS,
              "    lines read %,d = %,d exported + %,d skipped + %,d blank%n",
              file.linesRead(),
              file.exported(),
              file.skipped(),
              file.blankLines()));
      text.append(
              strict && !file.defaultsApplied().isEmpty()
                  ? "    defaults applied (fields --strict does not cover): "
                  : "    defaults applied: ")
          .append(defaults(file.defaultsApplied()))
          .append('\n');
      text.append(keptNulls(file));
      file.errorsFile()
          .ifPresent(
              errors ->
                  text.append(
                      String.format(NUMBERS, "    skipped lines and their reasons: %s%n", errors)));
    }
    for (String note : notes) {
      text.append("\nnote: ").append(note).append('\n');
    }
    if (summary.skipped() > 0) {
      text.append(
          String.format(
              NUMBERS,
              "%nwarning: %,d invalid records were left out of the dataset (--on-error skip)%n",
              summary.skipped()));
    }
    summary
        .datasetCard()
        .ifPresent(card -> text.append(String.format("%n  dataset card: %s%n", card)));
    List<FileSummary> loadable = summary.files().stream().filter(file -> file.rows() > 0).toList();
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
      text.append(
          summary.files().stream().anyMatch(file -> !isPlainFile(file) && file.curation().active())
              ? "  # or the files on their own:\n"
              : "  # or one file on its own:\n");
    }
    for (FileSummary file : loadable) {
      String variable = file.shape().hasFailureReason() ? "rejected" : "passed";
      if (file.curation().active() && !isPlainFile(file)) {
        text.append(
            String.format(
                "  %s = load_dataset(\"%s\", data_files=%s)%n",
                variable, summary.hfBuilderName(), dataFiles(file)));
        continue;
      }
      text.append(
          String.format(
              "  %s = load_dataset(\"%s\", data_files=\"%s\", split=\"train\")%n",
              variable, summary.hfBuilderName(), pythonString(file.output().toString())));
    }
    return text.toString();
  }

  /** A file the training-set stages touched: its identity with the stages' counts, its splits. */
  private static void curated(StringBuilder text, FileSummary file) {
    FileSummary.Curation curation = file.curation();
    if (isPlainFile(file)) {
      text.append(
          String.format(
              NUMBERS,
              "%n  %s -> %s (%s)%n",
              file.input(),
              file.output(),
              humanBytes(file.outputBytes())));
    } else {
      long splits = curation.splits().stream().filter(split -> split.rows() > 0).count();
      text.append(
          String.format(
              NUMBERS,
              "%n  %s -> %d split%s (%s)%n",
              file.input(),
              splits,
              splits == 1 ? "" : "s",
              humanBytes(file.outputBytes())));
    }
    text.append(
        String.format(NUMBERS, "    lines read %,d = %,d kept", file.linesRead(), file.exported()));
    for (StageCount stage : curation.stages()) {
      text.append(String.format(NUMBERS, " + %,d %s", stage.count(), stage.label()));
    }
    text.append(
        String.format(NUMBERS, " + %,d skipped + %,d blank%n", file.skipped(), file.blankLines()));
    if (curation.received() > 0) {
      text.append(
          String.format(
              NUMBERS,
              "    and %,d from the passed file below --min-score, moved here%n",
              curation.received()));
    }
    text.append("    defaults applied in its rows: ")
        .append(defaults(file.defaultsApplied()))
        .append('\n');
    text.append(keptNulls(file));
    if (!isPlainFile(file)) {
      for (FileSummary.SplitFiles split : curation.splits()) {
        String files =
            split.files().isEmpty()
                ? "no file"
                : split.files().size() == 1
                    ? split.files().get(0).toString()
                    : split.files().size() + " shards, " + split.files().get(0) + " …";
        text.append(
            String.format(
                NUMBERS, "    %-10s %,d rows -> %s%n", split.name(), split.rows(), files));
      }
    }
    for (StageCount stage : curation.stages()) {
      stage
          .log()
          .ifPresent(
              log ->
                  text.append(String.format(NUMBERS, "    %s: %s%n", stage.logDescription(), log)));
    }
  }

  /** Whether the output is one file at the plain output path (no splits, no shards). */
  /** How many rows each kept column leaves null, on one line; nothing without kept columns. */
  private static String keptNulls(FileSummary file) {
    List<Column.Kept> kept = file.shape().keptColumns();
    if (kept.isEmpty()) {
      return "";
    }
    var line = new StringBuilder(String.format(NUMBERS, "    null in %,d rows:", file.rows()));
    String separator = " ";
    for (int i = 0; i < kept.size(); i++) {
      long nulls = i < file.keptNulls().size() ? file.keptNulls().get(i) : 0;
      line.append(separator).append(String.format(NUMBERS, "%s %,d", kept.get(i).name(), nulls));
      separator = ", ";
    }
    return line.append('\n').toString();
  }

  private static boolean isPlainFile(FileSummary file) {
    List<FileSummary.SplitFiles> splits = file.curation().splits();
    return splits.size() == 1
        && splits.get(0).files().size() == 1
        && splits.get(0).files().get(0).equals(file.output());
  }

  private static String dataFiles(FileSummary file) {
    var dict = new StringBuilder("{");
    for (FileSummary.SplitFiles split : file.curation().splits()) {
      if (split.files().isEmpty()) {
        continue;
      }
      if (dict.length() > 1) {
        dict.append(", ");
      }
      dict.append('"').append(pythonString(split.name())).append("\": ");
      if (split.files().size() == 1) {
        dict.append('"').append(pythonString(split.files().get(0).toString())).append('"');
      } else {
        dict.append('"').append(pythonString(shardPattern(split.files().get(0)))).append('"');
      }
    }
    return dict.append('}').toString();
  }

  /** {@code out/qa_pairs-train-00000-of-00003.jsonl} as a glob over its shards. */
  private static String shardPattern(Path firstShard) {
    return firstShard.toString().replaceFirst("-00000-of-(\\d{5})", "-*-of-$1");
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
        parts.append(
            String.format(NUMBERS, "%s %,d (%s)", field.fieldName(), count, field.defaultValue()));
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
    return String.format(NUMBERS, "%.1f %s", value, units[unit]);
  }

  private static String pythonString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
