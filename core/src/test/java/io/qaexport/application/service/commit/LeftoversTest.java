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
}
