package io.qaexport.adapter.in.cli.report;

import java.util.List;
import java.util.Map;

/**
 * What plugin discovery found: problems to tell the user (a jar that failed to load, a name that
 * clashes), and for each plugin format the jar it came from.
 */
public record PluginReport(List<String> problems, Map<String, String> origins) {
  public static final PluginReport NONE = new PluginReport(List.of(), Map.of());

  public PluginReport {
    problems = List.copyOf(problems);
    origins = Map.copyOf(origins);
  }
}
