package io.qaexport.adapter.in.cli.flag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;

/**
 * One command-line flag, typed: its name, its value's name ({@code null} for a switch), its help,
 * its default, and how its text becomes a value (each reader says what is wrong with a text). The
 * parser only assembles values; every rule about one flag's value lives in its reader.
 *
 * @param defaultText the value's text when the flag is not given; {@code null}: no default
 * @param formatOption the output-format option the flag sets, if any
 * @param stageSetting the {@link io.qaexport.application.port.in.StageSettings} name the flag sets,
 *     if any: how a stage's flag reaches its stage with nothing in between naming it
 */
public record Flag<T>(
    String name,
    String argName,
    String description,
    String defaultText,
    Reader<T> reader,
    Optional<String> formatOption,
    Optional<String> shortName,
    Optional<String> stageSetting) {

  /** Reads a flag's text as its value, or says why it cannot. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(String flag, String text) throws CliUsageException;
  }

  static <T> Flag<T> valued(String name, String argName, String description, Reader<T> reader) {
    return new Flag<>(
        name,
        argName,
        description,
        null,
        reader,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** {@code --name VALUE} sets the stage setting {@code name} (a stage's own flag). */
  public static <T> Flag<T> stageSetting(
      String name, String argName, String description, Reader<T> reader) {
    return new Flag<>(
        name,
        argName,
        description,
        null,
        reader,
        Optional.empty(),
        Optional.empty(),
        Optional.of(name));
  }

  static Flag<Boolean> toggle(String name, String description) {
    return new Flag<>(
        name,
        null,
        description,
        null,
        (flag, text) -> true,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** {@code --name VALUE} gives the format the option {@code option}. */
  static Flag<String> formatOption(String name, String argName, String option, String description) {
    return new Flag<>(
        name,
        argName,
        description,
        null,
        FlagValues::text,
        Optional.of(option),
        Optional.empty(),
        Optional.empty());
  }

  Flag<T> withDefault(String text) {
    return new Flag<>(
        name, argName, description, text, reader, formatOption, shortName, stageSetting);
  }

  /** This flag, also spelt {@code -letter}. */
  Flag<T> alsoShort(String letter) {
    return new Flag<>(
        name,
        argName,
        description,
        defaultText,
        reader,
        formatOption,
        Optional.of(letter),
        stageSetting);
  }

  public boolean given(CommandLine line) {
    return line.hasOption(name);
  }

  /**
   * The value of the last occurrence (as with GNU tools, an alias or a script's default is
   * overridden by appending), else the default's; {@code null} if neither.
   */
  public T value(CommandLine line) throws CliUsageException {
    String text = text(line);
    return text == null ? null : reader.read(name, text);
  }

  /** The last occurrence's value; empty when the flag is not given, whatever its default. */
  public Optional<T> optional(CommandLine line) throws CliUsageException {
    return given(line) ? Optional.of(reader.read(name, text(line))) : Optional.empty();
  }

  /** Every occurrence's value, in order (a repeatable flag). */
  public List<T> values(CommandLine line) throws CliUsageException {
    String[] texts = line.getOptionValues(name);
    List<T> values = new ArrayList<>();
    for (String text : texts == null ? new String[0] : texts) {
      values.add(reader.read(name, text));
    }
    return values;
  }

  /** The last occurrence's text, else the default; {@code null} if neither. */
  public String text(CommandLine line) {
    String[] values = line.getOptionValues(name);
    return values == null || values.length == 0 ? defaultText : values[values.length - 1];
  }

  /** {@code --name}, as messages spell it. */
  public String dashed() {
    return "--" + name;
  }
}
