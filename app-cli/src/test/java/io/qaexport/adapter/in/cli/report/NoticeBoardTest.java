package io.qaexport.adapter.in.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.qaexport.application.port.in.ExportProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeBoardTest {

  /** Every progress call but a notice reaches the bar as it was made, not as a default maps it. */
  @Test
  void everyProgressCallReachesTheBarAsMade() throws Exception {
    List<String> heard = new ArrayList<>();
    ExportProgress bar =
        new ExportProgress() {
          @Override
          public void fileStarted(Path input, long sizeBytes) {
            heard.add("fileStarted");
          }

          @Override
          public void firstPassStarted(Path input, long sizeBytes) {
            heard.add("firstPassStarted");
          }

          @Override
          public void linesRead(long lines) {
            heard.add("linesRead");
          }

          @Override
          public void bytesRead(long bytes) {
            heard.add("bytesRead");
          }

          @Override
          public void fileFinished(Path input) {
            heard.add("fileFinished");
          }
        };
    var err = new PrintStream(new ByteArrayOutputStream(), true);
    var board = new NoticeBoard(new Console(err, err), false, bar);
    List<String> called = new ArrayList<>();

    for (Method method : ExportProgress.class.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers()) || method.getName().equals("notice")) {
        continue;
      }
      Object[] args =
          Arrays.stream(method.getParameterTypes())
              .map(type -> type == Path.class ? Path.of("in.jsonl") : (Object) 1L)
              .toArray();
      method.invoke(board, args);
      called.add(method.getName());
    }

    assertEquals(called, heard);
  }
}
