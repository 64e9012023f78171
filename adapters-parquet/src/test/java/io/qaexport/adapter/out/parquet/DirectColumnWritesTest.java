package io.qaexport.adapter.out.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's direct way for flat shapes (values straight to the column writers) against the
 * record consumer it bypasses: for random flat shapes (every kept type but lists, nulls among
 * them), codecs and row-group sizes small enough to cut many groups and pages, the same file, byte
 * for byte.
 */
class DirectColumnWritesTest {
  private static final KeptType[] FLAT_TYPES = {
    KeptType.STRING, KeptType.FLOAT64, KeptType.INT64, KeptType.BOOL, KeptType.JSON
  };
  private static final String[] WORDS = {
    "vårdtagare", "anhörig", "läkemedel", "😀", "\"", "\\", "\n", "a", "", "dusch", "ÅÄÖ"
  };

  @TempDir Path dir;

  private byte[] write(
      String name,
      RecordShape shape,
      ParquetCompression codec,
      long rowGroupBytes,
      List<HfRecord> records,
      boolean direct)
      throws IOException {
    Path file = dir.resolve(name);
    try (var writer = new ParquetRecordWriter(file, shape, codec, rowGroupBytes, direct)) {
      for (HfRecord record : records) {
        writer.write(record);
      }
    }
    return Files.readAllBytes(file);
  }

  @Test
  void flatShapesWriteTheSameBytesDirectlyAsThroughTheRecordConsumer() throws IOException {
    var random = new Random(18);
    ParquetCompression[] codecs = ParquetCompression.values();
    for (int round = 0; round < 40; round++) {
      RecordShape shape = shape(random);
      List<HfRecord> records = new ArrayList<>();
      for (int i = random.nextInt(3000); i > 0; i--) {
        records.add(record(random, shape));
      }
      ParquetCompression codec = codecs[random.nextInt(codecs.length)];
      long rowGroupBytes = random.nextBoolean() ? 4 << 10 : 1 << 20;
      byte[] direct = write("direct.parquet", shape, codec, rowGroupBytes, records, true);
      byte[] consumed = write("consumer.parquet", shape, codec, rowGroupBytes, records, false);
      assertArrayEquals(
          consumed,
          direct,
          "round " + round + ": " + shape.columns().stream().map(Column::name).toList());
    }
  }

  private static RecordShape shape(Random random) {
    RecordShape base = random.nextBoolean() ? RecordShape.PASSED : RecordShape.REJECTED;
    List<Column.Kept> kept = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      KeptType type = FLAT_TYPES[random.nextInt(FLAT_TYPES.length)];
      kept.add(new Column.Kept("kept_" + kept.size(), "p" + kept.size(), type, kept.size()));
    }
    return base.withKept(kept);
  }

  private static HfRecord record(Random random, RecordShape shape) {
    Object[] values = new Object[shape.keptColumns().size()];
    for (Column.Kept column : shape.keptColumns()) {
      if (random.nextInt(4) > 0) {
        values[column.index()] =
            switch (column.keptType()) {
              case STRING, JSON -> Utf8Text.of(text(random));
              case FLOAT64 -> random.nextInt(5) == 0 ? -0.0 : random.nextDouble() * 100;
              case INT64 -> random.nextLong();
              case BOOL -> random.nextBoolean();
              case STRING_LIST -> throw new AssertionError("not a flat type");
            };
      }
    }
    return new HfRecord(
        Utf8Text.of(text(random)),
        Utf8Text.of(text(random)),
        Utf8Text.of("doc" + random.nextInt(5) + ".md"),
        Utf8Text.of("roll/" + random.nextInt(3)),
        random.nextInt(1001) / 1000.0,
        shape.hasFailureReason() ? Utf8Text.of(text(random)) : null,
        KeptValues.of(values));
  }

  private static String text(Random random) {
    var text = new StringBuilder();
    for (int i = random.nextInt(30); i > 0; i--) {
      text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return text.toString();
  }
}
