package io.qaexport.adapter.out.plugin;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.card.Feature;
import io.qaexport.domain.card.HubTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A plugin's format, fenced: whatever the plugin throws while writing becomes an I/O failure that
 * names the plugin, so the run stops cleanly and its staged outputs are removed.
 */
final class PluginOutputFormat implements OutputFormat {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final OutputFormat plugin;
  private final Path jar;
  // Read once, when the jar is loaded: a plugin that fails here fails to load, not mid-run.
  private final String name;
  private final String description;
  private final String fileExtension;
  private final String hfBuilderName;
  private final Map<RecordShape, Optional<String>> refusals = new HashMap<>();
  private final boolean writesShapeColumns;
  private final Map<RecordShape, Optional<List<Feature>>> features = new HashMap<>();
  private final Map<RecordShape, Integer> extraBytesPerRow = new HashMap<>();
  private final HubTask hubTask;
  private final Set<String> optionNames;

  /**
   * @throws IllegalArgumentException when the plugin's name or extension is not safe to use
   */
  PluginOutputFormat(OutputFormat plugin, Path jar) {
    this.plugin = plugin;
    this.jar = jar;
    this.name = safe(plugin.name(), "name");
    this.description = String.valueOf(plugin.description());
    this.fileExtension = safe(plugin.fileExtension(), "file extension");
    this.hfBuilderName = String.valueOf(plugin.hfBuilderName());
    for (RecordShape shape : RecordShape.exported()) {
      refusals.put(shape, plugin.refusal(shape));
    }
    this.writesShapeColumns = plugin.writesShapeColumns();
    for (RecordShape shape : RecordShape.exported()) {
      features.put(shape, plugin.features(shape).map(List::copyOf));
      extraBytesPerRow.put(shape, Math.max(0, plugin.extraBytesPerRow(shape)));
    }
    this.hubTask = Objects.requireNonNull(plugin.hubTask(), "hubTask");
    this.optionNames = Set.copyOf(plugin.optionNames());
  }

  /** Names and extensions become file names: no separators, no "..", nothing hidden. */
  private static String safe(String value, String what) {
    if (value == null || !SAFE_NAME.matcher(value).matches() || value.contains("..")) {
      throw new IllegalArgumentException(
          "its "
              + what
              + " '"
              + value
              + "' is not usable"
              + " (letters, digits, '.', '_', '-' only)");
    }
    return value;
  }

  Path jar() {
    return jar;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String fileExtension() {
    return fileExtension;
  }

  @Override
  public String hfBuilderName() {
    return hfBuilderName;
  }

  @Override
  public Optional<String> refusal(RecordShape shape) {
    // Read at load for the export's shapes; any other shape (a test's) asks the plugin.
    Optional<String> known = refusals.get(shape);
    return known != null ? known : plugin.refusal(shape);
  }

  @Override
  public boolean writesShapeColumns() {
    return writesShapeColumns;
  }

  @Override
  public Optional<List<Feature>> features(RecordShape shape) {
    Optional<List<Feature>> known = features.get(shape);
    return known != null ? known : plugin.features(shape);
  }

  @Override
  public int extraBytesPerRow(RecordShape shape) {
    Integer known = extraBytesPerRow.get(shape);
    return known != null ? known : Math.max(0, plugin.extraBytesPerRow(shape));
  }

  @Override
  public HubTask hubTask() {
    return hubTask;
  }

  @Override
  public Set<String> optionNames() {
    return optionNames;
  }

  @Override
  public OutputFormat withOptions(Map<String, String> options) {
    try {
      return new PluginOutputFormat(plugin.withOptions(options), jar);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalArgumentException("plugin " + jar + " failed to take the options: " + e, e);
    }
  }

  @Override
  public RecordWriter open(Path file, RecordShape shape) throws IOException {
    RecordWriter writer = fenced(() -> plugin.open(file, shape));
    return new RecordWriter() {
      @Override
      public void write(HfRecord record) throws IOException {
        fenced(
            () -> {
              writer.write(record);
              return null;
            });
      }

      @Override
      public void close() throws IOException {
        fenced(
            () -> {
              writer.close();
              return null;
            });
      }
    };
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private <T> T fenced(IoCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (RuntimeException | LinkageError e) {
      throw new IOException(
          "format '" + plugin.name() + "' from plugin " + jar + " failed: " + e, e);
    }
  }
}
