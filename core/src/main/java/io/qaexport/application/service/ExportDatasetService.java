package io.qaexport.application.service;

import io.qaexport.application.port.in.CardRequest;
import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportDatasetUseCase;
import io.qaexport.application.port.in.ExportException;
import io.qaexport.application.port.in.ExportIoException;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.UsageException;
import io.qaexport.application.port.out.DatasetCardWriter;
import io.qaexport.application.port.out.InvalidLineLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.DatasetCard;
import io.qaexport.domain.RecordMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Streams each input file through the mapping into the chosen format, staging every output and
 * committing them together only when the whole run succeeded.
 */
public final class ExportDatasetService implements ExportDatasetUseCase {
  static final String ERRORS_SUFFIX = ".errors.jsonl";

  private final QaPairSource source;
  private final Map<String, Supplier<OutputFormat>> formats;
  private final InvalidLineLog.Factory invalidLineLogs;
  private final DatasetCardWriter cardWriter;

  /**
   * @param formats output formats by name; only the chosen one is ever obtained from its supplier
   */
  public ExportDatasetService(
      QaPairSource source,
      Map<String, Supplier<OutputFormat>> formats,
      InvalidLineLog.Factory invalidLineLogs,
      DatasetCardWriter cardWriter) {
    this.source = source;
    this.formats = new TreeMap<>(formats);
    this.invalidLineLogs = invalidLineLogs;
    this.cardWriter = cardWriter;
  }

  @Override
  public List<FormatInfo> availableFormats() {
    List<FormatInfo> infos = new ArrayList<>();
    for (Supplier<OutputFormat> supplier : formats.values()) {
      OutputFormat format = supplier.get();
      infos.add(new FormatInfo(format.name(), format.description(), format.fileExtension()));
    }
    infos.sort(Comparator.comparing(FormatInfo::name));
    return infos;
  }

