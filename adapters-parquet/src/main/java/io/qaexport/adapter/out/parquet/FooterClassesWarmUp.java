package io.qaexport.adapter.out.parquet;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Sets up, on a spare thread while records are read, the parquet-java classes that only a file's
 * footer needs. Their static set-up is slow in a young JVM ({@code ParquetMetadata} builds a JSON
 * mapper of ~375 shaded Jackson classes: 40-70 ms before anything is compiled) and otherwise runs
 * when a file is closed, the one step of an export that nothing overlaps. The JVM runs a class's
 * set-up once, whichever thread asks first; a writer that asks meanwhile waits for it.
 */
final class FooterClassesWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private FooterClassesWarmUp() {}

  /** Starts the set-up once per process; later calls do nothing. */
  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(FooterClassesWarmUp::setUp, "qa-export-parquet-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** A class literal loads a class without setting it up; forName(…, true, …) sets it up. */
  private static void setUp() {
    for (Class<?> footerClass :
        new Class<?>[] {ParquetMetadata.class, ParquetMetadataConverter.class}) {
      try {
        Class.forName(footerClass.getName(), true, footerClass.getClassLoader());
      } catch (ClassNotFoundException | LinkageError | RuntimeException failed) {
        // Nothing to do here: the writer meets the same failure itself, where it is reported.
      }
    }
  }
}
