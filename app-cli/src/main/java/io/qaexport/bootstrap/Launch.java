package io.qaexport.bootstrap;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What the launcher tells the program besides its arguments, read once where the JVM starts: the
 * run itself reads no system property or environment variable.
 *
 * @param stderrIsTerminal the launcher's {@code [ -t 2 ]}: the JDK cannot tell
 * @param terminalWidth the terminal's width, if a launcher gives it; else asked when needed
 * @param pluginDir the plugin directory used without {@code --plugin-dir}
 * @param jitAuto the JVM runs C1 alone and may restart on C2 for a run that needs it ({@link
 *     JitChoice})
 * @param c1BelowBytes input at and above this many bytes restarts on C2
 * @param restartedBy the process that restarted this one, which it must not outlive
 * @param optionsVariable the first of the variables that give every JVM options, if one is set
 */
record Launch(
    boolean stderrIsTerminal,
    String terminalWidth,
    Optional<Path> pluginDir,
    boolean jitAuto,
    long c1BelowBytes,
    OptionalLong restartedBy,
    Optional<String> optionsVariable) {
  static final String STDERR_IS_TERMINAL = "qa-export.stderr-is-terminal";
  static final String TERMINAL_WIDTH = "qa-export.terminal-width";
  static final String PLUGIN_DIR = "qa-export.plugin-dir";

  /** {@code auto}: set by the launchers beside {@code -XX:TieredStopAtLevel=1}. */
  static final String JIT = "qa-export.jit";

  static final String RESTARTED_BY = "qa-export.restarted-by";
  static final String C1_BELOW_VARIABLE = "QA_EXPORT_C1_BELOW";

  static Launch of(Properties properties, Map<String, String> environment) {
    return new Launch(
        Boolean.parseBoolean(properties.getProperty(STDERR_IS_TERMINAL)),
        properties.getProperty(TERMINAL_WIDTH),
        Optional.ofNullable(properties.getProperty(PLUGIN_DIR)).map(Path::of),
        "auto".equals(properties.getProperty(JIT)),
        c1Below(environment.get(C1_BELOW_VARIABLE)),
        pid(properties.getProperty(RESTARTED_BY)),
        Stream.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")
            .filter(environment::containsKey)
            .findFirst());
  }

  /** This JVM's. */
  static Launch ofThisJvm() {
    return of(System.getProperties(), System.getenv());
  }

  /** A limit that is no number of bytes is ignored, as the launcher always did. */
  private static long c1Below(String text) {
    if (text != null && text.matches("[0-9]{1,18}")) {
      return Long.parseLong(text);
    }
    return JitChoice.DEFAULT_C1_BELOW_BYTES;
  }

  private static OptionalLong pid(String text) {
    return text != null && text.matches("[0-9]{1,18}")
        ? OptionalLong.of(Long.parseLong(text))
        : OptionalLong.empty();
  }
}
