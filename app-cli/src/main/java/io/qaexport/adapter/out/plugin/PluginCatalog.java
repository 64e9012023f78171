package io.qaexport.adapter.out.plugin;

import io.qaexport.application.port.out.OutputFormat;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Output formats from plugin jars: every {@code *.jar} in the plugin directory gets its own class
 * loader, and the {@link OutputFormat}s it registers with {@link ServiceLoader} join the built-in
 * ones. A jar that fails to load, or a name already taken, is reported and left out; built-in
 * formats always win.
 */
final class PluginCatalog {
  private final Map<String, PluginOutputFormat> formats = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();

  static PluginCatalog discover(Optional<Path> directory, Set<String> builtInNames) {
    var catalog = new PluginCatalog();
    if (directory.isPresent() && Files.isDirectory(directory.get())) {
      for (Path jar : jars(directory.get(), catalog.problems)) {
        catalog.load(jar, builtInNames);
      }
    }
    return catalog;
  }

  private static List<Path> jars(Path directory, List<String> problems) {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
      entries.forEach(jars::add);
    } catch (IOException e) {
      problems.add("cannot read plugin directory " + directory + ": " + e.getMessage());
    }
    jars.sort(null);
    return jars;
  }

  private void load(Path jar, Set<String> builtInNames) {
    // A class loader reads a file that is not a zip as an empty jar, so say what it is here.
    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
      zip.size();
    } catch (IOException e) {
      problems.add(
          "plugin " + jar + " is not a jar (a zip file) and is ignored: " + e.getMessage());
      return;
    }
    URLClassLoader loader;
    try {
      loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, PluginCatalog.class.getClassLoader());
    } catch (MalformedURLException e) {
      problems.add("plugin " + jar + " cannot be opened: " + e.getMessage());
      return;
    }
    // All of a jar's formats, or none: half a plugin is harder to reason about than none.
    List<PluginOutputFormat> found = new ArrayList<>();
    try {
      for (ServiceLoader.Provider<OutputFormat> provider :
          ServiceLoader.load(OutputFormat.class, loader).stream().toList()) {
        if (provider.type().getClassLoader() != loader) {
          continue; // found through the parent: a built-in, not this jar's
        }
        found.add(new PluginOutputFormat(provider.get(), jar));
      }
    } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
      problems.add("plugin " + jar + " failed to load and is ignored: " + e);
      return;
    }
    found.forEach(format -> add(format, builtInNames));
    if (found.isEmpty()) {
      problems.add(
          "plugin "
              + jar
              + " registers no output format (it needs"
              + " META-INF/services/"
              + OutputFormat.class.getName()
              + ")");
    }
  }

  private void add(PluginOutputFormat format, Set<String> builtInNames) {
    String name = format.name();
    if (builtInNames.contains(name)) {
      problems.add(
          "plugin "
              + format.jar()
              + " offers format '"
              + name
              + "', which is built in;"
              + " the built-in one is used");
    } else if (formats.containsKey(name)) {
      problems.add(
          "plugin "
              + format.jar()
              + " offers format '"
              + name
              + "', which "
              + formats.get(name).jar()
              + " already offers; the first one is used");
    } else {
      formats.put(name, format);
    }
  }

  Map<String, PluginOutputFormat> formats() {
    return formats;
  }

  List<String> problems() {
    return problems;
  }
}
