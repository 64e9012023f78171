package io.qaexport.application.service.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.HfRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncRecordWriterTest {
  private static HfRecord record(int i) {
    return new HfRecord("q" + i, "a", "s", "p", i, null);
  }

  /** Records what reaches it; fails at record {@code failAt} if non-negative. */
  private static final class Recording implements RecordWriter {
    final List<String> written = new ArrayList<>();
    final int failAt;
    final RuntimeException unchecked;
    boolean closed;

    Recording(int failAt, RuntimeException unchecked) {
      this.failAt = failAt;
      this.unchecked = unchecked;
    }

    @Override
    public void write(HfRecord record) throws IOException {
      if (written.size() == failAt) {
        if (unchecked != null) {
          throw unchecked;
        }
        throw new IOException("No space left on device");
      }
      written.add(record.question());
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void everyRecordArrivesInOrderAcrossBatches() throws IOException {
    var delegate = new Recording(-1, null);
    int count = AsyncRecordWriter.BATCH_SIZE * 3 + 17;
    try (var writer = new AsyncRecordWriter(delegate)) {
      for (int i = 0; i < count; i++) {
        writer.write(record(i));
      }
    }
    assertEquals(count, delegate.written.size());
    for (int i = 0; i < count; i++) {
      assertEquals("q" + i, delegate.written.get(i));
    }
    assertTrue(delegate.closed);
  }

  @Test
  void aWriteFailureSurfacesOnceAndTheDelegateIsStillClosed() {
    var delegate = new Recording(5, null);
    var writer = new AsyncRecordWriter(delegate);
    IOException failure =
        assertThrows(
            IOException.class,
            () -> {
              try (writer) {
                for (int i = 0; i < AsyncRecordWriter.BATCH_SIZE * 20; i++) {
                  writer.write(record(i));
                }
              }
            });
    assertEquals("No space left on device", failure.getMessage());
    assertEquals(0, failure.getSuppressed().length);
    assertTrue(delegate.closed);
    assertEquals(5, delegate.written.size());
  }

  @Test
  void anUncheckedFailureOfTheWriterSurfacesAsItself() {
    var bug = new IllegalStateException("bug in a format");
    var writer = new AsyncRecordWriter(new Recording(0, bug));
    var thrown =
        assertThrows(
            IllegalStateException.class,
            () -> {
              writer.write(record(1));
              writer.close();
            });
    assertEquals(bug, thrown);
  }
}
