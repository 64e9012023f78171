package io.qaexport.application.port.out;

import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.card.Feature;
import io.qaexport.domain.card.HubTask;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An output format: the SPI that every format implements, built in (a Dagger module contributes it
 * to the format map) or as a plugin jar (registered for {@link java.util.ServiceLoader} in {@code
 * META-INF/services/io.qaexport.application.port.out.OutputFormat}).
 *
 * <p>What a format gets: in {@link #open}, the file to write and the shape of the records it will
 * receive ({@link RecordShape#columns()}); the file's base name and directory are the export's
 * (e.g. {@code out/qa_pairs} + {@code .} + {@link #fileExtension()}). What it must do: write that
 * one file and nothing else, and finish it in {@link RecordWriter#close()}. The export use case
 * gives it a temporary file in the output directory and moves it into place only once the whole run
 * has succeeded, so a format needs no atomicity of its own; if it throws, its file is deleted and
 * no output of the run appears.
 */
public interface OutputFormat {

  /** The name users pass to {@code --format}, e.g. {@code jsonl}. */
  String name();

  /** One line for {@code --list-formats}. */
  String description();

  /** The file name extension without the dot, e.g. {@code jsonl}. */
  String fileExtension();

  /** The builder HuggingFace {@code load_dataset} takes for these files, e.g. {@code json}. */
  String hfBuilderName();

  RecordWriter open(Path file, RecordShape shape) throws IOException;

  /**
   * {@code file} (the staged one {@link #open} gets, empty, or a new one) opened for writing from
   * its start, as a format should open it. Not with TRUNCATE_EXISTING: ext4 takes a truncated file
   * for one being replaced and starts writing it to disk on close, which held a run 35-80 ms per
   * output; a file that is not empty is emptied. A symbolic link is refused, never followed: the
   * output directory may be shared, and a link planted there must not be written through.
   */
  static FileChannel openForWriting(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.WRITE, StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS);
    try {
      if (channel.size() > 0) {
        channel.truncate(0);
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return channel;
  }

  /**
   * Why this format does not export records of {@code shape}, or empty if it does. Refused inputs
   * are not read; the run summary says why.
   */
  default Optional<String> refusal(RecordShape shape) {
    return Optional.empty();
  }

  /**
   * Whether each row holds exactly the shape's columns. A format with its own layout says false and
   * describes its rows in {@link #features}; if it does not, it gets no card.
   */
  default boolean writesShapeColumns() {
    return true;
  }

  /**
   * The features of the rows this format writes for records of {@code shape}, as the dataset card
   * declares them so that {@code load_dataset(dir)} restores them exactly; empty when they cannot
   * be declared (then no card is written). By default the shape's columns, when the format writes
   * them ({@link #writesShapeColumns()}).
   */
  default Optional<List<Feature>> features(RecordShape shape) {
    return writesShapeColumns() ? Optional.of(Feature.of(shape)) : Optional.empty();
  }

  /**
   * The bytes each row of this format holds beyond what {@link HfRecord#estimatedBytes()} counts (a
   * text every row repeats, say), so that shards are sized to {@code --max-shard-size}: with any, a
   * file's shards are sized by a first pass however small the input. None by default.
   */
  default int extraBytesPerRow(RecordShape shape) {
    return 0;
  }

  /** The Hub task the rows serve, for the card's {@code task_categories} and {@code task_ids}. */
  default HubTask hubTask() {
    return HubTask.QUESTION_ANSWERING;
  }

  /** The options this format takes, by name (e.g. {@code system_prompt}). */
  default Set<String> optionNames() {
    return Set.of();
  }

  /**
   * This format with the given options applied; called only with names from {@link #optionNames()}.
   *
   * @throws IllegalArgumentException when a value is not acceptable
   */
  default OutputFormat withOptions(Map<String, String> options) {
    return this;
  }
}
