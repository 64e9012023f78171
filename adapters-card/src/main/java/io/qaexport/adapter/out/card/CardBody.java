package io.qaexport.adapter.out.card;

import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.card.DatasetCard;
import io.qaexport.domain.card.DatasetFacts;
import io.qaexport.domain.card.Feature;
import io.qaexport.domain.card.ScoreSummary;
import io.qaexport.domain.mapping.DefaultedField;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The card's Markdown: the prose from {@link CardTemplate}'s resources, and the tables and figures
 * of the generated block computed here.
 */
final class CardBody {
  /**
   * Numbers are written with ROOT's digits and separators (1,234.5); Formatter has those of
   * Locale.US built in, while any other locale, ROOT too, loads the CLDR locale data first (about
   * 20 ms of a short run's start-up).
   */
  private static final Locale NUMBERS = Locale.US;

  private static final int HISTOGRAM_WIDTH = 40;
  private static final int SAMPLE_CHARS = 300;

  private CardBody() {}

  /** A new card's body: the editable prose around the generated {@code block}. */
  static String initial(DatasetCard card, String block) {
    String key =
        card.repoId().map(id -> id.replaceAll("[^A-Za-z0-9]+", "_")).orElse("qa_export_dataset");
    String url =
        card.repoId()
            .map(id -> "\\url{https://huggingface.co/datasets/" + id + "}")
            .orElse("Hugging Face Hub");
    // An earlier card edited by hand may hold any name: one line here, braces balanced in BibTeX.
    String name = card.prettyName().replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    return CardTemplate.fill(
        CardTemplate.BODY,
        Map.of(
            "pretty_name", name,
            "bibtex_title", name.replaceAll("[{}\\\\]", ""),
            "generated", block.stripTrailing(),
            "citation_key", key,
            "citation_url", url));
  }

