package io.qaexport.adapter.in.cli;

import io.qaexport.adapter.in.cli.CliOptions.FormatArgument;
import io.qaexport.adapter.in.cli.flag.CliUsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the parsed options leave to the file system and the launcher: whether the rejected file is
 * beside the passed one, whether {@code --plugin-dir} exists, the files that hold option values,
 * and the launcher's plugin directory.
 */
public final class InputResolver {
  private final Optional<Path> launcherPluginDir;

  /**
   * @param launcherPluginDir the plugin directory used without {@code --plugin-dir}
   */
  public InputResolver(Optional<Path> launcherPluginDir) {
    this.launcherPluginDir = launcherPluginDir;
  }

  public ResolvedOptions resolve(CliOptions options) throws CliUsageException {
    CliOptions.Inputs inputs = options.inputs();
    boolean passedIsStream = isStream(inputs.passed());
    if (inputs.passedNamed()
        && Files.exists(inputs.passed())
        && !Files.isDirectory(inputs.directory())) {
      // --input-dir with --passed: where the rejected file is looked for and the outputs go by
      // default; a misspelt one must not be made the output directory.
      throw new CliUsageException(
          "--input-dir "
              + inputs.directory()
              + ": no such directory (with --passed it is where "
              + CliSyntax.REJECTED_FILE
              + " is looked for)");
    }
    if (passedIsStream && outputsGoBesideThePassedFile(options)) {
      throw new CliUsageException(
          "--passed "
              + inputs.passed()
              + " is stdin, a pipe or a device:"
              + " there is no directory beside it to write to; name one with --output-dir");
    }
    // A stream has nothing beside it: the rejected pairs are read only when named.
    Optional<Path> rejected =
        inputs
            .rejected()
            .or(
                () ->
                    passedIsStream
                        ? Optional.empty()
                        : Optional.of(inputs.rejectedBeside()).filter(Files::exists));
    Optional<Path> pluginDir = pluginDir(options.pluginDir());
    List<FormatOption> formatOptions = new ArrayList<>();
    for (FormatArgument argument : options.format().arguments()) {
      formatOptions.add(new FormatOption(argument.flag(), argument.option(), value(argument)));
    }
    return new ResolvedOptions(options, rejected, formatOptions, pluginDir);
  }

  /**
   * Whether {@code input} is read as a stream, not a file in a directory: stdin ({@code -}), a
   * named pipe, {@code /dev/fd/N} or another device (even when it leads to a regular file).
   */
  static boolean isStream(Path input) {
    if (!Files.exists(input)) {
      return false;
    }
    Path absolute = input.toAbsolutePath().normalize();
    return !Files.isRegularFile(input)
        || absolute.startsWith("/dev")
        || absolute.startsWith("/proc");
  }

  private static boolean outputsGoBesideThePassedFile(CliOptions options) {
    Path passed = options.inputs().passed();
    Path beside = passed.getParent() == null ? Path.of(".") : passed.getParent();
    return options.inputs().passedNamed()
        && options.outputDir().equals(beside)
        && options.inputs().directory().equals(beside);
  }

  /** The named plugin directory, which must exist, else the launcher's (which need not). */
  public Optional<Path> pluginDir(Optional<Path> named) throws CliUsageException {
    if (named.isPresent()) {
      if (!Files.isDirectory(named.get())) {
        throw new CliUsageException("--plugin-dir " + named.get() + ": no such directory");
      }
      return named;
    }
    return launcherPluginDir;
  }

  /** The longest value {@code NAME=@FILE} reads. */
  static final int MAX_FILE_VALUE_BYTES = 1 << 20;

  private static String value(FormatArgument argument) throws CliUsageException {
    if (!argument.readsFile()) {
      return argument.value();
    }
    Path file = Path.of(argument.value());
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // Bounded: a value is a prompt or a template, and @/dev/zero must not fill the memory.
      bytes = in.readNBytes(MAX_FILE_VALUE_BYTES + 1);
    } catch (IOException e) {
      throw new CliUsageException(
          "--"
              + argument.flag()
              + " "
              + file
              + ": cannot read it ("
              + e.getClass().getSimpleName()
              + ")");
    }
    String prefix = "--" + argument.flag() + " " + file + ": ";
    if (bytes.length > MAX_FILE_VALUE_BYTES) {
      throw new CliUsageException(prefix + "longer than 1 MiB, more than an option's value");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().strip();
    } catch (CharacterCodingException e) {
      throw new CliUsageException(prefix + "not UTF-8 text");
    }
  }
}
