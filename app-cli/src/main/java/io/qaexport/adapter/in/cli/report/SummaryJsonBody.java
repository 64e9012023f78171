package io.qaexport.adapter.in.cli.report;

import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.ReferenceFile;
import io.qaexport.application.port.in.StageCount;
import io.qaexport.domain.Column;
import io.qaexport.domain.card.ScoreSummary;
import io.qaexport.domain.mapping.DefaultedField;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** What {@code --summary-json} says: the run, then each file with its stages' counts. */
final class SummaryJsonBody {
  private SummaryJsonBody() {}

  static void render(JsonGenerator json, ExportSummary summary) {
    double seconds = summary.elapsed().toNanos() / 1e9;
    json.writeStartObject();
    json.writeStringProperty("tool", "qa-export");
    json.writeStringProperty("version", ToolVersion.get());
    json.writeStringProperty("format", summary.formatName());
    json.writeStringProperty("output_dir", absolute(summary.outputDir()));
    json.writeNumberProperty("elapsed_seconds", seconds);
    json.writeNumberProperty("records_per_second", recordsPerSecond(summary));
    json.writeNumberProperty("lines_read", summary.linesRead());
    json.writeNumberProperty("exported", summary.exported());
    json.writeNumberProperty("rows_written", summary.rowsWritten());
    json.writeNumberProperty("skipped", summary.skipped());
    boolean curated = summary.files().stream().anyMatch(file -> file.curation().active());
    if (curated) {
      // Each stage's count over all files, under its key, in the stages' order.
      Map<String, Long> totals = new LinkedHashMap<>();
      summary
          .files()
          .forEach(
              file ->
                  file.curation()
                      .stages()
                      .forEach(stage -> totals.merge(stage.key(), stage.count(), Long::sum)));
      totals.forEach(json::writeNumberProperty);
      if (!summary.references().isEmpty()) {
        json.writeName("references");
        json.writeStartArray();
        for (ReferenceFile reference : summary.references()) {
          json.writeStartObject();
          json.writeStringProperty("path", absolute(reference.path()));
          json.writeStringProperty("sha256", reference.sha256());
          json.writeNumberProperty("questions", reference.questions());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
    }
    json.writeName("dataset_card");
    if (summary.datasetCard().isPresent()) {
      json.writeString(absolute(summary.datasetCard().get()));
    } else {
      json.writeNull();
    }
    json.writeName("files");
    json.writeStartArray();
    for (FileSummary file : summary.files()) {
      json.writeStartObject();
      json.writeStringProperty("input", absolute(file.input()));
      // Null when the output is split or sharded: its files are listed under "splits".
      List<FileSummary.SplitFiles> splitFiles = file.curation().splits();
      json.writeName("output");
      if (splitFiles.isEmpty()
          || (splitFiles.size() == 1 && splitFiles.get(0).files().equals(List.of(file.output())))) {
        json.writeString(absolute(file.output()));
      } else {
        json.writeNull();
      }
      json.writeStringProperty("shape", file.shape().name().toLowerCase(Locale.ROOT));
      json.writeNumberProperty("lines_read", file.linesRead());
      json.writeNumberProperty("exported", file.exported());
      json.writeNumberProperty("rows", file.rows());
      json.writeNumberProperty("skipped", file.skipped());
      json.writeNumberProperty("blank_lines", file.blankLines());
      json.writeNumberProperty("output_bytes", file.outputBytes());
      if (curated) {
        writeCuration(json, file);
      }
      json.writeName("errors_file");
      if (file.errorsFile().isPresent()) {
        json.writeString(absolute(file.errorsFile().get()));
      } else {
        json.writeNull();
      }
      json.writeName("defaults_applied");
      json.writeStartObject();
      for (DefaultedField field : DefaultedField.values()) {
        json.writeNumberProperty(field.fieldName(), file.defaultsApplied().getOrDefault(field, 0L));
      }
      json.writeEndObject();
      json.writeName("personas");
      json.writeStartObject();
      for (Map.Entry<String, Long> persona : file.personas()) {
        json.writeNumberProperty(persona.getKey(), persona.getValue());
      }
      json.writeEndObject();
      writeScores(json, file.scores());
      writeKeptColumns(json, file);
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** Each kept column with its input path, type and null rows; nothing without kept columns. */
  private static void writeKeptColumns(JsonGenerator json, FileSummary file) {
    List<Column.Kept> kept = file.shape().keptColumns();
    if (kept.isEmpty()) {
      return;
    }
    json.writeName("kept_columns");
    json.writeStartObject();
    for (int i = 0; i < kept.size(); i++) {
      json.writeName(kept.get(i).name());
      json.writeStartObject();
      json.writeStringProperty("path", kept.get(i).path());
      json.writeStringProperty("type", kept.get(i).keptType().spelling());
      json.writeNumberProperty("nulls", i < file.keptNulls().size() ? file.keptNulls().get(i) : 0);
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  /** The training-set figures: lines read = kept + each stage's count + skipped + blank. */
  private static void writeCuration(JsonGenerator json, FileSummary file) {
    FileSummary.Curation curation = file.curation();
    json.writeNumberProperty("kept", file.exported());
    for (StageCount stage : curation.stages()) {
      json.writeNumberProperty(stage.key(), stage.count());
    }
    json.writeNumberProperty("received_below_threshold", curation.received());
    for (StageCount stage : curation.stages()) {
      if (stage.keepsLog()) {
        json.writeName(stage.logKey());
        if (stage.log().isPresent()) {
          json.writeString(absolute(stage.log().get()));
        } else {
          json.writeNull();
        }
      }
    }
    json.writeName("splits");
    json.writeStartArray();
    for (FileSummary.SplitFiles split : curation.splits()) {
      json.writeStartObject();
      json.writeStringProperty("name", split.name());
      json.writeNumberProperty("rows", split.rows());
      json.writeNumberProperty("bytes", split.bytes());
      json.writeName("files");
      json.writeStartArray();
      for (Path path : split.files()) {
        json.writeString(absolute(path));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** A pipeline reads the summary from anywhere: paths do not depend on the run's directory. */
  private static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }

  private static void writeScores(JsonGenerator json, ScoreSummary scores) {
    json.writeName("validation_score");
    json.writeStartObject();
    json.writeNumberProperty("count", scores.count());
    scoreProperty(json, "min", scores.min());
    scoreProperty(json, "median", scores.median());
    scoreProperty(json, "max", scores.max());
    json.writeName("histogram");
    json.writeStartArray();
    for (long count : scores.histogram()) {
      json.writeNumber(count);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** NaN (no scores) is written as null: JSON has no NaN. */
  private static void scoreProperty(JsonGenerator json, String name, double value) {
    json.writeName(name);
    if (Double.isNaN(value)) {
      json.writeNull();
    } else {
      json.writeNumber(value);
    }
  }

  static double recordsPerSecond(ExportSummary summary) {
    double seconds = summary.elapsed().toNanos() / 1e9;
    return seconds <= 0 ? 0 : summary.rowsWritten() / seconds;
  }
}
