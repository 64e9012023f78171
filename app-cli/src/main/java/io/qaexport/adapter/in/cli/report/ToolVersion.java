package io.qaexport.adapter.in.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** qa-export's version, as the build stamped it into {@code version.properties}. */
public final class ToolVersion {
  private static final String RESOURCE = "/io/qaexport/bootstrap/version.properties";

  private ToolVersion() {}

  /** The version, e.g. {@code 0.1.0}, or {@code unknown} outside a build. */
  public static String get() {
    var properties = new Properties();
    try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
