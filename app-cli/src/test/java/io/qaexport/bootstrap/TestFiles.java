package io.qaexport.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** File helpers the end-to-end tests share. */
final class TestFiles {
  private TestFiles() {}

  /** The names of the files in {@code directory}, sorted. */
  static List<String> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
