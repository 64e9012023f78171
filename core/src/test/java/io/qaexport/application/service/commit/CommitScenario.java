package io.qaexport.application.service.commit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An earlier dataset in a directory and a run that replaces it: three outputs replaced, one new (an
 * errors log) and one made stale (the earlier errors log). Also the child process of the kill -9
 * test: {@code main(dir, step)} commits and stops dead at that step.
 */
final class CommitScenario {
  static final Map<String, String> EARLIER =
      Map.of(
          "qa_pairs.txt", "earlier pairs\n",
          "qa_rejected_hf.txt", "earlier rejected\n",
          "README.md", "earlier card\n",
          "qa_pairs.txt.errors.jsonl", "earlier errors\n");
  static final Map<String, String> NEW =
      Map.of(
          "qa_pairs.txt", "new pairs\n",
          "qa_rejected_hf.txt", "new rejected\n",
          "README.md", "new card\n",
          "qa_rejected_hf.txt.errors.jsonl", "new errors\n");

  private CommitScenario() {}

  static void writeEarlier(Path out) throws IOException {
    Files.createDirectories(out);
    for (var file : EARLIER.entrySet()) {
      Files.writeString(out.resolve(file.getKey()), file.getValue());
    }
  }

  /** Stages the new run's files in a transaction on {@code out}, ready to commit. */
  static OutputTransaction stageNew(Path out, OutputTransaction.FileOps ops) throws Exception {
    OutputTransaction outputs =
        OutputTransaction.begin(out, io.qaexport.application.port.in.ExportProgress.NONE, ops);
    for (String name :
        new String[] {
          "qa_pairs.txt", "qa_rejected_hf.txt", "qa_rejected_hf.txt.errors.jsonl", "README.md"
        }) {
      Files.writeString(outputs.stage(out.resolve(name)), NEW.get(name));
    }
    outputs.removeOnCommit(out.resolve("qa_pairs.txt.errors.jsonl"));
    return outputs;
  }

  /** The files a reader sees (not the hidden ones), with their text. */
  static Map<String, String> visible(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(out)) {
      for (Path file : (Iterable<Path>) list::iterator) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".")) {
          files.put(name, Files.readString(file));
        }
      }
    }
    return files;
  }

  /** Every file, hidden ones too. */
  static List<String> allNames(Path out) throws IOException {
    try (Stream<Path> list = Files.list(out)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Counts the commit's steps; at {@code stopAt} it runs {@code stop} instead of the step. */
  static final class Steps implements OutputTransaction.FileOps {
    interface Stop {
      void at(int step) throws IOException;
    }

    private final int stopAt;
    private final Stop stop;
    int taken;

    Steps(int stopAt, Stop stop) {
      this.stopAt = stopAt;
      this.stop = stop;
    }

    private void step() throws IOException {
      taken++;
      if (taken >= stopAt && stop != null) {
        stop.at(taken);
      }
    }

    @Override
    public void move(Path from, Path to) throws IOException {
      step();
      REAL.move(from, to);
    }

    @Override
    public void delete(Path file) throws IOException {
      step();
      REAL.delete(file);
    }
  }

  /** The child: stages, then commits and halts at step {@code args[1]} without any cleanup. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int stopAt = Integer.parseInt(args[1]);
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    OutputTransaction outputs =
        stageNew(
            out,
            new Steps(
                stopAt,
                step -> {
                  stdout.println("stopped at step " + step);
                  while (true) {
                    try {
                      Thread.sleep(60_000); // until the parent's kill -9
                    } catch (InterruptedException ignored) {
                      // keep waiting
                    }
                  }
                }));
    outputs.commit();
    stdout.println("committed");
    outputs.close();
  }
}
