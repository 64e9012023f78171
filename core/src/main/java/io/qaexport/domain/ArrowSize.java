package io.qaexport.domain;

/**
 * The size of records as one Arrow record batch without nulls, which is how {@code datasets} counts
 * a split's {@code num_bytes} (pyarrow's {@code nbytes}): per string column the UTF-8 bytes and a
 * 4-byte offset per row; per float64 column 8 bytes per row. Not thread-safe.
 */
public final class ArrowSize {
  private long bytes;

  public void add(HfRecord record) {
    for (Column column : record.shape().columns()) {
      bytes += column instanceof Column.Text text ? 4 + text.utf8(record).length() : 8;
    }
  }

  public long bytes() {
    return bytes;
  }
}
