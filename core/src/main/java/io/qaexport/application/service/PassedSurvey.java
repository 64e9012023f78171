package io.qaexport.application.service;

import io.qaexport.application.port.in.ExportIoException;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.DefaultCounts;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.QuestionKey;
import io.qaexport.domain.RecordMapper;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.SplitAssignment;
import io.qaexport.application.port.in.ExportException;
import io.qaexport.application.port.in.InvalidInputException;
import io.qaexport.application.port.out.CorruptInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The first of two passes over the passed file, for the stages that must see all of it before
 * writing: which pairs duplicate which (the best-scored of a group may come last), and how many
 * rows and bytes each split gets (a shard's name holds the shard count). It keeps small per-pair
 * keys only — hashes, scores, line numbers, MinHash band keys and gram hashes — never texts. It
 * maps as the second pass does and passes over what that pass leaves out (invalid lines, pairs
 * below the threshold), so both see the same pairs.
 */
final class PassedSurvey {
  private PassedSurvey() {}

  /** What the second pass needs: the verdicts (null without dedup) and the files' layout. */
  record Result(DuplicateVerdicts verdicts, DatasetFiles.Layout layout) {}

  static Result run(QaPairSource source, Path input, RecordShape shape, boolean strict,
      TrainingSet training) throws ExportException {
    SplitAssignment assignment = training.split().orElse(null);
    int splits = assignment == null ? 1 : assignment.size();
    long[] rows = new long[splits];
    long[] bytes = new long[splits];
    ExactGroups.KeptAction kept = (hash, line, size) -> {
      int split = assignment == null ? 0 : assignment.splitOf(hash);
      rows[split]++;
      bytes[split] += size;
    };
    ExactGroups exact = training.dedup() == TrainingSet.Dedup.EXACT ? new ExactGroups() : null;
    NearGroups near = training.dedup() == TrainingSet.Dedup.NEAR ? new NearGroups() : null;
    var mapper = new RecordMapper(strict);
    var uncounted = new DefaultCounts(); // the second pass counts the defaults
    long lines = 0;
    try (PairReader reader = source.open(input, shape)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        lines++;
        if (!(line instanceof SourceLine.Pair pair)) {
          continue;
        }
        HfRecord record;
        try {
          record = mapper.map(pair.pair(), shape, uncounted);
        } catch (InvalidRecordException invalid) {
          continue;
        }
        if (training.minScore().isPresent()
            && record.validationScore() < training.minScore().getAsDouble()) {
          continue;
        }
        String normalised = QuestionKey.normalise(record.question());
        long hash = QuestionKey.hash(normalised);
        int size = DatasetFiles.estimatedBytes(record);
        if (exact != null) {
          exact.offer(hash, pair.lineNumber(), record.validationScore(), size);
        } else if (near != null) {
          near.add(pair.lineNumber(), record.validationScore(), hash, normalised, size);
        } else {
          kept.accept(hash, pair.lineNumber(), size);
        }
      }
    } catch (CorruptInputException e) {
      // Undecodable bytes end the run whatever the error policy, as in the export pass.
      throw InvalidInputException.unreadable(input, lines + 1, e.getMessage());
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + input, e);
    }
    DuplicateVerdicts verdicts = null;
    if (exact != null) {
      exact.forEachKept(kept);
      verdicts = DuplicateVerdicts.exact(exact);
    } else if (near != null) {
      verdicts = near.resolve(training.dedupThreshold(), kept);
    }
    int[] shards = new int[splits];
    for (int i = 0; i < splits; i++) {
      shards[i] = (int) Math.max(1, (bytes[i] + training.maxShardBytes() - 1)
          / training.maxShardBytes());
    }
    return new Result(verdicts, new DatasetFiles.Layout(rows, shards));
  }
}
