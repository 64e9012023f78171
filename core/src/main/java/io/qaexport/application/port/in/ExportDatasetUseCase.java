package io.qaexport.application.port.in;

import io.qaexport.application.port.in.failure.ExportException;
import java.nio.file.Path;
import java.util.List;

/** Exports the validation step's pairs as a HuggingFace-ready dataset. */
public interface ExportDatasetUseCase {

  /**
   * Runs the whole export. Outputs appear only when every job succeeded; on any failure no output
   * is created or replaced.
   */
  ExportSummary export(ExportCommand command) throws ExportException;

  /**
   * Refuses, before anything is written, a run in which an output would overwrite an input or
   * another output, compared as files. {@link #export} checks its own outputs; this also checks
   * {@code callerOutputs}, files the caller writes itself (such as a summary).
   */
  void checkOutputs(ExportCommand command, List<Path> callerOutputs) throws ExportException;

  /** The output formats this build knows, by name, in name order. */
  List<FormatInfo> availableFormats();

  /** An output format as {@code --list-formats} shows it. */
  /** A format's name, description, file extension and the options it takes. */
  record FormatInfo(
      String name, String description, String fileExtension, List<String> optionNames) {
    public FormatInfo {
      optionNames = List.copyOf(optionNames);
    }
  }
}
