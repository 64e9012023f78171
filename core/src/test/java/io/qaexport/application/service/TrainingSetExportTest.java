package io.qaexport.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.application.port.in.Decontamination;
import io.qaexport.application.port.in.ErrorPolicy;
import io.qaexport.application.port.in.ExportCommand;
import io.qaexport.application.port.in.ExportJob;
import io.qaexport.application.port.in.ExportProgress;
import io.qaexport.application.port.in.ExportSummary;
import io.qaexport.application.port.in.FileSummary;
import io.qaexport.application.port.in.StageSettings;
import io.qaexport.application.port.in.TrainingSet;
import io.qaexport.application.port.out.DatasetCardWriter.PreviousCard;
import io.qaexport.application.port.out.LeftOutLog;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.Persona;
import io.qaexport.domain.QaPair;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.SplitAssignment;
import io.qaexport.domain.card.DatasetCard;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training-set stages through the use case, with a fake reader (each line is {@code
 * question|persona|score}, {@code BLANK} or {@code BAD reason}) and a fake format that writes
 * {@code question|persona|score[|failure_reason]} per record.
 */
class TrainingSetExportTest {
  @TempDir Path dir;

  private final QaPairSource source =
      file -> {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new PairReader() {
          private int next;

          @Override
          public SourceLine next() {
            return next < lines.size() ? line(lines.get(next), ++next) : null;
          }

          @Override
          public long bytesRead() {
            return next;
          }

          @Override
          public void close() {}
        };
      };

  private static SourceLine line(String line, long number) {
    byte[] raw = line.getBytes(StandardCharsets.UTF_8);
    if (line.equals("BLANK")) {
      return new SourceLine.Blank(number);
    } else if (line.startsWith("BAD ")) {
      return new SourceLine.Invalid(number, 1, line.substring(4), raw::clone);
    }
    String[] parts = line.split("\\|", -1);
    return new SourceLine.Pair(
        number,
        new QaPair(
            parts[0],
            "svar",
            "doc.md",
            new Persona.Label(parts[1]),
            Double.valueOf(parts[2]),
            null),
        raw::clone);
  }

  private final OutputFormat textFormat = new TextLinesFormat();

  private final LeftOutLog.Factory duplicateLogs =
      (file, shape) -> {
        BufferedWriter out = Files.newBufferedWriter(file);
        return new LeftOutLog() {
          @Override
          public void append(List<Fact> facts, HfRecord record) throws IOException {
            out.write(
                facts.get(0).value()
                    + ":"
                    + facts.get(1).value()
                    + ":"
                    + String.format(Locale.ROOT, "%.2f", (Double) facts.get(2).value())
                    + ":"
                    + record.question()
                    + "\n");
          }

          @Override
          public void close() throws IOException {
            out.close();
          }
        };
      };

  private final List<DatasetCard> cards = new ArrayList<>();

  private ExportDatasetService service() {
    return new ExportDatasetService(
        source,
        Map.of("text", () -> textFormat),
        file -> {
          throw new AssertionError("no invalid lines expected");
        },
        new io.qaexport.application.port.out.DatasetCardWriter() {
          @Override
          public void write(Path file, DatasetCard card, Optional<Path> previous)
              throws IOException {
            cards.add(card);
            Files.writeString(file, "card\n");
          }

          @Override
          public void withdraw(Path target, Path previous, String why, List<String> runFiles)
              throws IOException {
            Files.writeString(target, "withdrawn: " + why + "\n");
          }

          @Override
          public Optional<PreviousCard> read(Path file) {
            Optional<String> none = Optional.empty();
            return Optional.of(new PreviousCard(none, none, none, none, List.of()));
          }
        },
        duplicateLogs,
        () -> {
          throw new AssertionError("no Parquet reference was given");
        });
  }

