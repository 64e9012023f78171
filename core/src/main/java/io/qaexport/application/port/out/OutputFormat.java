package io.qaexport.application.port.out;

import io.qaexport.domain.RecordShape;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An output format: the SPI that every format adapter implements.
 *
 * <p>A format gets a file to write and the record shape; it must write only that file. The
 * export use case picks the file (a temporary one in the output directory) and moves it into
 * place atomically once the whole run has succeeded, so a format needs no atomicity of its own.
 */
public interface OutputFormat {

  /** The name users pass to {@code --format}, e.g. {@code jsonl}. */
  String name();

  /** One line for {@code --list-formats}. */
  String description();

  /** The file name extension without the dot, e.g. {@code jsonl}. */
  String fileExtension();

  /** The format HuggingFace {@code load_dataset} takes for these files, e.g. {@code json}. */
  String hfBuilderName();

  RecordWriter open(Path file, RecordShape shape) throws IOException;
}
