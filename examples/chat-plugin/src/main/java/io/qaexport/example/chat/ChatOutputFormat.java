package io.qaexport.example.chat;

import io.qaexport.application.port.out.FormatOptionException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.card.Feature;
import io.qaexport.domain.card.HubTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conversational JSON Lines for supervised fine-tuning with TRL: each passed pair becomes {@code
 * {"messages": [{"role": "user", ...}, {"role": "assistant", ...}], "source", "persona",
 * "validation_score"}}, optionally after a {@code system} message.
 */
public final class ChatOutputFormat implements OutputFormat {
  static final String SYSTEM_PROMPT = "system_prompt";
  private static final String MESSAGES = "messages";

  private final String systemPrompt;

  /** The form {@link java.util.ServiceLoader} builds: no system message. */
  public ChatOutputFormat() {
    this(null);
  }

  private ChatOutputFormat(String systemPrompt) {
    this.systemPrompt = systemPrompt;
  }

  @Override
  public String name() {
    return "chat";
  }

  @Override
  public String description() {
    return "TRL conversational JSONL (messages: user, assistant) for fine-tuning;"
        + " passed pairs only; option system_prompt adds a system message";
  }

  @Override
  public String fileExtension() {
    return "chat.jsonl";
  }

  @Override
  public String hfBuilderName() {
    return "json";
  }

  /**
   * The messages' keys and roles, a row's other keys and, when given, the system message, which
   * every row repeats: far more than the pair's own text when the prompt is long.
   */
  @Override
  public int extraBytesPerRow(RecordShape shape) {
    int wrapper = 120;
    if (systemPrompt == null) {
      return wrapper;
    }
    var message = new StringBuilder();
    Json.string(message, systemPrompt);
    long bytes = wrapper + 32 + message.toString().getBytes(StandardCharsets.UTF_8).length;
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }

  @Override
  public Optional<String> refusal(RecordShape shape) {
    if (shape.hasFailureReason()) {
      return Optional.of(
          "the chat format takes passed pairs only (a model must not be trained on"
              + " rejected pairs)");
    }
    if (shape.column(MESSAGES).isPresent()) {
      return Optional.of(
          "the chat format's rows have a column '"
              + MESSAGES
              + "' already: keep the input field under another name (NAME=PATH)");
    }
    return Optional.empty();
  }

  @Override
  public boolean writesShapeColumns() {
    return false;
  }

  /**
   * What each row holds, so the dataset card can declare it and {@code load_dataset(dir)} works.
   */
  @Override
  public Optional<List<Feature>> features(RecordShape shape) {
    if (refusal(shape).isPresent()) {
      return Optional.empty();
    }
    List<Feature> features =
        new ArrayList<>(
            List.of(
                new Feature.ListOf(
                    MESSAGES,
                    List.of(
                        new Feature.Value("role", "string"),
                        new Feature.Value("content", "string"))),
                new Feature.Value(RecordShape.SOURCE.name(), "string"),
                new Feature.Value(RecordShape.PERSONA.name(), "string"),
                new Feature.Value(RecordShape.VALIDATION_SCORE.name(), "float64")));
    // The kept columns as the shape declares them, after the score.
    List<Feature> shapeFeatures = Feature.of(shape);
    features.addAll(
        shapeFeatures.subList(
            shapeFeatures.size() - shape.keptColumns().size(), shapeFeatures.size()));
    return Optional.of(features);
  }

  /** Conversations to fine-tune a model on. */
  @Override
  public HubTask hubTask() {
    return HubTask.TEXT_GENERATION;
  }

  @Override
  public Set<String> optionNames() {
    return Set.of(SYSTEM_PROMPT);
  }

  @Override
  public OutputFormat withOptions(Map<String, String> options) {
    String prompt = options.get(SYSTEM_PROMPT);
    if (prompt != null && prompt.isBlank()) {
      throw new FormatOptionException(SYSTEM_PROMPT, "is empty: give the system message's text");
    }
    return new ChatOutputFormat(prompt);
  }

  @Override
  public RecordWriter open(Path file, RecordShape shape) throws IOException {
    return new ChatRecordWriter(file, Optional.ofNullable(systemPrompt), shape.keptColumns());
  }
}
