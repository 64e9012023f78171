package io.qaexport.application.service.stage;

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
import io.qaexport.application.service.files.SplitChooser;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.InvalidRecordException;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.SplitAssignment;
import io.qaexport.domain.dedup.DuplicateVerdicts;
import io.qaexport.domain.dedup.ExactGroups;
import io.qaexport.domain.dedup.IntArray;
import io.qaexport.domain.dedup.LongArray;
import io.qaexport.domain.dedup.NearGroups;
import io.qaexport.domain.dedup.QuestionKey;
import io.qaexport.domain.mapping.RecordMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The first of two passes over the passed file, for the stages that must see all of it before
 * writing: which pairs duplicate which (the best-scored of a group may come last), and how many
 * rows and bytes each split gets (a shard's name holds the shard count). It keeps small per-pair
 * keys only — hashes, scores, line numbers, sizes, MinHash band keys and gram hashes — never texts.
 * It maps as the second pass does and passes over what that pass leaves out (invalid lines, pairs
 * below the threshold), so both see the same pairs.
 */
public final class PassedSurvey {
  private static final int PROGRESS_EVERY_LINES = 1024;

  private PassedSurvey() {}

  /**
   * What the second pass needs: the verdicts (null without dedup), the split chooser (null without
   * splits) and the files' layout.
   */
  public record Result(
      DuplicateVerdicts verdicts, SplitChooser chooser, DatasetFiles.Layout layout) {

    /** No first pass: splits by the assignment alone, one shard each. */
    public static Result none(TrainingSet training, boolean passed) {
      SplitAssignment split = passed ? training.split().orElse(null) : null;
      return new Result(
          null,
          split == null ? null : SplitChooser.plain(split),
          DatasetFiles.Layout.single(split == null ? 1 : split.size()));
    }
  }

  public static Result run(
      QaPairSource source,
      Path input,
      RecordShape shape,
      boolean strict,
      TrainingSet training,
      References references,
      int extraBytesPerRow,
      ExportProgress progress)
      throws ExportException {
    SplitAssignment assignment = training.split().orElse(null);
    // Per pair in pass order: its estimated size and, to stratify, its stratum.
    var sizes = new IntArray();
    var strata = new IntArray();
    Map<String, Integer> stratumIds = new HashMap<>();
    int splits = assignment == null ? 1 : assignment.size();
    long[] rows = new long[splits];
    long[] bytes = new long[splits];
    // Stratified, the kept pairs are listed (question hash, pass ordinal) until the cuts are
    // known; otherwise each is counted to its split at once.
    var keptHashes = new LongArray();
    var keptOrdinals = new IntArray();
    // Near-duplicate components for the split alone, when no near dedup finds them.
    NearGroups clusters =
        training.clustersForSplit() ? new NearGroups(training.dedupThreshold()) : null;
    ExactGroups.KeptAction kept =
        (hash, line, ordinal) -> {
          if (training.stratifies() || clusters != null) {
            keptHashes.add(hash);
            keptOrdinals.add(ordinal);
          } else {
            int split = assignment == null ? 0 : assignment.splitOf(hash);
            rows[split]++;
            bytes[split] += sizes.get(ordinal);
          }
        };
    ExactGroups exact = training.dedup() == TrainingSet.Dedup.EXACT ? new ExactGroups() : null;
    NearGroups near =
        training.dedup() == TrainingSet.Dedup.NEAR
            ? new NearGroups(training.dedupThreshold())
            : null;
    boolean needsQuestionKey =
        assignment != null || exact != null || near != null || clusters != null;
    Predicate<HfRecord> leftOutBefore = Stages.firstPassLeavesOut(training, references);
    var mapper = new RecordMapper(strict);
    long lines = 0;
    try (PairReader reader = source.open(input, shape)) {
      progress.firstPassStarted(input, reader.sizeBytes());
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        if (++lines % PROGRESS_EVERY_LINES == 0) {
          progress.linesRead(lines);
          progress.bytesRead(reader.bytesRead());
        }
        if (!(line instanceof SourceLine.Pair pair)) {
          continue;
        }
        HfRecord record;
        try {
          record = mapper.map(pair.pair(), shape);
        } catch (InvalidRecordException invalid) {
          continue;
        }
        if (leftOutBefore.test(record)) {
          continue;
        }
        // Sizing shards alone needs no question key: normalising is most of this pass's cost.
        String normalised = needsQuestionKey ? QuestionKey.normalise(record.question()) : null;
        long hash = needsQuestionKey ? QuestionKey.hash(normalised) : 0;
        int ordinal = sizes.size();
        sizes.add(
            (int) Math.min(Integer.MAX_VALUE, (long) record.estimatedBytes() + extraBytesPerRow));
        if (training.stratifies()) {
          String stratum = SplitChooser.stratumOf(training.stratifyBy().orElseThrow(), record);
          strata.add(stratumIds.computeIfAbsent(stratum, p -> stratumIds.size()));
        }
        if (clusters != null) {
          clusters.add(pair.lineNumber(), record.validationScore(), hash, normalised, ordinal);
        }
        if (exact != null) {
          exact.offer(hash, pair.lineNumber(), record.validationScore(), ordinal);
        } else if (near != null) {
          near.add(pair.lineNumber(), record.validationScore(), hash, normalised, ordinal);
        } else {
          kept.accept(hash, pair.lineNumber(), ordinal);
        }
      }
      progress.bytesRead(reader.bytesRead());
      progress.fileFinished(input);
      if (references != null) {
        references.firstPassDone();
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
      verdicts = near.resolve(kept);
    }
    SplitChooser chooser = null;
    if (assignment != null) {
      if (training.stratifies()) {
        Map<Long, String> stratumOfQuestion = new HashMap<>();
        String[] names = names(stratumIds);
        for (int k = 0; k < keptHashes.size(); k++) {
          stratumOfQuestion.putIfAbsent(keptHashes.get(k), names[strata.get(keptOrdinals.get(k))]);
        }
        chooser =
            SplitChooser.stratified(
                assignment,
                training.stratifyBy().orElseThrow(),
                unitsByStratum(assignment, stratumOfQuestion),
                stratumOfQuestion);
      } else {
        chooser = SplitChooser.plain(assignment);
      }
      if (clusters != null) {
        chooser = SplitChooser.clustered(chooser, clusters.componentKeys());
      }
    }
    for (int k = 0; k < keptHashes.size(); k++) {
      int ordinal = keptOrdinals.get(k);
      // Every kept question's stratum is known to the chooser: the record is not read.
      int split = chooser.splitOf(new HfRecord("", "", "", "", 0, null), keptHashes.get(k));
      rows[split]++;
      bytes[split] += sizes.get(ordinal);
    }
    int[] shards = new int[splits];
    for (int i = 0; i < splits; i++) {
      // No more shards than rows: a row larger than the shard size is a shard of its own, and
      // the shards are numbered 0..N-1 of N without gaps.
      long bySize = (bytes[i] + training.maxShardBytes() - 1) / training.maxShardBytes();
      shards[i] = (int) Math.max(1, Math.min(rows[i], bySize));
    }
    return new Result(verdicts, chooser, new DatasetFiles.Layout(rows, shards));
  }

  /** Each stratum's questions (each counted once, under the stratum it belongs to) as units. */
  private static Map<String, double[]> unitsByStratum(
      SplitAssignment assignment, Map<Long, String> stratumOfQuestion) {
    Map<String, Integer> counts = new HashMap<>();
    stratumOfQuestion.values().forEach(persona -> counts.merge(persona, 1, Integer::sum));
    Map<String, double[]> byStratum = new HashMap<>();
    counts.forEach((persona, count) -> byStratum.put(persona, new double[count]));
    Map<String, Integer> filled = new HashMap<>();
    stratumOfQuestion.forEach(
        (hash, persona) -> {
          int at = filled.merge(persona, 1, Integer::sum) - 1;
          byStratum.get(persona)[at] = assignment.unit(hash);
        });
    return byStratum;
  }

  private static String[] names(Map<String, Integer> ids) {
    String[] names = new String[ids.size()];
    ids.forEach((name, id) -> names[id] = name);
    return names;
  }
}
