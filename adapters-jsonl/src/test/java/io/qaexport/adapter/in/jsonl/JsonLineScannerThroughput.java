package io.qaexport.adapter.in.jsonl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToLongFunction;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * MB of lines per CPU-second (this thread's CPU time, 10^6 bytes) for {@link JsonLineScanner}
 * against what it would replace: Jackson's tokenizer alone (a {@code nextToken()} loop, strings
 * skipped undecoded), the reader's {@link PairParser} as it is, and the separate UTF-8 pass ({@link
 * Utf8Validation}). Lines of the validation step's shape, 2,000 of each kind: all-Swedish (2.2 KB
 * on average; question, answer, source document and failure reason always hold å, ä or ö),
 * LLM-style (1.6 KB; answers of numbered steps with escaped newlines, quotes and tabs, Swedish and
 * English words) and, to show what UTF-8 costs, the Swedish lines with å, ä, ö made a, a, o. A
 * measurement, not a test: run it on a quiet machine, after {@code mvn -o -q -pl adapters-jsonl -am
 * test-compile}, from the repository root:
 *
 * <pre>
 * mvn -o -q -pl adapters-jsonl dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -XX:+UseSerialGC -Xmx512m \
 *   -cp adapters-jsonl/target/test-classes:adapters-jsonl/target/classes:core/target/classes:$(cat /tmp/cp.txt) \
 *   io.qaexport.adapter.in.jsonl.JsonLineScannerThroughput
 * </pre>
 *
 * <p>Each figure is the median of 9 rounds of at least 0.5 CPU-s each, after 3 s of warm-up; the
 * rounds take turns among the candidates. {@code -Donly=JsonLineScanner,Jackson} measures only
 * those whose names start so.
 *
 * <p>On 4b0226d, a shared two-core AMD EPYC at load 6 to 8 (so give or take a fifth), MB/CPU-s:
 *
 * <pre>
 *                                      all-Swedish  LLM-style  ASCII
 * JsonLineScanner.scan                        1009        883   1833
 * Jackson nextToken() loop                     595        602   1777
 * PairParser.parse (as read now)               416        363   1117
 * Utf8Validation pass                         1160       1446   8360
 * Utf8Validation + scan                        525        555   1465
 * Utf8Validation + PairParser (now)            314        299    985
 * </pre>
 */
final class JsonLineScannerThroughput {
  private static final List<String> PATHS =
      List.of(
          "question",
          "answer",
          "source_document",
          "persona",
          "persona.roll",
          "persona.erfarenhet",
          "validation",
          "validation.composite_score",
          "validation.failure_reason",
          "metadata.tags");

  private static final String[] SWEDISH =
      (" vårdtagare anhörig sjuksköterska läkemedel dosett signering ordination delegering "
              + "förband trycksår häl lägesändring rullstol säng dusch kläder trappa "
              + "genomförandeplan levnadsberättelse självbestämmande bemötande oro ångest sömn "
              + "frukost måltid vätska konsistens vikt aptit tugga svälj munvård glasögon "
              + "hörapparat förvirring hemlängtan dygnsrytm trädgård balkong fönster dörr "
              + "lägenhet boende avdelning hemtjänst korttidsboende dagverksamhet överlämning "
              + "arbetsmiljö ryggen belastning skyddsutrustning avfall tvättstuga städning kök "
              + "kylskåp frys matlåda temperatur smärta yrsel fallrisk halkskydd belysning "
              + "glömska besök återbesök vårdcentral sjukhus tandläkare fotvård fika hjälper "
              + "frågar svarar kontrollerar dokumenterar förklarar lyssnar väntar erbjuder "
              + "stöttar lyfter vänder tvättar torkar smörjer observerar mäter väger noterar "
              + "överlämnar läser skriver planerar ändrar fortsätter börjar slutar tänker "
              + "känner märker upptäcker undviker försiktigt lugnt noggrant närmast även "
              + "därför också någon något många några sådan själv högt lågt ömt")
          .trim()
          .split(" ");

  private static final String[] ENGLISH =
      ("the resident should be helped with care and the nurse must check the medication list "
              + "before every dose while staff document changes in the journal and report any "
              + "deviation to the manager so that the plan can be updated with the family")
          .split(" ");

  private static final int ROUNDS = 9;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long sink;

