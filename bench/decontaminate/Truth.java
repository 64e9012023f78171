import io.qaexport.domain.dedup.GramIds;
import io.qaexport.domain.dedup.QuestionKey;
import io.qaexport.domain.dedup.Shingles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Brute-force ground truth for --decontaminate, with the tool's own gram code.
 *
 * <pre>
 * java -cp qa/core/target/classes:. Truth SAMPLE.jsonl REFS.txt OUT.tsv [CHECK.tsv CHECKED.tsv]
 * </pre>
 *
 * For every input question (SAMPLE.jsonl, "question" of each line): the max Jaccard similarity
 * over all reference questions (REFS.txt read as the tool reads a .txt: UTF-8, BOM dropped, blank
 * lines skipped, each line stripped, line numbers from 1); normalised-equal texts count as 1.0.
 * OUT.tsv: line, max (exact when max >= FLOOR, else "<FLOOR"), first reference line reaching the
 * max, references >= 0.8, references >= 0.6. CHECK.tsv rows "line \t reference_line \t similarity"
 * (from the tool's log) get the brute-force similarity of that very pair in CHECKED.tsv.
 */
public final class Truth {
  static final double FLOOR = 0.6;

  public static void main(String[] args) throws IOException {
    List<String> inputs = readQuestions(Path.of(args[0]));
    List<String> refs = new ArrayList<>();
    List<Long> refLines = new ArrayList<>();
    readRefs(Path.of(args[1]), refs, refLines);
    GramIds ids = new GramIds();
    String[] inNorm = new String[inputs.size()];
    int[][] inGrams = new int[inputs.size()][];
    for (int i = 0; i < inputs.size(); i++) {
      inNorm[i] = QuestionKey.normalise(inputs.get(i));
      inGrams[i] = Shingles.of(inNorm[i], ids);
    }
    String[] refNorm = new String[refs.size()];
    int[][] refGrams = new int[refs.size()][];
    for (int r = 0; r < refs.size(); r++) {
      refNorm[r] = QuestionKey.normalise(refs.get(r));
      refGrams[r] = Shingles.of(refNorm[r], ids);
    }
    System.err.printf("inputs %d, references %d, grams %d%n", inputs.size(), refs.size(), ids.size());
    long t0 = System.nanoTime();
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
      out.write("line\tmax\tbest_ref_line\tn_ge_0.8\tn_ge_0.6\n");
      for (int i = 0; i < inputs.size(); i++) {
        double best = -1;
        int bestRef = -1;
        int n8 = 0;
        int n6 = 0;
        int a = inGrams[i].length;
        for (int r = 0; r < refs.size(); r++) {
          int b = refGrams[r].length;
          double bound = a == 0 && b == 0 ? 1.0 : (double) Math.min(a, b) / Math.max(a, b);
          boolean equal = inNorm[i].equals(refNorm[r]);
          if (!equal && bound < FLOOR) {
            continue; // Jaccard <= min/max < FLOOR
          }
          double s = equal ? 1.0 : Shingles.jaccard(inGrams[i], refGrams[r]);
          if (s >= 0.8) n8++;
          if (s >= 0.6) n6++;
          if (s > best) {
            best = s;
            bestRef = r;
          }
        }
        out.write((i + 1) + "\t" + (best >= FLOOR ? Double.toString(best) : "<" + FLOOR) + "\t"
            + (best >= FLOOR ? refLines.get(bestRef) : -1) + "\t" + n8 + "\t" + n6 + "\n");
      }
    }
    System.err.printf("brute force: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    if (args.length >= 5) {
      java.util.Map<Long, Integer> byLine = new java.util.HashMap<>();
      for (int r = 0; r < refLines.size(); r++) byLine.put(refLines.get(r), r);
      try (BufferedReader in = Files.newBufferedReader(Path.of(args[3]), StandardCharsets.UTF_8);
          BufferedWriter out = Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.UTF_8)) {
        out.write("line\treference_line\tlogged\tbrute\tequal\n");
        for (String row = in.readLine(); row != null; row = in.readLine()) {
          String[] f = row.split("\t");
          int i = Integer.parseInt(f[0]) - 1;
          Integer r = byLine.get(Long.parseLong(f[1]));
          double logged = Double.parseDouble(f[2]);
          double s = r == null ? Double.NaN
              : inNorm[i].equals(refNorm[r]) ? 1.0 : Shingles.jaccard(inGrams[i], refGrams[r]);
          out.write(f[0] + "\t" + f[1] + "\t" + logged + "\t" + s + "\t" + (s == logged) + "\n");
        }
      }
    }
  }

  static void readRefs(Path path, List<String> refs, List<Long> lines) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      long number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
        if (!line.isBlank()) {
          refs.add(line.strip());
          lines.add(number);
        }
      }
    }
  }

  /** The "question" string of each JSONL line (its first occurrence as a key), JSON-unescaped. */
  static List<String> readQuestions(Path path) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int k = line.indexOf("\"question\"");
        if (k < 0) throw new IOException("no question on line " + (out.size() + 1));
        int i = k + "\"question\"".length();
        while (Character.isWhitespace(line.charAt(i))) i++;
        if (line.charAt(i++) != ':') throw new IOException("bad line " + (out.size() + 1));
        while (Character.isWhitespace(line.charAt(i))) i++;
        if (line.charAt(i++) != '"') throw new IOException("bad line " + (out.size() + 1));
        StringBuilder sb = new StringBuilder();
        for (char c = line.charAt(i++); c != '"'; c = line.charAt(i++)) {
          if (c == '\\') {
            char e = line.charAt(i++);
            switch (e) {
              case 'n' -> sb.append('\n');
              case 't' -> sb.append('\t');
              case 'r' -> sb.append('\r');
              case 'b' -> sb.append('\b');
              case 'f' -> sb.append('\f');
              case 'u' -> {
                sb.append((char) Integer.parseInt(line.substring(i, i + 4), 16));
                i += 4;
              }
              default -> sb.append(e);
            }
          } else {
            sb.append(c);
          }
        }
        out.add(sb.toString());
      }
    }
    return out;
  }
}
