package io.qaexport.application.service.commit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed run's temporary files go when their writer is gone: exited, or a zombie no one has
 * reaped yet (a killed run under an init that does not reap); a live writer's stay.
 */
class LeftoversTest {
  @TempDir Path dir;

  private Path temporary(long pid) throws IOException {
    return Files.writeString(dir.resolve(".qa_pairs.jsonl." + pid + Journal.TEMP_SUFFIX), "x");
  }

  @Test
  void aZombieWritersFilesGoAndALiveWritersStay() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
    // The child outlives bash (which would reap it) and exits under `sleep`, which never waits
    // for it: a zombie. A child that exited before the exec would have been reaped by bash.
    Process parent =
        new ProcessBuilder("bash", "-c", "sleep 2 & echo $!; exec sleep 20")
            .redirectErrorStream(true)
            .start();
    try {
      var output =
          new BufferedReader(
              new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII));
      long zombie = Long.parseLong(output.readLine().trim());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Leftovers.isGone(zombie) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(
          ProcessHandle.of(zombie).isPresent(),
          "the child is a zombie: exited, unreaped, still seen by the JDK");
      Path ofZombie = temporary(zombie);
      Path ofLive = temporary(parent.pid());

      Leftovers.remove(dir);

      assertFalse(Files.exists(ofZombie), "a zombie writes nothing more");
      assertTrue(Files.exists(ofLive), "a live writer's file stays");
    } finally {
      parent.destroyForcibly();
      parent.waitFor();
    }
  }

  @Test
  void besideACardElsewhereOnlyThatCardsLeftoversOfGoneWritersGo() throws IOException {
    long gone = 999_999_999L; // above any pid_max
    Path card = dir.resolve("CARD.md");
    Path cardTemporary =
        Files.writeString(dir.resolve(".CARD.md." + gone + Journal.TEMP_SUFFIX), "");
    Path cardBackup =
        Files.writeString(dir.resolve(".CARD.md.previous." + gone + Journal.TEMP_SUFFIX), "");
    Path live =
        Files.writeString(
            dir.resolve(".CARD.md." + ProcessHandle.current().pid() + Journal.TEMP_SUFFIX), "");
    Path another = Files.writeString(dir.resolve(".notes.md." + gone + Journal.TEMP_SUFFIX), "");
    Path target = Files.writeString(dir.resolve("elsewhere"), "keep");
    Path link =
        Files.createSymbolicLink(dir.resolve(".CARD.md.1." + gone + Journal.TEMP_SUFFIX), target);

    Leftovers.removeOf(card);

    assertFalse(Files.exists(cardTemporary));
    assertFalse(Files.exists(cardBackup));
    assertTrue(Files.exists(live), "a live writer's file stays");
    assertTrue(Files.exists(another), "not beside the card");
    assertTrue(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "a link is never ours");
    assertTrue(Files.exists(target));
  }
}