  private Path input(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  private ExportSummary export(TrainingSet training, Path out, ExportJob... jobs) throws Exception {
    return service()
        .export(
            new ExportCommand(
                List.of(jobs),
                out,
                "text",
                ErrorPolicy.SKIP,
                false,
                ExportProgress.NONE,
                Optional.of(
                    new io.qaexport.application.port.in.CardRequest(
                        out.resolve("README.md"), "unknown", "test")),
                Map.of(),
                training));
  }

  private static TrainingSet training(
      OptionalDouble minScore,
      TrainingSet.Dedup dedup,
      double threshold,
      SplitAssignment split,
      long maxShardBytes) {
    return new TrainingSet(
        minScore,
        dedup,
        threshold,
        Optional.ofNullable(split),
        Optional.empty(),
        maxShardBytes,
        "qa_rejected_hf");
  }

  private static TrainingSet dedup(TrainingSet.Dedup dedup, double threshold) {
    return training(
        OptionalDouble.empty(), dedup, threshold, null, TrainingSet.DEFAULT_MAX_SHARD_BYTES);
  }

  private static SplitAssignment split(long seed, String... namesAndFractions) {
    List<SplitAssignment.Split> splits = new ArrayList<>();
    for (int i = 0; i < namesAndFractions.length; i += 2) {
      splits.add(
          new SplitAssignment.Split(
              namesAndFractions[i], Double.parseDouble(namesAndFractions[i + 1])));
    }
    return new SplitAssignment(splits, seed);
  }

  private static ExportJob passed(Path input) {
    return new ExportJob(input, RecordShape.PASSED, "qa_pairs");
  }

  private static ExportJob rejected(Path input) {
    return new ExportJob(input, RecordShape.REJECTED, "qa_rejected_hf");
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void pairsBelowTheThresholdMoveToTheRejectedOutputWithTheReasonAndAreCounted() throws Exception {
    Path passed = input("qa_passed.jsonl", "a|p|0.9", "b|p|0.62", "BLANK", "c|p|0.8");
    Path rejected = input("qa_rejected.jsonl", "r|p|0.3");
    Path out = dir.resolve("out");
    var training =
        training(
            OptionalDouble.of(0.8),
            TrainingSet.Dedup.NONE,
            0.8,
            null,
            TrainingSet.DEFAULT_MAX_SHARD_BYTES);

    ExportSummary summary = export(training, out, passed(passed), rejected(rejected));

    assertEquals(List.of("a|p|0.9", "c|p|0.8"), lines(out.resolve("qa_pairs.txt")));
    assertEquals(
        List.of(
            "b|p|0.62|validation_score 0.62 is below the export threshold 0.8", "r|p|0.3|unknown"),
        lines(out.resolve("qa_rejected_hf.txt")));
    FileSummary first = summary.files().get(0);
    assertEquals(4, first.linesRead());
    assertEquals(2, first.exported());
    assertEquals(1, first.curation().count("below_threshold"));
    assertEquals(1, first.blankLines());
    FileSummary second = summary.files().get(1);
    assertEquals(1, second.exported());
    assertEquals(1, second.curation().received());
    assertEquals(2, second.rows());
    assertEquals(2, cards.get(0).configs().get(1).rows());
  }

  @Test
  void withoutARejectedInputTheMovedPairsStillGetARejectedOutput() throws Exception {
    Path passed = input("qa_passed.jsonl", "a|p|0.9", "b|p|0.5");
    Path out = dir.resolve("out");
    var training =
        training(
            OptionalDouble.of(0.8),
            TrainingSet.Dedup.NONE,
            0.8,
            null,
            TrainingSet.DEFAULT_MAX_SHARD_BYTES);

    ExportSummary summary = export(training, out, passed(passed));

    assertEquals(
        List.of("b|p|0.5|validation_score 0.5 is below the export threshold 0.8"),
        lines(out.resolve("qa_rejected_hf.txt")));
    assertEquals(2, summary.files().size());
    assertEquals(1, summary.files().get(1).rows());
  }

  @Test
  void exactDedupKeepsTheBestScoredPairOfEachGroupAndTheEarliestOnATie() throws Exception {
    Path passed =
        input(
            "qa_passed.jsonl",
            "Hur ofta byter jag handskar?|p|0.7", // 1: group A
            "Vad är basala hygienrutiner?|p|0.9", // 2: group B, tie: kept (earliest)
            "hur ofta byter jag handskar|p|0.95", // 3: group A, best: kept
            "Vad är  basala hygienrutiner|p|0.9", // 4: group B, tie: dropped
            "HUR OFTA BYTER JAG HANDSKAR?!|p|0.8", // 5: group A, dropped
            "Får jag ge Alvedon?|p|0.5"); // 6: alone
    Path out = dir.resolve("out");

    ExportSummary summary = export(dedup(TrainingSet.Dedup.EXACT, 0.8), out, passed(passed));

    assertEquals(
        List.of(
            "Vad är basala hygienrutiner?|p|0.9",
            "hur ofta byter jag handskar|p|0.95",
            "Får jag ge Alvedon?|p|0.5"),
        lines(out.resolve("qa_pairs.txt")));
    assertEquals(
        List.of(
            "1:3:1.00:Hur ofta byter jag handskar?",
            "4:2:1.00:Vad är  basala hygienrutiner",
            "5:3:1.00:HUR OFTA BYTER JAG HANDSKAR?!"),
        lines(out.resolve("qa_pairs.txt.duplicates.jsonl")));
    FileSummary file = summary.files().get(0);
    assertEquals(3, file.curation().count("duplicates"));
    assertEquals(6, file.linesRead());
    assertEquals(3, file.exported());
  }

  @Test
  void nearDedupGroupsInflectionsReorderedWordsAndSwedishLettersButNotOtherQuestions()
      throws Exception {
    Path passed =
        input(
            "qa_passed.jsonl",
            "Hur ofta ska jag byta handskar?|p|0.8", // 1: kept
            "Hur ofta ska jag byta handskarna?|p|0.7", // 2: inflection of 1
            "När ska jag tvätta händerna?|p|0.6", // 3: dropped for 4
            "Ska jag tvätta händerna när?|p|0.9", // 4: reordered 3, best
            "Hur förvarar jag läkemedel hos vårdtagaren?|p|0.9", // 5: kept
            "Hur förvarar jag livsmedel hos vårdtagaren?|p|0.9", // 6: another question
            "Na\u0308r ska jag tva\u0308tta ha\u0308nderna|p|0.5"); // 7: 3 decomposed
    Path out = dir.resolve("out");

    export(dedup(TrainingSet.Dedup.NEAR, 0.8), out, passed(passed));

    assertEquals(
        List.of(
            "Hur ofta ska jag byta handskar?|p|0.8",
            "Ska jag tvätta händerna när?|p|0.9",
            "Hur förvarar jag läkemedel hos vårdtagaren?|p|0.9",
            "Hur förvarar jag livsmedel hos vårdtagaren?|p|0.9"),
        lines(out.resolve("qa_pairs.txt")));
    List<String> log = lines(out.resolve("qa_pairs.txt.duplicates.jsonl"));
    assertEquals(3, log.size(), log.toString());
    assertTrue(log.get(0).startsWith("2:1:0.8"), log.get(0));
    assertTrue(log.get(1).startsWith("3:4:1.00:"), log.get(1));
    assertTrue(log.get(2).startsWith("7:4:1.00:"), log.get(2));
  }

  @Test
  void aRejectedPairNeverRemovesAPassedOne() throws Exception {
    Path passed = input("qa_passed.jsonl", "Hur ofta byter jag handskar?|p|0.5");
    Path rejected = input("qa_rejected.jsonl", "Hur ofta byter jag handskar?|p|0.9");
    Path out = dir.resolve("out");

    export(dedup(TrainingSet.Dedup.NEAR, 0.8), out, passed(passed), rejected(rejected));

    assertEquals(1, lines(out.resolve("qa_pairs.txt")).size());
    assertEquals(1, lines(out.resolve("qa_rejected_hf.txt")).size());
    assertFalse(Files.exists(out.resolve("qa_pairs.txt.duplicates.jsonl")));
  }

  @Test
  void theSplitIsTheSameOnEveryRunAndAnAppendedInputKeepsEveryOldPairInItsSplit() throws Exception {
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      first.add("Fråga nummer " + i + " om rutiner|p|0.9");
    }
    var training =
        training(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NONE,
            0.8,
            split(0, "train", "0.8", "validation", "0.1", "test", "0.1"),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES);
    export(training, dir.resolve("a"), passed(input("one.jsonl", first.toArray(String[]::new))));
    export(training, dir.resolve("b"), passed(input("one.jsonl", first.toArray(String[]::new))));
    List<String> appended = new ArrayList<>(first);
    for (int i = 300; i < 600; i++) {
      appended.add("Fråga nummer " + i + " om rutiner|p|0.9");
    }
    export(training, dir.resolve("c"), passed(input("two.jsonl", appended.toArray(String[]::new))));

    Map<String, String> runA = splitOf(dir.resolve("a"));
    assertEquals(runA, splitOf(dir.resolve("b")));
    Map<String, String> runC = splitOf(dir.resolve("c"));
    runA.forEach((pair, split) -> assertEquals(split, runC.get(pair), pair));
    assertEquals(600, runC.size());
    long test = runA.values().stream().filter("test"::equals).count();
    assertTrue(test > 10 && test < 60, "about 10 % of 300 in test: " + test);
  }

  @Test
  void pairsWhoseQuestionsNormaliseAlikeNeverStraddleSplits() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lines.add("Fråga " + i + "?|p|0.9");
      lines.add("FRÅGA " + i + "|p|0.8");
    }
    var training =
        training(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NONE,
            0.8,
            split(3, "train", "0.5", "test", "0.5"),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES);
    export(training, dir.resolve("out"), passed(input("p.jsonl", lines.toArray(String[]::new))));

