package io.qaexport.adapter.out.card;

import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.domain.Column;
import io.qaexport.domain.DatasetCard;
import io.qaexport.domain.DatasetFacts;
import io.qaexport.domain.DefaultedField;
import io.qaexport.domain.ScoreSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A HuggingFace dataset card: YAML front matter (configs, features, language, task, size) that
 * {@code load_dataset(dir)} and the Hub read, then a Markdown body for people.
 */
final class MarkdownDatasetCardWriter implements DatasetCardWriter {
  /** Marks cards qa-export wrote; only such a README is ever replaced. */
  static final String MARKER =
      "<!-- Written by qa-export: the next export to this directory replaces this file. -->";
  private static final int HISTOGRAM_WIDTH = 40;

  // In a holder: the YAML classes load only when a card is written, not on every run.
  private static final class Yaml {
    static final YAMLFactory FACTORY = YAMLFactory.builder()
        .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
        .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
        .disable(YAMLWriteFeature.SPLIT_LINES)
        .build();
  }

  @Override
  public void write(Path file, DatasetCard card) throws IOException {
    var text = new StringBuilder();
    text.append(frontMatter(card));
    text.append("---\n").append(MARKER).append("\n\n");
    text.append(body(card));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(text.toString());
    }
  }

  @Override
  public boolean isGeneratedCard(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
      return head.contains(MARKER);
    }
  }

  static String frontMatter(DatasetCard card) {
    var yaml = new StringWriter();
    try (JsonGenerator out = Yaml.FACTORY.createGenerator(ObjectWriteContext.empty(), yaml)) {
      out.writeStartObject();
      out.writeStringProperty("pretty_name", card.prettyName());
      out.writeStringProperty("license", card.license());
      stringList(out, "language", card.facts().languages());
      stringList(out, "task_categories", card.facts().taskCategories());
      stringList(out, "size_categories", List.of(card.sizeCategory()));
      out.writeName("configs");
      out.writeStartArray();
      for (DatasetCard.Config config : card.configs()) {
        out.writeStartObject();
        out.writeStringProperty("config_name", config.name());
        out.writeName("data_files");
        out.writeStartArray();
        if (config.splits().isEmpty()) {
          out.writeStartObject();
          out.writeStringProperty("split", "train");
          out.writeStringProperty("path", config.dataFile());
          out.writeEndObject();
        }
        for (DatasetCard.Split split : config.splits()) {
          out.writeStartObject();
          out.writeStringProperty("split", split.name());
          if (split.files().size() == 1) {
            out.writeStringProperty("path", split.files().get(0));
          } else {
            stringList(out, "path", split.files());
          }
          out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeName("dataset_info");
      out.writeStartArray();
      for (DatasetCard.Config config : card.configs()) {
        out.writeStartObject();
        out.writeStringProperty("config_name", config.name());
        out.writeName("features");
        out.writeStartArray();
        for (Column column : config.shape().columns()) {
          out.writeStartObject();
          out.writeStringProperty("name", column.name());
          out.writeStringProperty("dtype", column.type().hfDtype());
          out.writeEndObject();
        }
        out.writeEndArray();
        if (!config.splits().isEmpty()) {
          // Exact sizes only: datasets checks them against what it loads.
          out.writeName("splits");
          out.writeStartArray();
          for (DatasetCard.Split split : config.splits()) {
            out.writeStartObject();
            out.writeStringProperty("name", split.name());
            out.writeNumberProperty("num_examples", split.rows());
            out.writeEndObject();
          }
          out.writeEndArray();
        }
        out.writeEndObject();
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    return yaml.toString();
  }

  private static void stringList(JsonGenerator out, String name, List<String> values) {
    out.writeName(name);
    out.writeStartArray();
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }

  static String body(DatasetCard card) {
    DatasetFacts facts = card.facts();
    var md = new StringBuilder();
    md.append("# ").append(card.prettyName()).append("\n\n");
    md.append(facts.description()).append(" Exported with qa-export as ")
        .append(card.formatName()).append(".\n\n");
    md.append("| config | rows | file | from |\n|---|---:|---|---|\n");
    for (DatasetCard.Config config : card.configs()) {
      md.append(String.format(Locale.ROOT, "| `%s` | %,d | `%s` | `%s` |%n", config.name(),
          config.rows(), config.dataFile(), config.inputFile()));
    }
    md.append('\n').append(facts.configsNote()).append("\n\n");
    md.append("## Columns\n\n");
    md.append("| column | type | meaning |\n|---|---|---|\n");
    for (Column column : facts.columns()) {
      md.append(String.format(Locale.ROOT, "| `%s` | %s | %s |%n", column.name(),
          column.type().hfDtype(), column.meaning()));
    }
    md.append('\n');
    md.append(facts.defaultsNote()).append("\n\n");
    for (DatasetCard.Config config : card.configs()) {
      md.append("## `").append(config.name()).append("`\n\n");
      md.append(String.format(Locale.ROOT, "%,d rows.%n%n", config.rows()));
      md.append(splits(config.splits()));
      md.append(curation(config));
      md.append(defaults(config.defaultsApplied()));
      md.append(personas(config.personas(), config.rows()));
      md.append(scores(config.scores()));
    }
    md.append("## Loading\n\n```python\nfrom datasets import load_dataset\n\n");
    md.append("passed = load_dataset(\"path/to/this/directory\")            # config \"default\"\n");
    if (card.configs().stream().anyMatch(c -> c.name().equals("rejected"))) {
      md.append("rejected = load_dataset(\"path/to/this/directory\", \"rejected\")\n");
    }
    md.append("```\n\nOr one file on its own: `load_dataset(\"").append(card.hfBuilderName())
        .append("\", data_files=\"").append(card.configs().get(0).dataFile())
        .append("\", split=\"train\")`.\n");
    return md.toString();
  }

  private static String splits(List<DatasetCard.Split> splits) {
    if (splits.isEmpty()) {
      return "";
    }
    var md = new StringBuilder("| split | rows | files |\n|---|---:|---|\n");
    for (DatasetCard.Split split : splits) {
      md.append(String.format(Locale.ROOT, "| `%s` | %,d | %s |%n", split.name(), split.rows(),
          split.files().size() == 1 ? "`" + split.files().get(0) + "`"
              : split.files().size() + " shards, `" + split.files().get(0) + "` …"));
    }
    return md.append('\n').toString();
  }

  private static String curation(DatasetCard.Config config) {
    DatasetCard.Curation curation = config.curation();
    var md = new StringBuilder();
    if (!Double.isNaN(curation.minScore()) && !config.shape().hasFailureReason()) {
      md.append(String.format(Locale.ROOT,
          "%,d passed pairs scored below the export threshold %s and were moved to `rejected`.%n%n",
          curation.belowThreshold(), curation.minScore()));
    }
    if (curation.received() > 0) {
      md.append(String.format(Locale.ROOT, "%,d of these rows are passed pairs that scored below"
          + " the export threshold %s.%n%n", curation.received(), curation.minScore()));
    }
    if (!curation.dedup().equals("none")) {
      md.append(String.format(Locale.ROOT, "%,d pairs were dropped as %s duplicates of a kept"
          + " pair (the best-scored of each group)%s%s.%n%n", curation.duplicates(),
          curation.dedup(), curation.dedup().equals("near") ? String.format(Locale.ROOT,
              ", questions with a Jaccard similarity of %s or more", curation.dedupThreshold())
              : ", questions equal once normalised",
          curation.duplicatesFile().isEmpty() ? ""
              : "; they are listed in `" + curation.duplicatesFile() + "`"));
    }
    return md.toString();
  }

  private static String defaults(Map<DefaultedField, Long> applied) {
    if (applied.isEmpty()) {
      return "No defaults were applied.\n\n";
    }
    var md = new StringBuilder("Defaults applied:\n\n| field | default | rows |\n|---|---|---:|\n");
    for (DefaultedField field : DefaultedField.values()) {
      Long count = applied.get(field);
      if (count != null) {
        md.append(String.format(Locale.ROOT, "| `%s` | `%s` | %,d |%n", field.fieldName(),
            field.defaultValue(), count));
      }
    }
    return md.append('\n').toString();
  }

  private static String personas(List<Map.Entry<String, Long>> personas, long rows) {
    if (personas.isEmpty()) {
      return "";
    }
    var md = new StringBuilder("Personas:\n\n| persona | rows | share |\n|---|---:|---:|\n");
    int shown = 0;
    long rest = 0;
    for (Map.Entry<String, Long> persona : personas) {
      if (shown++ < 15) {
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f%% |%n",
            markdownCell(persona.getKey()), persona.getValue(), 100.0 * persona.getValue() / rows));
      } else {
        rest += persona.getValue();
      }
    }
    if (rest > 0) {
      md.append(String.format(Locale.ROOT, "| %d other personas | %,d | %.1f%% |%n",
          personas.size() - 15, rest, 100.0 * rest / rows));
    }
    return md.append('\n').toString();
  }

  private static String scores(ScoreSummary scores) {
    if (scores.count() == 0) {
      return "";
    }
    var md = new StringBuilder();
    md.append(String.format(Locale.ROOT,
        "Validation score: min %.3f, median %.3f, max %.3f.%n%n```%n", scores.min(),
        scores.median(), scores.max()));
    long highest = scores.histogram().stream().mapToLong(Long::longValue).max().orElse(0);
    for (int bin = 0; bin < scores.histogram().size(); bin++) {
      long count = scores.histogram().get(bin);
      int width = highest == 0 ? 0 : (int) Math.round((double) count * HISTOGRAM_WIDTH / highest);
      md.append(String.format(Locale.ROOT, "%.1f–%.1f %s %,d%n", bin / 10.0, (bin + 1) / 10.0,
          "█".repeat(width), count));
    }
    md.append("```\n\n");
    if (scores.belowZero() + scores.aboveOne() > 0) {
      md.append(String.format(Locale.ROOT, "Outside 0–1: %,d below, %,d above.%n%n",
          scores.belowZero(), scores.aboveOne()));
    }
    return md.toString();
  }

  private static String markdownCell(String text) {
    String escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
        .replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    return escaped.isBlank() ? "(blank)" : escaped;
  }
}
