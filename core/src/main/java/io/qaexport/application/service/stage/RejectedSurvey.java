package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.InvalidInputException;
import io.qaexport.application.port.out.CorruptInputException;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.application.service.files.DatasetFiles;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.mapping.RecordMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shards of the rejected output, which a shard's name must count before the first row is
 * written: its rows are the rejected input's pairs and the passed pairs below {@code --min-score}
 * (moved there first), so when those inputs may hold more than half a shard, a first pass counts
 * them and estimates their size, mapping as the export does. Smaller inputs, and streams (read
 * once), get one file.
 */
public final class RejectedSurvey {
  private RejectedSurvey() {}

  /** The rejected output's layout: its rows and shard count; one file when small. */
  public static DatasetFiles.Layout layout(
      QaPairSource source,
      List<ExportJob> jobs,
      boolean strict,
      TrainingSet training,
      int extraBytesPerRow,
      ExportProgress progress)
      throws ExportException {
    Optional<ExportJob> rejected =
        jobs.stream().filter(job -> job.shape().hasFailureReason()).findFirst();
    Optional<ExportJob> passed =
        training.minScore().isPresent()
            ? jobs.stream().filter(job -> !job.shape().hasFailureReason()).findFirst()
            : Optional.empty();
    List<ExportJob> feeding = Stream.concat(rejected.stream(), passed.stream()).toList();
    long plain = 0;
    for (ExportJob job : feeding) {
      if (!Files.isRegularFile(job.input())) {
        return DatasetFiles.Layout.single(1); // a stream is read once: one file
      }
      plain += plainSize(source, job);
    }
    if (feeding.isEmpty() || (extraBytesPerRow == 0 && plain <= training.maxShardBytes() / 2)) {
      return DatasetFiles.Layout.single(1);
    }
    long[] rowsAndBytes = new long[2];
    for (ExportJob job : feeding) {
      boolean movedOnly = !job.shape().hasFailureReason();
      count(
          source,
          job,
          strict,
          movedOnly ? training.minScore().getAsDouble() : Double.NaN,
          rowsAndBytes,
          progress);
    }
    long bytes = rowsAndBytes[1] + rowsAndBytes[0] * extraBytesPerRow;
    long bySize = (bytes + training.maxShardBytes() - 1) / training.maxShardBytes();
    int shards = (int) Math.max(1, Math.min(rowsAndBytes[0], bySize));
    return new DatasetFiles.Layout(new long[] {rowsAndBytes[0]}, new int[] {shards});
  }

  /** Adds the rows the job gives the rejected output and their estimated bytes. */
  private static void count(
      QaPairSource source,
      ExportJob job,
      boolean strict,
      double below,
      long[] rowsAndBytes,
      ExportProgress progress)
      throws ExportException {
    var mapper = new RecordMapper(strict);
    long lines = 0;
    try (PairReader reader = source.open(job.input(), job.shape())) {
      progress.firstPassStarted(job.input(), reader.sizeBytes());
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        lines++;
        if (line instanceof SourceLine.Pair pair) {
          HfRecord record;
          try {
            record = mapper.map(pair.pair(), job.shape());
          } catch (InvalidRecordException invalid) {
            continue;
          }
          if (Double.isNaN(below) || record.validationScore() < below) {
            rowsAndBytes[0]++;
            rowsAndBytes[1] += record.estimatedBytes();
          }
        }
        if (lines % 1024 == 0) {
          progress.bytesRead(reader.bytesRead());
        }
      }
      progress.fileFinished(job.input());
    } catch (CorruptInputException e) {
      throw InvalidInputException.unreadable(job.input(), lines + 1, e.getMessage());
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + job.input(), e);
    }
  }

  private static long plainSize(QaPairSource source, ExportJob job) throws ExportException {
    try (PairReader probe = source.open(job.input(), job.shape())) {
      return DatasetFiles.plainSizeBound(probe, job.input());
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + job.input(), e);
    }
  }
}
