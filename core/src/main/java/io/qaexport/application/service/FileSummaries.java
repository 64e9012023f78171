package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.Notice;
import io.qaexport.application.port.in.StageCount;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.application.service.files.DatasetFiles;
import io.qaexport.application.service.files.InvalidLines;
import io.qaexport.domain.Column;
import java.util.List;
import java.util.Optional;

/** What an export did with one input and its output, once the output is complete. */
final class FileSummaries {
  private final ExportCommand command;
  private final OutputTransaction outputs;

  FileSummaries(ExportCommand command, OutputTransaction outputs) {
    this.command = command;
    this.outputs = outputs;
  }

  /** What one input's reading counted, besides the invalid lines and the defaults. */
  record LinesRead(long total, long blank) {}

  /**
   * @param outputBytes the complete output's size
   * @param moved the output's rows another input's stage moved here
   */
  FileSummary of(
      ExportJob job,
      DatasetFiles output,
      long outputBytes,
      LinesRead lines,
      InvalidLines invalid,
      List<StageCount> stages,
      long moved) {
    var curation = curation(command.trainingSet(), stages, moved, output);
    if (invalid.count() == 0) {
      // A log from an earlier run would describe other data: it goes when these outputs land.
      outputs.removeOnCommit(invalid.logPath());
    }
    if (lines.total() == lines.blank()) {
      command.progress().notice(new Notice.EmptyInput(job.input(), lines.blank()));
    }
    command.progress().fileFinished(job.input());
    List<Column.Kept> kept = job.shape().keptColumns();
    List<Long> keptNulls = output.statistics().keptNulls();
    for (int i = 0; i < keptNulls.size(); i++) {
      if (keptNulls.get(i) == output.statistics().records()) {
        command
            .progress()
            .notice(
                new Notice.KeptColumnAlwaysNull(
                    job.input(), kept.get(i).name(), kept.get(i).path()));
      }
    }
    long exported = output.statistics().records() - curation.received();
    return new FileSummary(
        job.input(),
        job.shape(),
        output.path(),
        lines.total(),
        exported,
        invalid.count(),
        lines.blank(),
        output.statistics().defaultsApplied(),
        invalid.count() > 0 ? Optional.of(invalid.logPath()) : Optional.empty(),
        outputBytes,
        output.statistics().personaCounts(),
        output.statistics().scores(),
        output.arrowBytes(),
        output.statistics().first(),
        curation,
        output.statistics().keptNulls());
  }

  /**
   * The rejected output when it holds only pairs moved below the threshold, completed here: the
   * stages of {@code passed} ran on none of its pairs.
   */
  FileSummary movedPairsOnly(FileSummary passed, RejectedOutput rejected) throws ExportException {
    DatasetFiles output = rejected.files();
    long bytes = output.complete();
    var curation =
        new FileSummary.Curation(
            true,
            passed.curation().stages().stream().map(StageCount::none).toList(),
            rejected.movedPairs(),
            output.splitFiles());
    return new FileSummary(
        passed.input(),
        command.rejectedShape(),
        output.path(),
        0,
        0,
        0,
        0,
        output.statistics().defaultsApplied(),
        Optional.empty(),
        bytes,
        output.statistics().personaCounts(),
        output.statistics().scores(),
        output.arrowBytes(),
        output.statistics().first(),
        curation,
        output.statistics().keptNulls());
  }

  private static FileSummary.Curation curation(
      TrainingSet training, List<StageCount> stages, long received, DatasetFiles output) {
    List<FileSummary.SplitFiles> splits = output.splitFiles();
    boolean sharded = splits.stream().anyMatch(split -> split.files().size() > 1);
    // With any stage, every output states its splits, so the card gives exact sizes throughout.
    if (!training.curates() && received == 0 && !sharded) {
      return FileSummary.Curation.NONE;
    }
    return new FileSummary.Curation(true, stages, received, splits);
  }
}