  /** Measures only what starts with one of these, e.g. {@code -Donly=JsonLineScanner,Jackson}. */
  private final String[] only =
      System.getProperty("only", "").isEmpty()
          ? new String[0]
          : System.getProperty("only").split(",");

  public static void main(String[] args) {
    new JsonLineScannerThroughput().run();
  }

  private void run() {
    JsonFactory json = JacksonLineReference.productFactory(1 << 20);
    List<byte[]> swedish = lines(new Random(1), false);
    List<byte[]> llm = lines(new Random(2), true);
    List<byte[]> ascii = swedish.stream().map(JsonLineScannerThroughput::ascii).toList();
    System.out.printf(
        Locale.ROOT,
        "lines: all-Swedish %d, %.0f bytes on average; LLM-style %d, %.0f bytes on average%n",
        swedish.size(),
        average(swedish),
        llm.size(),
        average(llm));
    JsonLineScanner scanner = new JsonLineScanner(json, PATHS);
    PairParser pairs = new PairParser(json, true);
    for (List<byte[]> lines : List.of(swedish, llm)) {
      for (byte[] line : lines) {
        if (!scanner.scan(line, 0, line.length)) {
          throw new IllegalStateException("invalid: " + JsonLineScannerTest.show(line));
        }
      }
    }
    List<Named> sets =
        List.of(
            new Named("all-Swedish", swedish),
            new Named("LLM-style", llm),
            new Named("ASCII", ascii));
    for (Named set : sets) {
      List<byte[]> lines = set.lines();
      List<Candidate> candidates =
          List.of(
              new Candidate("JsonLineScanner.scan", line -> scan(scanner, line)),
              new Candidate("Jackson nextToken() loop", line -> tokens(json, line)),
              new Candidate("PairParser.parse (as read now)", line -> parse(pairs, line)),
              new Candidate("Utf8Validation pass", JsonLineScannerThroughput::utf8),
              new Candidate("Utf8Validation + scan", line -> utf8(line) + scan(scanner, line)),
              new Candidate(
                  "Utf8Validation + PairParser (now)", line -> utf8(line) + parse(pairs, line)));
      report(
          set.name(),
          lines,
          candidates.stream()
              .filter(c -> only.length == 0 || Arrays.stream(only).anyMatch(c.what()::startsWith))
              .toList());
    }
    System.out.println("(checksum " + sink + ")");
  }

  private record Named(String name, List<byte[]> lines) {}

  private record Candidate(String what, ToLongFunction<byte[]> work) {}

  /**
   * Rounds go round the candidates, so a machine that gets busier or quieter meanwhile slows or
   * speeds them all alike.
   */
  private void report(String set, List<byte[]> lines, List<Candidate> candidates) {
    long bytes = lines.stream().mapToLong(line -> line.length).sum();
    for (Candidate candidate : candidates) {
      long warmUntil = System.nanoTime() + 3_000_000_000L;
      while (System.nanoTime() < warmUntil) {
        pass(lines, candidate.work());
      }
    }
    double[][] rates = new double[candidates.size()][ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      for (int c = 0; c < candidates.size(); c++) {
        long start = threads.getCurrentThreadCpuTime();
        long passes = 0;
        long cpu;
        do {
          pass(lines, candidates.get(c).work());
          passes++;
          cpu = threads.getCurrentThreadCpuTime() - start;
        } while (cpu < 500_000_000L);
        rates[c][round] = passes * bytes / 1e6 / (cpu / 1e9);
      }
    }
    for (int c = 0; c < candidates.size(); c++) {
      Arrays.sort(rates[c]);
      System.out.printf(
          Locale.ROOT,
          "%-12s %-36s %8.0f MB/CPU-s  (rounds %.0f..%.0f)%n",
          set,
          candidates.get(c).what(),
          rates[c][ROUNDS / 2],
          rates[c][0],
          rates[c][ROUNDS - 1]);
    }
  }

  private void pass(List<byte[]> lines, ToLongFunction<byte[]> work) {
    long sum = 0;
    for (byte[] line : lines) {
      sum += work.applyAsLong(line);
    }
    sink += sum;
  }

  private static long scan(JsonLineScanner scanner, byte[] line) {
    if (!scanner.scan(line, 0, line.length)) {
      throw new IllegalStateException();
    }
    return scanner.end(1) + scanner.start(0);
  }

