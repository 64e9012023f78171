package io.qaexport.domain;

/**
 * The size of records as one Arrow record batch without nulls, which is how {@code datasets}
 * counts a split's {@code num_bytes} (pyarrow's {@code nbytes}): per string column the UTF-8
 * bytes and a 4-byte offset per row; per float64 column 8 bytes per row. Not thread-safe.
 */
public final class ArrowSize {
  private long bytes;

  public void add(HfRecord record) {
    for (Column column : record.shape().columns()) {
      bytes += column instanceof Column.Text text ? 4 + utf8Length(text.of(record)) : 8;
    }
  }

  public long bytes() {
    return bytes;
  }

  static long utf8Length(String text) {
    long length = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        // 2 bytes below U+0800, else 3; a surrogate pair (4 bytes) is 2 chars of 2 each.
        length += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
      }
    }
    return length;
  }
}
