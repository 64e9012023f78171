package io.qaexport.bootstrap;

import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin's format, fenced: whatever the plugin throws while writing becomes an I/O failure
 * that names the plugin, so the run stops cleanly and its staged outputs are removed.
 */
final class PluginOutputFormat implements OutputFormat {
  private final OutputFormat plugin;
  private final Path jar;

  PluginOutputFormat(OutputFormat plugin, Path jar) {
    this.plugin = plugin;
    this.jar = jar;
  }

  Path jar() {
    return jar;
  }

  @Override
  public String name() {
    return plugin.name();
  }

  @Override
  public String description() {
    return plugin.description();
  }

  @Override
  public String fileExtension() {
    return plugin.fileExtension();
  }

  @Override
  public String hfBuilderName() {
    return plugin.hfBuilderName();
  }

  @Override
  public Optional<String> refusal(RecordShape shape) {
    return plugin.refusal(shape);
  }

  @Override
  public boolean writesShapeColumns() {
    return plugin.writesShapeColumns();
  }

  @Override
  public Set<String> optionNames() {
    return plugin.optionNames();
  }

  @Override
  public OutputFormat withOptions(Map<String, String> options) {
    return new PluginOutputFormat(plugin.withOptions(options), jar);
  }

  @Override
  public RecordWriter open(Path file, RecordShape shape) throws IOException {
    RecordWriter writer = fenced(() -> plugin.open(file, shape));
    return new RecordWriter() {
      @Override
      public void write(HfRecord record) throws IOException {
        fenced(() -> {
          writer.write(record);
          return null;
        });
      }

      @Override
      public void close() throws IOException {
        fenced(() -> {
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
      throw new IOException("format '" + plugin.name() + "' from plugin " + jar + " failed: "
          + e, e);
    }
  }
}
