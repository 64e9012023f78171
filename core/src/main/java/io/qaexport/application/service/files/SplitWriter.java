package io.qaexport.application.service.files;

import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.out.OutputFormat;
import io.qaexport.application.service.commit.OutputTransaction;
import io.qaexport.domain.ArrowSize;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.RecordShape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One split's files of a {@link DatasetFiles}: its shards, written one after another, each cut when
 * its share of the split's expected rows is written.
 */
final class SplitWriter {
  private final Path basePath;
  private final String name;
  private final boolean named;
  private final long expectedRows;
  private final int shards;
  private final OutputFormat format;
  private final RecordShape shape;
  private final OutputTransaction outputs;
  private final List<Path> paths = new ArrayList<>();
  private RecordOutput current;
  private int currentShard = -1;
  private long written;
  private long bytes;
  private final ArrowSize arrowSize;

  SplitWriter(
      Path basePath,
      String name,
      boolean named,
      long expectedRows,
      int shards,
      OutputFormat format,
      RecordShape shape,
      OutputTransaction outputs) {
    this.basePath = basePath;
    this.name = name;
    this.named = named;
    this.expectedRows = expectedRows;
    this.shards = shards;
    this.format = format;
    this.shape = shape;
    this.outputs = outputs;
    this.arrowSize = new ArrowSize(shape);
  }

  void accept(long lineNumber, HfRecord record) throws ExportException {
    int shard = shardOf(written, shards, expectedRows);
    if (shard != currentShard) {
      open(shard);
    }
    current.accept(lineNumber, record);
    written++;
  }

  void open(int shard) throws ExportException {
    if (current != null) {
      bytes += current.complete();
      arrowSize.add(current.arrowSize());
    }
    Path path = basePath.resolveSibling(fileName(shard));
    current = RecordOutput.open(format, shape, path, outputs);
    currentShard = shard;
    paths.add(path);
  }

  /**
   * The shard of a split's row {@code row} (from 0): rows spread evenly over the shards, as
   * push_to_hub does; the last takes any surplus.
   */
  static int shardOf(long row, int shards, long expectedRows) {
    return shards == 1 || expectedRows == 0
        ? 0
        : (int) Math.min(shards - 1, row * shards / expectedRows);
  }

  /** The file name of {@code shard}, beside the output's base path, in the Hub's naming. */
  String fileName(int shard) {
    String base = basePath.getFileName().toString();
    if (!named && shards == 1) {
      return base;
    }
    int dot = base.lastIndexOf('.');
    String stem = dot < 0 ? base : base.substring(0, dot);
    String extension = dot < 0 ? "" : base.substring(dot);
    return stem
        + (named ? "-" + name : "")
        + (shards == 1 ? "" : String.format(Locale.ROOT, "-%05d-of-%05d", shard, shards))
        + extension;
  }

  long complete() throws ExportException {
    if (current != null) {
      bytes += current.complete();
      arrowSize.add(current.arrowSize());
      current = null;
    }
    return bytes;
  }

  /** Closes the open shard after a failure; harmless when complete or closed already. */
  void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  String name() {
    return name;
  }

  boolean named() {
    return named;
  }

  long written() {
    return written;
  }

  List<Path> paths() {
    return paths;
  }

  long bytes() {
    return bytes;
  }

  long arrowBytes() {
    return arrowSize.bytes();
  }
}
