package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars the way a plugin author would: compile against the SPI, add the service file.
 */
final class PluginJars {
  static final String SERVICE_FILE =
      "META-INF/services/io.qaexport.application.port.out.OutputFormat";

  private PluginJars() {}

  /** The example chat plugin, compiled from its sources under examples/. */
  static Path chatPlugin(Path workDir, Path jar) throws IOException {
    Path sources = Path.of("..", "examples", "chat-plugin", "src", "main");
    List<Path> javaFiles;
    try (Stream<Path> files = Files.walk(sources.resolve("java"))) {
      javaFiles = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    Path classes = compile(workDir.resolve("chat-classes"), javaFiles);
    String services = Files.readString(sources.resolve("resources").resolve(SERVICE_FILE));
    return jar(jar, classes, services);
  }

  /** A plugin from source text: class name to source, plus what its service file lists. */
  static Path plugin(Path workDir, Path jar, Map<String, String> sources, String services)
      throws IOException {
    Path src = Files.createDirectories(workDir.resolve(jar.getFileName() + "-src"));
    List<Path> javaFiles = new ArrayList<>();
    for (var source : sources.entrySet()) {
      Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      javaFiles.add(Files.writeString(file, source.getValue()));
    }
    Path classes = compile(workDir.resolve(jar.getFileName() + "-classes"), javaFiles);
    return jar(jar, classes, services);
  }

  private static Path compile(Path classes, List<Path> javaFiles) throws IOException {
    Files.createDirectories(classes);
    if (javaFiles.isEmpty()) {
      return classes;
    }
    var args =
        new ArrayList<>(
            List.of(
                "--release",
                "17",
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path")));
    javaFiles.forEach(f -> args.add(f.toString()));
    int result =
        ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
    assertTrue(result == 0, "the plugin compiles");
    return classes;
  }

  private static Path jar(Path jar, Path classes, String services) throws IOException {
    Files.createDirectories(jar.getParent());
    try (var out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(SERVICE_FILE));
      OutputStream entry = out;
      entry.write(services.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