  /** The generated block's content, between the markers. */
  static String generated(DatasetCard card) {
    String text =
        CardTemplate.fill(
            CardTemplate.GENERATED,
            Map.of(
                "format", card.formatName(),
                "configs_table", configsTable(card),
                "columns", columns(card),
                "default_values", DatasetFacts.defaultValues(),
                "config_sections", configSections(card),
                "loading", loading(card),
                "builder", card.hfBuilderName(),
                "first_file", card.configs().get(0).splits().get(0).dataFiles().get(0)));
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static String configsTable(DatasetCard card) {
    var md = new StringBuilder();
    for (DatasetCard.Config config : card.configs()) {
      for (DatasetCard.Split split : config.splits()) {
        md.append(
            String.format(
                NUMBERS,
                "| `%s` | `%s` | %,d | %s | `%s` |%n",
                config.name(),
                split.name(),
                split.numExamples(),
                split.dataFiles().stream()
                    .map(f -> "`" + f + "`")
                    .collect(Collectors.joining(", ")),
                config.inputFile()));
      }
    }
    return md.toString().stripTrailing();
  }

  /** The features of each config's rows: with their meaning where they are the shape's columns. */
  private static String columns(DatasetCard card) {
    var md = new StringBuilder("| column | type | meaning |\n|---|---|---|\n");
    var seen = new HashSet<String>();
    for (DatasetCard.Config config : card.configs()) {
      for (Feature feature : config.features()) {
        if (!seen.add(feature.name())) {
          continue;
        }
        String meaning =
            config
                .shape()
                .column(feature.name())
                .or(
                    () ->
                        card.facts().columns().stream()
                            .filter(column -> column.name().equals(feature.name()))
                            .findFirst())
                .map(Column::meaning)
                .orElse("");
        md.append(
            String.format(NUMBERS, "| `%s` | %s | %s |%n", feature.name(), type(feature), meaning));
      }
    }
    return md.toString().stripTrailing();
  }

  private static String type(Feature feature) {
    if (feature instanceof Feature.ListOf list) {
      return "list of {"
          + list.fields().stream()
              .map(f -> "`" + f.name() + "`: " + type(f))
              .collect(Collectors.joining(", "))
          + "}";
    }
    if (feature instanceof Feature.ValueList list) {
      return "list of " + list.dtype();
    }
    return ((Feature.Value) feature).dtype();
  }

  private static String configSections(DatasetCard card) {
    var md = new StringBuilder();
    for (DatasetCard.Config config : card.configs()) {
      md.append("### `").append(config.name()).append("`\n\n");
      md.append(String.format(NUMBERS, "%,d rows.%n%n", config.rows()));
      md.append(curation(card, config));
      md.append(defaults(config.defaultsApplied()));
      md.append(personas(config.personas(), config.rows()));
      md.append(scores(config.scores()));
      md.append(sample(config));
    }
    return md.toString();
  }

  /** What the training-set stages did to the config's rows; empty when none ran. */
  private static String curation(DatasetCard card, DatasetCard.Config config) {
    DatasetCard.Curation curation = config.curation();
    var md = new StringBuilder();
    if (!Double.isNaN(curation.minScore()) && !config.shape().hasFailureReason()) {
      boolean rejectedConfig =
          card.configs().stream().anyMatch(other -> other.shape().hasFailureReason());
      md.append(
          String.format(
              NUMBERS,
              "%,d passed pairs scored below the export threshold %s and %s.%n%n",
              curation.belowThreshold(),
              curation.minScore(),
              rejectedConfig
                  ? "were moved to `rejected`"
                  : "were left out (this dataset has no `rejected` config)"));
    }
    if (curation.received() > 0) {
      md.append(
          String.format(
              NUMBERS,
              "%,d of these rows are passed pairs that scored below the export threshold %s, not"
                  + " pairs that failed validation: their `failure_reason` starts with"
                  + " `validation_score` and ends with `is below the export threshold %s`; every"
                  + " other row failed validation.%n%n",
              curation.received(),
              curation.minScore(),
              curation.minScore()));
    }
    DatasetCard.Decontamination decontamination = curation.decontamination();
    if (!decontamination.references().isEmpty()) {
      md.append(
          String.format(
              NUMBERS,
              "%,d pairs were left out because their question matches"
                  + " a question of a reference set (equal once normalised, or a Jaccard similarity of"
                  + " %s or more on character 4-grams)%s. The references:%n%n",
              decontamination.removed(),
              decontamination.threshold(),
              decontamination.log().isEmpty()
                  ? ""
                  : "; they are listed in `" + decontamination.log() + "`"));
      for (DatasetCard.Reference reference : decontamination.references()) {
        md.append(
            String.format(
                NUMBERS,
                "- `%s` (%,d %s), sha256 `%s`%n",
                reference.fileName().replaceAll("[\\p{Cntrl}`]", "?"),
                reference.questions(),
                reference.questions() == 1 ? "question" : "questions",
                reference.sha256()));
      }
      md.append('\n');
    }
    if (!curation.dedup().equals("none")) {
      md.append(
          String.format(
              NUMBERS,
              "%,d pairs were dropped as %s duplicates of a kept"
                  + " pair (the best-scored of each group)%s%s.%n%n",
              curation.duplicates(),
              curation.dedup(),
              curation.dedup().equals("near")
                  ? String.format(
                      NUMBERS,
                      ", questions with a Jaccard similarity of %s or more",
                      curation.dedupThreshold())
                  : ", questions equal once normalised",
              curation.duplicatesFile().isEmpty()
                  ? ""
                  : "; they are listed in `" + curation.duplicatesFile() + "`"));
    }
    for (DatasetCard.LeftOut stage : curation.otherStages()) {
      md.append(
          String.format(
              NUMBERS,
              "%,d pairs were left out as %s%s.%n%n",
              stage.count(),
              stage.label(),
              stage.log().isEmpty() ? "" : "; they are listed in `" + stage.log() + "`"));
    }
    return md.toString();
  }

  private static String loading(DatasetCard card) {
    String where = card.repoId().orElse("path/to/this/directory");
    var py = new StringBuilder();
    for (DatasetCard.Config config : card.configs()) {
      if (config.name().equals("default")) {
        py.append("passed = load_dataset(\"").append(where).append("\")  # config \"default\"\n");
      } else {
        py.append(config.name())
            .append(" = load_dataset(\"")
            .append(where)
            .append("\", \"")
            .append(config.name())
            .append("\")\n");
      }
    }
    return py.toString().stripTrailing();
  }

  private static String defaults(Map<DefaultedField, Long> applied) {
    if (applied.isEmpty()) {
      return "No defaults were applied.\n\n";
    }
    var md = new StringBuilder("Defaults applied:\n\n| field | default | rows |\n|---|---|---:|\n");
    for (DefaultedField field : DefaultedField.values()) {
      Long count = applied.get(field);
      if (count != null) {
        md.append(
            String.format(
                NUMBERS,
                "| `%s` | `%s` | %,d |%n",
                field.fieldName(),
                field.defaultValue(),
                count));
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
        md.append(
            String.format(
                NUMBERS,
                "| %s | %,d | %.1f%% |%n",
                markdownCell(persona.getKey()),
                persona.getValue(),
                100.0 * persona.getValue() / rows));
      } else {
        rest += persona.getValue();
      }
    }
    if (rest > 0) {
      md.append(
          String.format(
              NUMBERS,
              "| %d other personas | %,d | %.1f%% |%n",
              personas.size() - 15,
              rest,
              100.0 * rest / rows));
    }
    return md.append('\n').toString();
  }

  /**
   * Three decimals, unless they would misstate the score: a maximum of 0.7499 under a threshold of
   * 0.75 reads 0.7499, not 0.750.
   */
  static String score(double value) {
    String three = String.format(NUMBERS, "%.3f", value);
    return Double.parseDouble(three) == value ? three : BigDecimal.valueOf(value).toPlainString();
  }

  private static String scores(ScoreSummary scores) {
    if (scores.count() == 0) {
      return "";
    }
    var md = new StringBuilder();
    md.append(
        String.format(
            NUMBERS,
            "Validation score: min %s, median %s, max %s.%n%n```%n",
            score(scores.min()),
            score(scores.median()),
            score(scores.max())));
    long highest = scores.histogram().stream().mapToLong(Long::longValue).max().orElse(0);
    for (int bin = 0; bin < scores.histogram().size(); bin++) {
      long count = scores.histogram().get(bin);
      int width = highest == 0 ? 0 : (int) Math.round((double) count * HISTOGRAM_WIDTH / highest);
      md.append(
          String.format(
              NUMBERS,
              "%.1f–%.1f %s %,d%n",
              bin / 10.0,
              (bin + 1) / 10.0,
              "█".repeat(width),
              count));
    }
    md.append("```\n\n");
    if (scores.belowZero() + scores.aboveOne() > 0) {
      md.append(
          String.format(
              NUMBERS,
              "Outside 0–1: %,d below, %,d above.%n%n",
              scores.belowZero(),
              scores.aboveOne()));
    }
    return md.toString();
  }

  /** The first row's pair, column by column (long values cut). */
  private static String sample(DatasetCard.Config config) {
    Optional<HfRecord> sample = config.sample();
    if (sample.isEmpty()) {
      return "";
    }
    var md =
        new StringBuilder(
            config.layoutIsShape()
                ? "First row:\n\n"
                : "The pair the first row was made from:\n\n");
    md.append("| column | value |\n|---|---|\n");
    for (Column column : config.shape().columns()) {
      String value;
      if (column instanceof Column.Text text) {
        value = String.valueOf(text.of(sample.get()));
      } else if (column instanceof Column.Kept kept) {
        value = kept.text(sample.get());
      } else {
        value = Double.toString(((Column.Float64) column).of(sample.get()));
      }
      md.append("| `")
          .append(column.name())
          .append("` | ")
          .append(markdownCell(value))
          .append(" |\n");
    }
    return md.append('\n').toString();
  }

  /**
   * A value as one table cell: cut to {@link #SAMPLE_CHARS} (a persona may be megabytes), Markdown
   * escaped, line breaks as spaces and other control characters spelled out ({@code \\u0000}): a
   * NUL byte makes git and grep take the whole card for a binary file.
   */
  private static String markdownCell(String text) {
    if (text.length() > SAMPLE_CHARS) {
      text =
          text.substring(0, text.offsetByCodePoints(0, text.codePointCount(0, SAMPLE_CHARS))) + "…";
    }
    String escaped =
        text.replace("\\", "\\\\")
            .replace("|", "\\|")
            .replace("`", "\\`")
            .replace("<", "&lt;")
            .replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    var cell = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\t') {
        cell.append(' ');
      } else if (Character.getType(c) == Character.CONTROL) {
        cell.append(String.format(NUMBERS, "\\u%04X", (int) c));
      } else {
        cell.append(c);
      }
    }
    String shown = cell.toString();
    return shown.isBlank() ? "(blank)" : shown;
  }
}
