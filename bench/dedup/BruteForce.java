import io.qaexport.domain.dedup.GramIds;
import io.qaexport.domain.dedup.QuestionKey;
import io.qaexport.domain.dedup.Shingles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ground truth for the dedup quality benchmark: the exact Jaccard similarity of EVERY pair of the
 * given questions (one per line, in input order), with the grams qa-export uses; prints the pairs
 * at or above the threshold as "i j similarity" (0-based). Run with core's classes:
 *   java -cp core/target/classes bench/dedup/BruteForce.java QUESTIONS THRESHOLD OUT
 */
public class BruteForce {
  public static void main(String[] args) throws Exception {
    List<String> questions = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    double threshold = Double.parseDouble(args[1]);
    int[][] grams = new int[questions.size()][];
    var ids = new GramIds();
    for (int i = 0; i < grams.length; i++) {
      grams[i] = Shingles.of(QuestionKey.normalise(questions.get(i)), ids);
    }
    long started = System.nanoTime();
    StringBuilder[] found = new StringBuilder[grams.length];
    IntStream.range(0, grams.length).parallel().forEach(i -> {
      var lines = new StringBuilder();
      for (int j = i + 1; j < grams.length; j++) {
        double s = Shingles.jaccard(grams[i], grams[j]);
        if (s >= threshold) {
          lines.append(i).append(' ').append(j).append(' ').append(s).append('\n');
        }
      }
      found[i] = lines;
    });
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
      for (StringBuilder lines : found) {
        out.print(lines);
      }
    }
    long pairs = (long) grams.length * (grams.length - 1) / 2;
    System.err.printf("brute force: %,d pairs in %.1f s%n", pairs, (System.nanoTime() - started) / 1e9);
  }
}