  @Override
  public ExportSummary export(ExportCommand command) throws ExportException {
    Supplier<OutputFormat> chosen = formats.get(command.formatName());
    if (chosen == null) {
      throw new UsageException(
          "unknown format '" + command.formatName() + "'; available: "
              + String.join(", ", formats.keySet()) + " (see --list-formats)");
    }
    for (ExportJob job : command.jobs()) {
      if (!Files.exists(job.input())) {
        throw new UsageException(job.input() + ": no such file");
      }
    }
    OutputFormat format = configured(chosen.get(), command.formatOptions());
    List<String> notes = new ArrayList<>();
    List<ExportJob> jobs = new ArrayList<>();
    for (ExportJob job : command.jobs()) {
      Optional<String> refusal = format.refusal(job.shape());
      if (refusal.isPresent()) {
        notes.add(job.input() + " was not exported: " + refusal.get());
      } else {
        jobs.add(job);
      }
    }
    if (jobs.isEmpty()) {
      throw new UsageException("format '" + format.name() + "' exports none of the inputs: "
          + String.join("; ", notes));
    }
    long started = System.nanoTime();
    Path outputDir = command.outputDir();
    boolean createdOutputDir = !Files.exists(outputDir);
    prepareOutputDirectory(outputDir);
    List<FileSummary> files = new ArrayList<>();
    Optional<Path> datasetCard = Optional.empty();
    boolean committed = false;
    try (StagedOutputs staging = new StagedOutputs()) {
      for (ExportJob job : jobs) {
        files.add(exportFile(job, format, command, staging));
      }
      if (command.datasetCard().isPresent() && files.stream().allMatch(f -> f.exported() == 0)) {
        notes.add("no dataset card was written: no records were exported, and datasets cannot"
            + " load an empty split");
      } else if (command.datasetCard().isPresent() && !format.writesShapeColumns()) {
        notes.add("no dataset card was written: format '" + format.name() + "' has its own row"
            + " layout, whose features the card cannot declare");
      } else if (command.datasetCard().isPresent()) {
        datasetCard =
            stageCard(command.datasetCard().get(), files, format, command, staging, notes);
      }
      try {
        staging.commit();
        committed = true;
      } catch (IOException e) {
        throw ioFailure("cannot move the outputs into place in " + outputDir, e);
      }
    } finally {
      if (!committed && createdOutputDir) {
        // A failed run leaves nothing behind, not even the directory it made (if still empty).
        try {
          Files.deleteIfExists(outputDir);
        } catch (IOException notEmptyOrGone) {
          // Something else is in it now: leave it.
        }
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new ExportSummary(files, format.name(), format.hfBuilderName(), outputDir, elapsed,
        datasetCard, notes);
  }

  private static OutputFormat configured(OutputFormat format, Map<String, String> options)
      throws UsageException {
    for (String option : options.keySet()) {
      if (!format.optionNames().contains(option)) {
        throw new UsageException("format '" + format.name() + "' takes no option '" + option
            + "'" + (format.optionNames().isEmpty() ? ""
                : "; it takes " + String.join(", ", format.optionNames().stream().sorted()
                    .toList())));
      }
    }
    if (options.isEmpty()) {
      return format;
    }
    try {
      return format.withOptions(options);
    } catch (IllegalArgumentException e) {
      throw new UsageException("format '" + format.name() + "': " + e.getMessage());
    }
  }

  /**
   * Stages the dataset card, unless a README that qa-export did not write is in the way: that
   * one is never replaced; the user is told and the card is left out.
   */
  private Optional<Path> stageCard(CardRequest request, List<FileSummary> files,
      OutputFormat format, ExportCommand command, StagedOutputs staging, List<String> notes)
      throws ExportException {
    Path cardFile = request.file();
    for (FileSummary file : files) {
      for (Path taken : List.of(file.input(), file.output(), errorsPath(file.output()))) {
        if (sameFile(cardFile, taken)) {
          throw new UsageException("the dataset card " + cardFile + " would overwrite " + taken
              + "; name another path with --dataset-card");
        }
      }
    }
    try {
      if (Files.exists(cardFile) && !cardWriter.isGeneratedCard(cardFile)) {
        command.progress().warning(cardFile + " exists and was not written by qa-export; it is"
            + " left as it is and no dataset card was written (use --dataset-card PATH to"
            + " write it elsewhere, or --no-dataset-card)");
        return Optional.empty();
      }
      Path cardDir = cardFile.toAbsolutePath().getParent();
      List<DatasetCard.Config> configs = new ArrayList<>();
      for (FileSummary file : files) {
        if (file.exported() == 0) {
          notes.add("the dataset card has no config for " + file.input().getFileName()
              + ": it yielded no records, and datasets cannot load an empty split");
          continue;
        }
        String relative = cardDir.relativize(file.output().toAbsolutePath()).toString()
            .replace(java.io.File.separatorChar, '/');
        configs.add(new DatasetCard.Config(
            file.shape().hasFailureReason() ? "rejected" : "default", file.shape(), relative,
            file.input().getFileName().toString(), file.exported(), file.personas(),
            file.scores(), file.defaultsApplied()));
      }
      var card = new DatasetCard(request.prettyName(), request.license(), format.name(),
          format.hfBuilderName(), configs);
      Files.createDirectories(cardDir);
      cardWriter.write(staging.stage(cardFile), card);
      return Optional.of(cardFile);
    } catch (IOException e) {
      throw ioFailure("cannot write the dataset card " + cardFile, e);
    }
  }

  private FileSummary exportFile(
      ExportJob job, OutputFormat format, ExportCommand command, StagedOutputs staging)
      throws ExportException {
    Path output = command.outputDir().resolve(job.outputBaseName() + "." + format.fileExtension());
    Path errorsPath = errorsPath(output);
    long size = sizeOrUnknown(job.input());
    command.progress().fileStarted(job.input(), size);
    Path temporary;
    try {
      temporary = staging.stage(output);
    } catch (IOException e) {
      throw ioFailure("cannot write to " + command.outputDir(), e);
    }
    var mapper = new RecordMapper(command.strict());
    FileExport fileExport;
    try (RecordWriter writer = new AsyncRecordWriter(openWriter(format, temporary, job, output))) {
      InvalidLineSink invalidLines =
          command.errorPolicy() == ErrorPolicy.SKIP
              ? new InvalidLineSink.Logging(() -> invalidLineLogs.open(staging.stage(errorsPath)))
              : new InvalidLineSink.Failing(job.input());
      fileExport =
          new FileExport(job.shape(), mapper, writer, invalidLines, command.progress());
      try (invalidLines) {
        try {
          source.read(job.input(), fileExport);
        } catch (NoSuchFileException e) {
          throw new UsageException(job.input() + ": no such file");
        } catch (IOException e) {
          // Writes fail unchecked (below), so a checked failure here is the reader's.
          throw ioFailure("cannot read " + job.input(), e);
        }
      } catch (IOException e) {
        // All the body's I/O failures became export failures: this is the log's close.
        throw ioFailure("cannot write " + errorsPath, e);
      }
    } catch (InvalidLineSink.Stop stop) {
      throw stop.failure();
    } catch (InvalidLineSink.LogFailure e) {
      throw ioFailure("cannot write " + errorsPath, e.getCause());
    } catch (UncheckedIOException e) {
      throw ioFailure("cannot write " + output, e.getCause());
    } catch (IOException e) {
      // The output's writer reports failures of its thread and of its close here.
      throw ioFailure("cannot write " + output, e);
    }
    if (fileExport.skipped() == 0) {
      // A log from an earlier run would describe other data: it goes when these outputs land.
      staging.removeOnCommit(errorsPath);
    }
    if (fileExport.linesRead() == 0) {
      command.progress().warning(job.input() + " is empty: it holds no records");
    }
    command.progress().fileFinished(job.input());
    long outputBytes;
    try {
      outputBytes = Files.size(temporary);
    } catch (IOException e) {
      throw ioFailure("cannot read back " + output, e);
    }
    return new FileSummary(
        job.input(),
        job.shape(),
        output,
        fileExport.linesRead(),
        fileExport.exported(),
        fileExport.skipped(),
        fileExport.blankLines(),
        fileExport.defaults().nonZero(),
        fileExport.skipped() > 0 ? Optional.of(errorsPath) : Optional.empty(),
        outputBytes,
        fileExport.statistics().personaCounts(),
        fileExport.statistics().scores());
  }

  static Path errorsPath(Path output) {
    return output.resolveSibling(output.getFileName() + ERRORS_SUFFIX);
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static RecordWriter openWriter(
      OutputFormat format, Path temporary, ExportJob job, Path output) throws ExportIoException {
    RecordWriter opened;
    try {
      opened = format.open(temporary, job.shape());
    } catch (IOException e) {
      throw ioFailure("cannot write " + output, e);
    }
    // A failure to close (the last flush, e.g. on a full disk) is a write failure too; unchecked,
    // so it is reported like one and not as "cannot read the input or write the output".
    return new RecordWriter() {
      @Override
      public void write(HfRecord record) throws IOException {
        opened.write(record);
      }

      @Override
      public void close() {
        try {
          opened.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static void prepareOutputDirectory(Path outputDir) throws ExportIoException {
    try {
      Files.createDirectories(outputDir);
      StagedOutputs.removeLeftovers(outputDir);
    } catch (IOException e) {
      throw ioFailure("cannot create or use output directory " + outputDir, e);
    }
    if (!Files.isWritable(outputDir)) {
      throw new ExportIoException(
          "cannot write to output directory " + outputDir + ": permission denied", null);
    }
  }

  private static long sizeOrUnknown(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  static ExportIoException ioFailure(String what, IOException cause) {
    String detail = cause.getMessage();
    if (cause instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      detail = fse.getReason();
    }
    return new ExportIoException(what + ": " + (detail == null ? cause.toString() : detail), cause);
  }
}