  private static long tokens(JsonFactory json, byte[] line) {
    long count = 0;
    try (JsonParser parser = json.createParser(ObjectReadContext.empty(), line, 0, line.length)) {
      while (parser.nextToken() != null) {
        count++;
      }
    }
    return count;
  }

  private static long parse(PairParser pairs, byte[] line) {
    try {
      return pairs.parse(line, 0, line.length).answer().length();
    } catch (LineProblem e) {
      throw new IllegalStateException(e);
    }
  }

  private static long utf8(byte[] line) {
    return Utf8Validation.firstInvalidByte(line, 0, line.length);
  }

  /** The same line with å, ä and ö as a, a and o: what UTF-8 costs. */
  private static byte[] ascii(byte[] line) {
    String text = new String(line, StandardCharsets.UTF_8);
    return text.replace('å', 'a')
        .replace('ä', 'a')
        .replace('ö', 'o')
        .replace('Å', 'A')
        .replace('Ä', 'A')
        .replace('Ö', 'O')
        .getBytes(StandardCharsets.UTF_8);
  }

  private static double average(List<byte[]> lines) {
    return lines.stream().mapToInt(line -> line.length).average().orElse(0);
  }

  /** 2,000 lines of the validation step's shape. */
  private static List<byte[]> lines(Random random, boolean llm) {
    List<byte[]> lines = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      StringBuilder line = new StringBuilder();
      line.append("{\"id\": \"rec-").append(100000 + i).append("\", ");
      line.append("\"question\": \"")
          .append(swedish(random, 12 + random.nextInt(12)))
          .append("?\", ");
      line.append("\"answer\": \"")
          .append(llm ? llmAnswer(random) : swedish(random, 90 + random.nextInt(60)))
          .append("\", ");
      line.append("\"source_document\": \"")
          .append(swedish(random, 40 + random.nextInt(30)))
          .append("\", ");
      line.append("\"persona\": {\"roll\": \"")
          .append(pick(random, new String[] {"undersköterska", "vårdbiträde", "sjuksköterska"}))
          .append("\", \"erfarenhet\": \"")
          .append(pick(random, new String[] {"nyanställd", "erfaren", "timanställd"}))
          .append("\"}, ");
      line.append("\"validation\": {\"composite_score\": ")
          .append(String.format(Locale.ROOT, "%.3f", random.nextDouble()))
          .append(", \"failure_reason\": ")
          .append(random.nextBoolean() ? "null" : "\"" + swedish(random, 8) + "\"")
          .append(", \"checks\": {\"relevance\": 0.9, \"grounded\": true}}, ");
      line.append("\"metadata\": {\"tags\": [\"")
          .append(swedish(random, 1))
          .append("\", \"")
          .append(swedish(random, 1))
          .append("\"], \"model\": \"gpt-4o-mini\", \"språk\": \"sv\"}}");
      lines.add(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    return lines;
  }

  private static String swedish(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        text.append(random.nextInt(10) == 0 ? ", " : " ");
      }
      text.append(pick(random, SWEDISH));
    }
    if (text.toString().chars().allMatch(c -> c < 0x80)) {
      text.append(" då");
    }
    return text.toString();
  }

  /** Markdown-ish: numbered steps, quoted terms and tab-indented notes, as JSON escapes. */
  private static String llmAnswer(Random random) {
    StringBuilder text = new StringBuilder("Här är en sammanfattning:\\n\\n");
    int steps = 3 + random.nextInt(4);
    for (int step = 1; step <= steps; step++) {
      text.append(step).append(". **").append(pick(random, SWEDISH)).append("**: ");
      for (int i = 0; i < 8 + random.nextInt(8); i++) {
        String word = random.nextInt(3) == 0 ? pick(random, SWEDISH) : pick(random, ENGLISH);
        text.append(random.nextInt(12) == 0 ? "\\\"" + word + "\\\"" : word).append(' ');
      }
      text.append("\\n");
      if (random.nextBoolean()) {
        text.append("\\t- ").append(pick(random, ENGLISH)).append(" \\u2013 ok\\n");
      }
    }
    text.append("\\nKälla: \\\"").append(pick(random, SWEDISH)).append("\\\"");
    return text.toString();
  }

  private static String pick(Random random, String[] words) {
    return words[random.nextInt(words.length)];
  }
}
