package io.qaexport.adapter.out.plugin;

import io.qaexport.application.port.out.OutputFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What plugin discovery found: the plugin formats by name (each fenced, so a failure inside it
 * names the plugin), the jar each came from, and the problems to tell the user.
 */
public record PluginFormats(
    Map<String, OutputFormat> formats, Map<String, Path> jars, List<String> problems) {
  public PluginFormats {
    formats = Map.copyOf(formats);
    jars = Map.copyOf(jars);
    problems = List.copyOf(problems);
  }
}