    Map<String, String> splits = splitOf(dir.resolve("out"));
    for (int i = 0; i < 200; i++) {
      assertEquals(splits.get("Fråga " + i + "?|p|0.9"), splits.get("FRÅGA " + i + "|p|0.8"));
    }
  }

  @Test
  void withNearDedupNoKeptQuestionHasAVerifiedParaphraseInAnotherSplit() throws Exception {
    List<String> lines = paraphraseGroups(new Random(1));
    var training =
        training(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NEAR,
            0.8,
            split(0, "train", "0.5", "test", "0.5"),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES);
    ExportSummary summary =
        export(
            training, dir.resolve("out"), passed(input("p.jsonl", lines.toArray(String[]::new))));

    Map<String, String> splits = splitOf(dir.resolve("out"));
    assertEquals(100, splits.size(), "one pair of each group kept");
    assertEquals(200, summary.files().get(0).curation().count("duplicates"));
    for (String pair : splits.keySet()) {
      assertTrue(pair.startsWith("Hur ofta ska jag ") && pair.endsWith("?|p|0.9"), pair);
    }
    assertTrue(splits.containsValue("train") && splits.containsValue("test"));
  }

  @Test
  void withSplitGroupsNearEveryParaphraseLandsInItsGroupsSplitAndNoneIsDropped() throws Exception {
    List<String> lines = paraphraseGroups(new Random(2));
    var training =
        new TrainingSet(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NONE,
            0.8,
            Optional.of(split(0, "train", "0.5", "test", "0.5")),
            Optional.empty(),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES,
            "qa_rejected_hf",
            true,
            Decontamination.NONE,
            StageSettings.NONE);
    ExportSummary summary =
        export(
            training, dir.resolve("out"), passed(input("p.jsonl", lines.toArray(String[]::new))));

    Map<String, String> splits = splitOf(dir.resolve("out"));
    assertEquals(300, splits.size(), "nothing is dropped");
    assertEquals(0, summary.files().get(0).curation().count("duplicates"));
    for (int i = 0; i < lines.size(); i += 3) {
      String group = splits.get(lines.get(i));
      assertEquals(group, splits.get(lines.get(i + 1)), lines.get(i + 1));
      assertEquals(group, splits.get(lines.get(i + 2)), lines.get(i + 2));
    }
    assertTrue(splits.containsValue("train") && splits.containsValue("test"));
  }

  @Test
  void withoutSplitGroupsNearParaphrasesMayStraddleSplits() throws Exception {
    // The control for the test above: the same data split by each question's own hash does
    // put some paraphrases on both sides, so that test can fail.
    List<String> lines = paraphraseGroups(new Random(2));
    var training =
        training(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NONE,
            0.8,
            split(0, "train", "0.5", "test", "0.5"),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES);
    export(training, dir.resolve("out"), passed(input("p.jsonl", lines.toArray(String[]::new))));

    Map<String, String> splits = splitOf(dir.resolve("out"));
    int straddling = 0;
    for (int i = 0; i < lines.size(); i += 3) {
      String group = splits.get(lines.get(i));
      if (!group.equals(splits.get(lines.get(i + 1)))
          || !group.equals(splits.get(lines.get(i + 2)))) {
        straddling++;
      }
    }
    assertTrue(straddling > 10, "straddling groups: " + straddling);
  }

  /**
   * 100 groups of three lines each: a question, its inflected form and its words reversed, with
   * scores 0.9, 0.7 and 0.8.
   */
  private static List<String> paraphraseGroups(Random random) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String a = word(random);
      String b = word(random);
      String c = word(random);
      lines.add("Hur ofta ska jag " + a + " " + b + " " + c + "?|p|0.9");
      lines.add("Hur ofta ska jag " + a + " " + b + " " + c + "na?|p|0.7"); // inflected
      lines.add(c + " " + b + " " + a + " jag ska ofta hur|p|0.8"); // reordered
    }
    return lines;
  }

  /** A made-up Swedish-lettered word, so that groups share no more than the question's frame. */
  private static String word(Random random) {
    String letters = "abcdefghijklmnopqrstuvwxyzåäö";
    var word = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      word.append(letters.charAt(random.nextInt(letters.length())));
    }
    return word.toString();
  }

  @Test
  void aSplitLargerThanTheShardSizeIsWrittenAsHubNamedShardsAndTheCardListsThem() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add("Fråga nummer " + i + "|p|0.9");
    }
    // About 100 bytes a record by the estimate: 100 kB in all, cut at 30 kB.
    var training =
        training(
            OptionalDouble.empty(),
            TrainingSet.Dedup.EXACT,
            0.8,
            split(0, "train", "0.9", "test", "0.1"),
            30_000);
    ExportSummary summary =
        export(
            training, dir.resolve("out"), passed(input("p.jsonl", lines.toArray(String[]::new))));

    FileSummary.SplitFiles train = summary.files().get(0).curation().splits().get(0);
    FileSummary.SplitFiles test = summary.files().get(0).curation().splits().get(1);
    assertEquals(
        List.of(
            "qa_pairs-train-00000-of-00004.txt",
            "qa_pairs-train-00001-of-00004.txt",
            "qa_pairs-train-00002-of-00004.txt",
            "qa_pairs-train-00003-of-00004.txt"),
        train.files().stream().map(path -> path.getFileName().toString()).toList());
    assertEquals(
        List.of("qa_pairs-test.txt"),
        test.files().stream().map(path -> path.getFileName().toString()).toList());
    long rows = 0;
    for (Path shard : train.files()) {
      long shardRows = lines(shard).size();
      assertEquals(train.rows() / 4.0, shardRows, 1.0, "shards hold equal shares");
      rows += shardRows;
    }
    assertEquals(train.rows(), rows);
    assertEquals(1000, train.rows() + test.rows());
    DatasetCard.Config config = cards.get(0).configs().get(0);
    assertEquals(
        List.of("train", "test"), config.splits().stream().map(DatasetCard.Split::name).toList());
    assertEquals(4, config.splits().get(0).dataFiles().size());
    assertEquals(train.rows(), config.splits().get(0).numExamples());
    assertFalse(Files.exists(dir.resolve("out/qa_pairs.txt")));
  }

  @Test
  void stratifiedEachPersonasPairsFollowTheFractionsAndAQuestionStaysInOneSplit() throws Exception {
    List<String> lines = new ArrayList<>();
    int[] sizes = {500, 60, 17, 4};
    for (int p = 0; p < sizes.length; p++) {
      for (int i = 0; i < sizes[p]; i++) {
        lines.add("Fråga " + i + " av person " + p + "?|persona" + p + "|0.9");
      }
    }
    lines.add("FRÅGA 3 AV PERSON 1|persona1|0.8"); // the same question as one above
    var training =
        new TrainingSet(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NONE,
            0.8,
            Optional.of(split(0, "train", "0.8", "validation", "0.1", "test", "0.1")),
            Optional.of(RecordShape.PERSONA),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES,
            "qa_rejected_hf");
    export(training, dir.resolve("out"), passed(input("p.jsonl", lines.toArray(String[]::new))));

    Map<String, String> splits = splitOf(dir.resolve("out"));
    assertEquals(
        splits.get("Fråga 3 av person 1?|persona1|0.9"),
        splits.get("FRÅGA 3 AV PERSON 1|persona1|0.8"));
    int[][] expected = {{400, 50, 50}, {49, 6, 6}, {13, 2, 2}, {4, 0, 0}};
    for (int p = 0; p < sizes.length; p++) {
      int[] counts = new int[3];
      for (var entry : splits.entrySet()) {
        if (entry.getKey().contains("|persona" + p + "|")) {
          counts[List.of("train", "validation", "test").indexOf(entry.getValue())]++;
        }
      }
      // Each persona's share rounded down, the rest to the splits furthest below their share so
      // far (persona 2: 13.6, 1.7, 1.7; persona 3: train is then 0.8 short, the others 0.1);
      // the repeated question of persona 1 rides along.
      assertEquals(Arrays.toString(expected[p]), Arrays.toString(counts), "persona" + p);
    }
  }

  @Test
  void stratifiedAQuestionAskedByManyPersonasStillLandsInOneSplit() throws Exception {
    // Each persona asks questions of its own and some it shares with another: its cut points
    // differ from the others', which must not move a shared question to another split.
    int[][] asked = {{0, 300}, {150, 450}, {0, 100}, {400, 700}};
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < asked.length; p++) {
      for (int i = asked[p][0]; i < asked[p][1]; i++) {
        lines.add("Hur gör jag " + i + "?|persona" + p + "|0.9");
      }
    }
    var training =
        new TrainingSet(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NONE,
            0.8,
            Optional.of(split(0, "train", "0.5", "test", "0.5")),
            Optional.of(RecordShape.PERSONA),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES,
            "qa_rejected_hf");
    export(training, dir.resolve("out"), passed(input("p.jsonl", lines.toArray(String[]::new))));

    Map<String, String> splits = splitOf(dir.resolve("out"));
    Map<Integer, String> splitOfQuestion = new HashMap<>();
    for (int p = 0; p < asked.length; p++) {
      for (int i = asked[p][0]; i < asked[p][1]; i++) {
        String split = splits.get("Hur gör jag " + i + "?|persona" + p + "|0.9");
        String earlier = splitOfQuestion.putIfAbsent(i, split);
        assertEquals(earlier == null ? split : earlier, split, "question " + i + " straddles");
      }
    }
    long train = splitOfQuestion.values().stream().filter("train"::equals).count();
    assertTrue(
        train > 0.4 * splitOfQuestion.size() && train < 0.6 * splitOfQuestion.size(),
        train + " of " + splitOfQuestion.size() + " questions in train");
  }

  @Test
  void rowsLargerThanTheShardSizeGiveOneShardEachNumberedWithoutGaps() throws Exception {
    var training =
        training(OptionalDouble.empty(), TrainingSet.Dedup.NONE, 0.8, split(0, "train", "1"), 1);
    export(
        training,
        dir.resolve("out"),
        passed(input("p.jsonl", "Fråga ett?|p|0.9", "Fråga två?|p|0.9", "Fråga tre?|p|0.9")));

    List<String> names = new ArrayList<>();
    try (var list = Files.list(dir.resolve("out"))) {
      list.map(path -> path.getFileName().toString())
          .filter(n -> n.startsWith("qa_pairs-"))
          .sorted()
          .forEach(names::add);
    }
    assertEquals(
        List.of(
            "qa_pairs-train-00000-of-00003.txt",
            "qa_pairs-train-00001-of-00003.txt",
            "qa_pairs-train-00002-of-00003.txt"),
        names);
  }

  @Test
  void aRejectedOutputLargerThanTheShardSizeIsShardedWithThePairsBelowTheThresholdFirst()
      throws Exception {
    List<String> passedLines = new ArrayList<>();
    List<String> rejectedLines = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      passedLines.add("Fråga " + i + "?|p|" + (i % 3 == 0 ? "0.2" : "0.9"));
      rejectedLines.add("Avvisad fråga " + i + "?|p|0.1");
    }
    var training = training(OptionalDouble.of(0.5), TrainingSet.Dedup.NONE, 0.8, null, 600);
    ExportSummary summary =
        export(
            training,
            dir.resolve("out"),
            passed(input("p.jsonl", passedLines.toArray(String[]::new))),
            rejected(input("r.jsonl", rejectedLines.toArray(String[]::new))));

    List<String> names = new ArrayList<>();
    try (var list = Files.list(dir.resolve("out"))) {
      list.map(path -> path.getFileName().toString())
          .filter(n -> n.startsWith("qa_rejected_hf"))
          .sorted()
          .forEach(names::add);
    }
    assertTrue(names.size() >= 2, names.toString());
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      assertEquals(String.format("qa_rejected_hf-%05d-of-%05d.txt", i, names.size()), names.get(i));
      rows.addAll(Files.readAllLines(dir.resolve("out").resolve(names.get(i))));
    }
    assertEquals(10 + 30, rows.size(), "the 10 moved pairs and the 30 rejected ones");
    assertTrue(rows.get(0).startsWith("Fråga 0?"), rows.get(0));
    assertEquals(40, summary.files().get(1).rows());
  }

  @Test
  void filesOfAnEarlierRunUnderOtherNamesGoWhenTheNewOutputsLand() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    for (String name :
        List.of(
            "qa_pairs.txt",
            "qa_pairs-train-00000-of-00003.txt",
            "qa_pairs-test.txt",
            "qa_pairs-backup.txt",
            "notes.txt")) {
      Files.writeString(out.resolve(name), "old\n");
    }
    var training =
        training(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NONE,
            0.8,
            split(0, "train", "0.5", "test", "0.5"),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add("Fråga " + i + "|p|0.9");
    }
    export(training, out, passed(input("p.jsonl", lines.toArray(String[]::new))));

    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          List.of(
              "README.md",
              "notes.txt",
              "qa_pairs-backup.txt",
              "qa_pairs-test.txt",
              "qa_pairs-train.txt"),
          files.map(f -> f.getFileName().toString()).sorted().toList());
    }
    assertFalse(lines(out.resolve("qa_pairs-test.txt")).contains("old"));
  }

  @Test
  void anInputBearingAnEarlierShardsNameIsReadAndKept() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      lines.add("Fråga " + i + "|p|0.9");
    }
    Path input = input("qa_pairs-train-00000-of-00002.txt", lines.toArray(String[]::new));
    var training =
        training(
            OptionalDouble.empty(),
            TrainingSet.Dedup.NONE,
            0.8,
            split(0, "train", "0.5", "test", "0.5"),
            TrainingSet.DEFAULT_MAX_SHARD_BYTES);
    export(training, dir, passed(input));

    assertEquals(lines, lines(input));
    assertTrue(Files.exists(dir.resolve("qa_pairs-train.txt")));
  }

  @Test
  void aDuplicatesLogOfAnEarlierRunGoesWhenARunWithoutDedupLands() throws Exception {
    Path passed = input("qa_passed.jsonl", "Hur ofta?|p|0.7", "hur ofta|p|0.9", "Vad?|p|0.5");
    Path out = dir.resolve("out");
    export(dedup(TrainingSet.Dedup.EXACT, 0.8), out, passed(passed));
    assertTrue(Files.exists(out.resolve("qa_pairs.txt.duplicates.jsonl")));

    export(TrainingSet.NONE, out, passed(passed));

    assertEquals(3, lines(out.resolve("qa_pairs.txt")).size());
    assertFalse(
        Files.exists(out.resolve("qa_pairs.txt.duplicates.jsonl")),
        "the log described pairs this dataset holds");
  }

  /** Each output line of the split files in {@code out}, with its split's name. */
  private static Map<String, String> splitOf(Path out) throws IOException {
    Map<String, String> splits = new HashMap<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("qa_pairs-")) {
          String split = name.substring("qa_pairs-".length()).replaceFirst("[-.].*", "");
          for (String line : lines(file)) {
            splits.put(line, split);
          }
        }
      }
    }
    return splits;
  }
}
