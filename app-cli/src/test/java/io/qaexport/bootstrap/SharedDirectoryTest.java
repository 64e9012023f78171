package io.qaexport.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output directory others can write to (a shared group or 777 directory, a dataset copied in)
 * must not be turned against the run: what a journal, a lock, a card or a temporary name planted
 * there says is acted on only inside the directory and on qa-export's own names, a run never writes
 * through a planted link, and no planted entry makes it hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedDirectoryTest {
  private static final String GOOD =
      "{\"question\": \"Hur?\", \"answer\": \"Så.\","
          + " \"source_document\": \"a.md\", \"persona\": \"p\","
          + " \"validation\": {\"composite_score\": 0.5}}\n";
  private static final String JOURNAL = ".qa-export.journal";

  @TempDir Path dir;

  private Path out() {
    return dir.resolve("out");
  }

  private CliRun export(String... more) throws IOException {
    Path qa = dir.resolve("qa");
    Files.createDirectories(qa);
    Files.writeString(qa.resolve("qa_passed.jsonl"), GOOD);
    List<String> args =
        new ArrayList<>(
            List.of("--input-dir", qa.toString(), "--output-dir", out().toString(), "--quiet"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void plantJournal(String... entries) throws IOException {
    Files.createDirectories(out());
    Files.writeString(
        out().resolve(JOURNAL), "qa-export journal 2\n" + String.join("\n", entries) + "\nend\n");
  }

  private static String enc(String path) {
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  /** The run ended with exit 3 naming the journal, and wrote no output. */
  private void assertRefused(CliRun run, String why) throws IOException {
    assertEquals(3, run.exitCode(), run.err());
    assertTrue(run.err().contains(out().resolve(JOURNAL).toString()), run.err());
    assertTrue(run.err().contains(why), run.err());
    assertTrue(run.err().contains("remove it to use this directory"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(Files.exists(out().resolve("qa_pairs.jsonl")), "no output written");
  }

  @Test
  void aPlantedJournalNamingFilesOutsideTheDirectoryMovesNothingAndEndsWithExit3()
      throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("root-only"));
    Path victim = Files.writeString(elsewhere.resolve("passwd"), "the real one\n");
    Path replacement =
        Files.writeString(elsewhere.resolve(".passwd.previous.1.qa-export-tmp"), "the planter's\n");
    Path other = Files.writeString(elsewhere.resolve("shadow"), "keep me\n");
    for (String entry :
        List.of(
            "-\t" + enc(victim.toString()) + "\t" + enc(replacement.toString()),
            enc(dir.resolve(".shadow.1.qa-export-tmp").toString())
                + "\t"
                + enc(other.toString())
                + "\t-",
            "-\t"
                + enc("../root-only/passwd")
                + "\t"
                + enc("../root-only/" + replacement.getFileName()),
            "-\t" + enc("sub/qa_pairs.jsonl") + "\t-")) {
      plantJournal(entry);

      assertRefused(export(), "which is not a file directly in " + out());
      assertEquals("the real one\n", Files.readString(victim));
      assertEquals("the planter's\n", Files.readString(replacement));
      assertEquals("keep me\n", Files.readString(other));
      assertTrue(Files.exists(out().resolve(JOURNAL)), "the journal is left for a person");
    }
  }

  @Test
  void aPlantedJournalInsideTheDirectoryMayMoveOnlyQaExportsOwnNames() throws IOException {
    Files.createDirectories(out());
    Path notOurs = Files.writeString(out().resolve("notes.txt"), "the user's notes\n");
    Files.writeString(out().resolve(".notes.txt.previous.7.qa-export-tmp"), "planted\n");
    plantJournal("-\tnotes.txt\t.notes.txt.previous.7.qa-export-tmp");
    assertRefused(export(), "names notes.txt, which is not an output of qa-export");

    plantJournal("-\tqa_pairs.jsonl\tnotes.txt");
    assertRefused(export(), "names notes.txt, which is not a backup of qa_pairs.jsonl");

    plantJournal(".x.1.qa-export-tmp\tqa_pairs.jsonl\t-");
    assertRefused(export(), "which is not a temporary of qa_pairs.jsonl");
    assertEquals("the user's notes\n", Files.readString(notOurs));
  }

  @Test
  void aJournalOfAKilledRunInsideTheDirectoryIsStillUndone() throws IOException {
    Files.createDirectories(out());
    Files.writeString(out().resolve("qa_pairs.jsonl"), "half-committed new\n");
    Files.writeString(
        out().resolve(".qa_pairs.jsonl.previous.99999999.qa-export-tmp"), "earlier\n");
    // Version 1 wrote absolute paths: read so that a kill -9 before an upgrade is undone too.
    Files.writeString(
        out().resolve(JOURNAL),
        "qa-export journal 1\n"
            + enc(
                out().resolve(".qa_pairs.jsonl.99999999.qa-export-tmp").toAbsolutePath().toString())
            + "\t"
            + enc(out().resolve("qa_pairs.jsonl").toAbsolutePath().toString())
            + "\t"
            + enc(
                out()
                    .resolve(".qa_pairs.jsonl.previous.99999999.qa-export-tmp")
                    .toAbsolutePath()
                    .toString())
            + "\nend\n");

    Path qa = dir.resolve("qa");
    Files.createDirectories(qa);
    Files.writeString(qa.resolve("qa_passed.jsonl"), "not json\n");
    CliRun run = CliRun.of("--input-dir", qa.toString(), "--output-dir", out().toString());

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("its moves were undone"), run.err());
    assertEquals("earlier\n", Files.readString(out().resolve("qa_pairs.jsonl")));
    assertFalse(Files.exists(out().resolve(JOURNAL)));
  }

  @Test
  void damagedJournalsEndWithExit3AndAMessageThatSaysWhatToDo() throws IOException {
    plantJournal("-\tqa_pairs.jsonl%zz\t-");
    assertRefused(export(), "bad %-escape");
    plantJournal("-\tqa_pairs%00.jsonl\t-");
    assertRefused(export(), "NUL");
    plantJournal(".qa_pairs.jsonl.1.qa-export-tmp\t-\t-");
    assertRefused(export(), "names no target");
    plantJournal("only\ttwo");
    assertRefused(export(), "is damaged at line 2");

    byte[] noise = new byte[4096];
    new Random(20).nextBytes(noise);
    Files.write(out().resolve(JOURNAL), noise);
    assertRefused(export(), "");
    Files.write(out().resolve(JOURNAL), new byte[] {'q', (byte) 0xC3, '\n'});
    assertRefused(export(), "is not UTF-8 text");
  }

  @Test
  void aHugeSparseJournalIsRefusedWithoutReadingIt() throws IOException {
    Files.createDirectories(out());
    try (var file = new RandomAccessFile(out().resolve(JOURNAL).toFile(), "rw")) {
      file.setLength(3L << 30);
    }
    assertRefused(export(), "3221225472 bytes");
  }

  @Test
  void aFifoOrALinkAsJournalLockOrCardEndsAtOnceWithExit3() throws Exception {
    Files.createDirectories(out());
    mkfifo(out().resolve(JOURNAL));
    assertRefused(export(), "is a FIFO or other special file");
    Files.delete(out().resolve(JOURNAL));

    Files.createSymbolicLink(out().resolve(JOURNAL), dir.resolve("nowhere"));
    assertRefused(export(), "is a symbolic link");
    Files.delete(out().resolve(JOURNAL));

    Files.createSymbolicLink(out().resolve(".qa-export.lock"), dir.resolve("nowhere"));
    CliRun dangling = export();
    assertEquals(3, dangling.exitCode(), dangling.err());
    assertTrue(
        dangling
            .err()
            .contains(".qa-export.lock is a symbolic link, not qa-export's" + " lock file"),
        dangling.err());
    Files.delete(out().resolve(".qa-export.lock"));

    mkfifo(out().resolve("README.md"));
    CliRun fifoCard = export();
    assertEquals(3, fifoCard.exitCode(), fifoCard.err());
    assertTrue(
        fifoCard.err().contains("README.md: it is a FIFO or other special file"), fifoCard.err());
    assertFalse(Files.exists(out().resolve("qa_pairs.jsonl")));
  }

  @Test
  void aCardThatIsALinkOutOfTheDirectoryIsNeitherReadNorReplaced() throws IOException {
    Path secret =
        Files.writeString(
            dir.resolve("private-card.md"),
            "---\nlicense: mit\n---\n"
                + "<!-- qa-export:begin (every export replaces this block; edit outside it) -->\n"
                + "SECRET TEXT\n<!-- qa-export:end -->\n");
    Files.createDirectories(out());
    Files.createSymbolicLink(out().resolve("README.md"), secret);

    CliRun run = export();

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.isSymbolicLink(out().resolve("README.md")), "the link is left as it is");
    assertTrue(Files.readString(secret).contains("SECRET TEXT"));
    assertTrue(Files.exists(out().resolve("qa_pairs.jsonl")));
  }

  @Test
  void theJournalsTemporaryIsNeverWrittenThroughAPlantedLink() throws Exception {
    // The run's PID is this JVM's: plant the link under the name the commit will use.
    Path victim = Files.writeString(dir.resolve("victim"), "untouched\n");
    Files.createDirectories(out());
    long pid = ProcessHandle.current().pid();
    Files.createSymbolicLink(out().resolve("." + JOURNAL + "." + pid + ".qa-export-tmp"), victim);
    Files.createSymbolicLink(out().resolve(".qa_pairs.jsonl." + pid + ".qa-export-tmp"), victim);

    CliRun run = export();

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("untouched\n", Files.readString(victim));
    assertTrue(Files.readString(out().resolve("qa_pairs.jsonl")).contains("Hur?"));
  }

  @Test
  void theSummarysTemporaryIsNeverWrittenThroughAPlantedLink() throws Exception {
    Path victim = Files.writeString(dir.resolve("victim"), "untouched\n");
    Path shared = Files.createDirectories(dir.resolve("shared"));
    long pid = ProcessHandle.current().pid();
    Files.createSymbolicLink(shared.resolve(".s.json." + pid + ".qa-export-tmp"), victim);

    CliRun run = export("--summary-json", shared.resolve("s.json").toString());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("untouched\n", Files.readString(victim));
    assertFalse(Files.isSymbolicLink(shared.resolve("s.json")));
    assertTrue(Files.readString(shared.resolve("s.json")).contains("\"exported\""));
  }

  @Test
  void aDirectoryNamedLikeADeadRunsTemporaryDoesNotBlockLaterRuns() throws IOException {
    Path odd = Files.createDirectories(out().resolve(".qa_pairs.jsonl.99999999.qa-export-tmp"));
    Files.writeString(odd.resolve("inside"), "x");

    CliRun run = export();

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.isDirectory(odd), "not ours: left alone");
  }

  @Test
  void anEditedOrPlantedCardMakesARunRemoveOnlyQaExportsDataFilesDirectlyInTheDirectory()
      throws IOException {
    assertEquals(0, export().exitCode());
    Path elsewhere = Files.createDirectories(dir.resolve("root-only"));
    Path outside = Files.writeString(elsewhere.resolve("important.jsonl"), "keep\n");
    Path outsideShard = Files.writeString(elsewhere.resolve("qa_pairs-00000-of-00002.jsonl"), "x");
    Files.createSymbolicLink(out().resolve("sub"), elsewhere);
    Path inSubdirectory =
        Files.writeString(
            Files.createDirectories(out().resolve("real")).resolve("user.jsonl"), "u");
    Path usersOwn = Files.writeString(out().resolve("notes.jsonl"), "mine\n");
    Path backup = Files.writeString(out().resolve("qa_pairs.jsonl.bak"), "old\n");
    Path earlierSplit = Files.writeString(out().resolve("qa_pairs-test.jsonl"), "{}\n");
    Path card = out().resolve("README.md");
    String paths =
        String.join(
            "\n",
            "        path: \"sub/*\"",
            "      - split: a",
            "        path: \"sub/qa_pairs-*-of-00002.jsonl\"",
            "      - split: b",
            "        path: \"*\"",
            "      - split: c",
            "        path: \"qa_pairs*\"",
            "      - split: d",
            "        path: real/user.jsonl",
            "      - split: e",
            "        path: ../root-only/important.jsonl",
            "      - split: f",
            "        path: qa_pairs-test.jsonl");
    Files.writeString(
        card, Files.readString(card).replaceFirst("        path: qa_pairs.jsonl", paths));

    CliRun run = export();

    assertEquals(0, run.exitCode(), run.err());
    for (Path kept : List.of(outside, outsideShard, inSubdirectory, usersOwn, backup)) {
      assertTrue(Files.exists(kept), kept + " is not qa-export's to remove");
    }
    assertEquals("keep\n", Files.readString(outside));
    assertFalse(Files.exists(earlierSplit), "an earlier split file qa-export wrote goes");
    assertTrue(Files.readString(out().resolve("qa_pairs.jsonl")).contains("Hur?"));
  }

  @Test
  void aCardPathThroughALinkToTheDirectoryNeverRemovesAFileThisRunWrites() throws IOException {
    Path qa = Files.createDirectories(dir.resolve("qa"));
    Files.writeString(qa.resolve("qa_passed.jsonl"), GOOD + GOOD.replace("Hur?", "Var?"));
    String[] split = {
      "--input-dir",
      qa.toString(),
      "--output-dir",
      out().toString(),
      "--split",
      "train=0.5,test=0.5"
    };
    assertEquals(0, CliRun.of(split).exitCode());
    Files.createSymbolicLink(out().resolve("link"), Path.of("."));
    Path card = out().resolve("README.md");
    Files.writeString(
        card,
        Files.readString(card)
            .replace("path: qa_pairs-test.jsonl", "path: link/qa_pairs-test.jsonl")
            .replace("path: qa_pairs-train.jsonl", "path: link/qa_pairs-train.jsonl"));

    CliRun run = CliRun.of(split);

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.exists(out().resolve("qa_pairs-test.jsonl")), run.err());
    assertTrue(Files.exists(out().resolve("qa_pairs-train.jsonl")), run.err());
  }

  @Test
  void aKilledCommitOfACardElsewhereIsUndoneByTheRunThatWritesThatCardAgain() throws IOException {
    Path cards = Files.createDirectories(dir.resolve("cards"));
    Path card = cards.resolve("CARD.md");
    Path backup = cards.resolve(".CARD.md.previous.123.qa-export-tmp");
    Files.writeString(card, "the killed run's card\n");
    Files.writeString(backup, "the earlier card\n");
    plantJournal(
        "-\t" + enc(card.toString()) + "\t" + enc(backup.toString()), "-\tqa_pairs.jsonl\t-");

    CliRun elsewhere = export();
    assertEquals(3, elsewhere.exitCode(), elsewhere.err());
    assertTrue(
        elsewhere.err().contains("run again with --dataset-card " + card + " to undo its commit"),
        elsewhere.err());
    assertTrue(Files.exists(backup), "nothing moved");

    Path qa = dir.resolve("qa");
    CliRun again =
        CliRun.of(
            "--input-dir",
            qa.toString(),
            "--output-dir",
            out().toString(),
            "--dataset-card",
            card.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.err().contains("its moves were undone"), again.err());
    assertFalse(Files.exists(backup));
    assertFalse(Files.exists(out().resolve(JOURNAL)));
    // Put back; not qa-export's card (no block of its own), so this run leaves it as it is.
    assertEquals("the earlier card\n", Files.readString(card));
  }

  @Test
  void aBackupAnotherUserPlantedIsNeverMovedOverAnOutput() throws IOException {
    plantJournal("-\tqa_pairs.jsonl\t.qa_pairs.jsonl.previous.1.qa-export-tmp");
    Path planted =
        Files.writeString(out().resolve(".qa_pairs.jsonl.previous.1.qa-export-tmp"), "planted\n");
    try {
      Files.setOwner(
          planted,
          planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    } catch (IOException | UnsupportedOperationException cannot) {
      assumeTrue(false, "cannot give a file to another user here: " + cannot);
    }
    assumeTrue(
        !Files.getOwner(planted, LinkOption.NOFOLLOW_LINKS)
            .getName()
            .equals(System.getProperty("user.name")));

    assertRefused(export(), "belongs to another user");
    assertEquals("planted\n", Files.readString(planted));
  }

  @Test
  void aJournalWrittenByAnotherUserIsNotActedOn() throws IOException {
    plantJournal("-\tqa_pairs.jsonl\t.qa_pairs.jsonl.previous.1.qa-export-tmp");
    Path journal = out().resolve(JOURNAL);
    UserPrincipal nobody;
    try {
      nobody =
          journal.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
      Files.setOwner(journal, nobody);
    } catch (IOException | UnsupportedOperationException cannot) {
      assumeTrue(false, "cannot give a file to another user here: " + cannot);
      return;
    }
    assumeTrue(
        !Files.getOwner(journal, LinkOption.NOFOLLOW_LINKS)
            .getName()
            .equals(System.getProperty("user.name")));

    assertRefused(export(), "belongs to nobody");
  }

  private static void mkfifo(Path path) throws Exception {
    Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertTrue(process.waitFor(10, TimeUnit.SECONDS));
    assumeTrue(process.exitValue() == 0, "mkfifo is not available");
  }
}
