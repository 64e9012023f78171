package io.qaexport.domain;

import java.util.List;

/**
 * The size of records as one Arrow record batch, which is how {@code datasets} counts a split's
 * {@code num_bytes} (pyarrow's {@code nbytes} of the split's table): per string column the UTF-8
 * bytes and a 4-byte offset per row; per float64 and int64 column 8 bytes per row; per bool column
 * a bit per row; per list column a 4-byte offset per row and its items as a string column; and a
 * validity bitmap (a bit per row or item) for a column, or a list's items, holding a null. Bitmaps
 * count for the whole split, so a split's sizes are {@linkplain #add(ArrowSize) added} before
 * {@link #bytes()} is read. Not thread-safe.
 */
public final class ArrowSize {
  private final List<Column.Kept> kept;
  private final boolean[] keptNulls;
  private final boolean[] itemNulls;
  private final long[] items;
  private long rows;
  private long bytes;

  /** For records with no kept columns. */
  public ArrowSize() {
    this(List.of());
  }

  /** For records of {@code shape}, kept columns included. */
  public ArrowSize(RecordShape shape) {
    this(shape.keptColumns());
  }

  private ArrowSize(List<Column.Kept> kept) {
    this.kept = List.copyOf(kept);
    this.keptNulls = new boolean[kept.size()];
    this.itemNulls = new boolean[kept.size()];
    this.items = new long[kept.size()];
  }

  public void add(HfRecord record) {
    rows++;
    for (Column column : record.shape().columns()) {
      bytes += column instanceof Column.Text text ? 4 + text.utf8(record).length() : 8;
    }
    KeptValues values = record.kept();
    for (int i = 0; i < values.size(); i++) {
      addKept(i, values.get(i));
    }
  }

  private void addKept(int column, Object value) {
    keptNulls[column] |= value == null;
    switch (kept.get(column).type()) {
      case STRING -> bytes += 4 + (value == null ? 0 : ((Utf8Text) value).length());
      case FLOAT64, INT64 -> bytes += 8;
      case BOOL -> {} // a bit per row, counted at the end
      case STRING_LIST -> {
        bytes += 4;
        if (value != null) {
          for (Utf8Text item : KeptValues.listOf(value)) {
            items[column]++;
            itemNulls[column] |= item == null;
            bytes += 4 + (item == null ? 0 : item.length());
          }
        }
      }
    }
  }

  /** Adds another part of the same split (a shard), written with the same shape. */
  public void add(ArrowSize other) {
    if (!other.kept.equals(kept)) {
      throw new IllegalArgumentException("sizes of different shapes");
    }
    rows += other.rows;
    bytes += other.bytes;
    for (int i = 0; i < kept.size(); i++) {
      keptNulls[i] |= other.keptNulls[i];
      itemNulls[i] |= other.itemNulls[i];
      items[i] += other.items[i];
    }
  }

  public long bytes() {
    long total = bytes;
    for (int i = 0; i < kept.size(); i++) {
      if (keptNulls[i]) {
        total += bitmapBytes(rows);
      }
      if (kept.get(i).type() == ColumnType.BOOL) {
        total += bitmapBytes(rows);
      }
      if (itemNulls[i]) {
        total += bitmapBytes(items[i]);
      }
    }
    return total;
  }

  private static long bitmapBytes(long bits) {
    return (bits + 7) / 8;
  }
}
