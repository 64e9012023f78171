package io.qaexport.adapter.in.jsonl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a file is compressed, told by its first bytes as the reader tells it. */
public final class CompressedInput {
  private CompressedInput() {}

  public static boolean isCompressed(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 16)) {
      return Decompression.detect(in) != Decompression.NONE;
    }
  }
}
