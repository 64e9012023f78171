package io.qaexport.adapter.in.cli;

import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.domain.DefaultedField;
import io.qaexport.domain.ScoreSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** The run summary as JSON for pipelines ({@code --summary-json FILE}), written atomically. */
final class SummaryJson {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private SummaryJson() {}

  static void write(Path file, ExportSummary summary) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".qa-export-tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary);
          JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
        render(json, summary);
      }
      Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void render(JsonGenerator json, ExportSummary summary) {
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
    json.writeNumberProperty("skipped", summary.skipped());
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
      json.writeStringProperty("output", absolute(file.output()));
      json.writeStringProperty("shape", file.shape().name().toLowerCase(java.util.Locale.ROOT));
      json.writeNumberProperty("lines_read", file.linesRead());
      json.writeNumberProperty("exported", file.exported());
      json.writeNumberProperty("skipped", file.skipped());
      json.writeNumberProperty("blank_lines", file.blankLines());
      json.writeNumberProperty("output_bytes", file.outputBytes());
      json.writeName("errors_file");
      if (file.errorsFile().isPresent()) {
        json.writeString(absolute(file.errorsFile().get()));
      } else {
        json.writeNull();
      }
      json.writeName("defaults_applied");
      json.writeStartObject();
      for (DefaultedField field : DefaultedField.values()) {
        json.writeNumberProperty(field.fieldName(),
            file.defaultsApplied().getOrDefault(field, 0L));
      }
      json.writeEndObject();
      json.writeName("personas");
      json.writeStartObject();
      for (Map.Entry<String, Long> persona : file.personas()) {
        json.writeNumberProperty(persona.getKey(), persona.getValue());
      }
      json.writeEndObject();
      writeScores(json, file.scores());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
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
    return seconds <= 0 ? 0 : summary.exported() / seconds;
  }
}
