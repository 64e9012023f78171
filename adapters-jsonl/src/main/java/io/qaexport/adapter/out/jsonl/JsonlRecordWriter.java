package io.qaexport.adapter.out.jsonl;

import static io.qaexport.domain.ByteWords.BACKSLASHES;
import static io.qaexport.domain.ByteWords.HIGH_BITS;
import static io.qaexport.domain.ByteWords.LONGS;
import static io.qaexport.domain.ByteWords.LOW_BITS;
import static io.qaexport.domain.ByteWords.QUOTES;
import static io.qaexport.domain.ByteWords.lowestMarkedByte;

import io.qaexport.application.port.out.RecordWriter;
import io.qaexport.domain.Column;
import io.qaexport.domain.HfRecord;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.RecordShape;
import io.qaexport.domain.Utf8Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.CharTypes;
import tools.jackson.core.io.NumberOutput;

/**
 * Writes one record per line with the shape's columns in order, byte for byte as Jackson's
 * generator with the product's settings ({@link JsonlWriting}) writes it, but by hand into one
 * buffer: the column names are encoded once (by Jackson), text the input held without an escape is
 * copied, other text is escaped with Jackson's own escape table, and numbers go through Jackson's
 * number writers (a score always prints a fraction or an exponent: {@code 1.0}, never {@code 1}).
 * Hand-written because the generator's per-value checks were a fifth of a JSONL export's CPU;
 * {@code JsonlRecordWriterFuzzTest} holds it to the generator ({@link JsonlWriting#writeValue}).
 */
final class JsonlRecordWriter implements RecordWriter {
  private static final int BUFFER_BYTES = 1 << 16;

  /** Jackson's escapes for ASCII: 0 none, above 0 a backslash and that character, below 0 \\u. */
  private static final int[] ESCAPES = CharTypes.get7BitOutputEscapes('"', false);

  private static final boolean MINIMAL_ESCAPES = minimalEscapes();

  /**
   * Whether a JSON body with two-character escapes ({@link Utf8Text#shortEscapedJson()}) is what
   * Jackson writes for its text: its escapes are JSON's minimum, with those seven short forms.
   */
  private static final boolean SHORT_ESCAPES =
      MINIMAL_ESCAPES
          && ESCAPES['"'] == '"'
          && ESCAPES['\\'] == '\\'
          && ESCAPES['\b'] == 'b'
          && ESCAPES['\f'] == 'f'
          && ESCAPES['\n'] == 'n'
          && ESCAPES['\r'] == 'r'
          && ESCAPES['\t'] == 't';

  private static final long CONTROLS = 0x6060606060606060L;

  private static final byte[] HEX = CharTypes.copyHexBytes(true);
  private static final byte[] NULL = bytes("null");
  private static final byte[] TRUE = bytes("true");
  private static final byte[] FALSE = bytes("false");

  private final OutputStream out;
  private final RecordShape shape;
  private final Column[] columns;

  /** Per column, what comes before its value: {@code {"question":}, {@code ,"answer":} … */
  private final byte[][] prefixes;

  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int used;
  private boolean closed;

  JsonlRecordWriter(Path file, RecordShape shape) throws IOException {
    this(JsonlWriting.newFile(file), shape);
  }

  /** A writer onto {@code out}; closing it closes {@code out}. No fsync: the commit syncs once. */
  JsonlRecordWriter(OutputStream out, RecordShape shape) {
    this.out = out;
    this.shape = shape;
    this.columns = shape.columns().toArray(Column[]::new);
    this.prefixes = new byte[columns.length][];
    for (int i = 0; i < columns.length; i++) {
      prefixes[i] = namePrefix(columns[i].name(), i == 0);
    }
  }

  /** The bytes Jackson writes before the value of a property named {@code name}. */
  private static byte[] namePrefix(String name, boolean first) {
    var bytes = new ByteArrayOutputStream();
    try (JsonGenerator generator = JsonlWriting.open(bytes)) {
      generator.writeStartObject();
      if (!first) {
        generator.writeNumberProperty("x", 0); // only so that Jackson writes the comma
      }
      generator.writeNumberProperty(name, 0); // the colon comes with a value: the 0 is dropped
      generator.flush();
      byte[] written = bytes.toByteArray();
      int skip = first ? 0 : "{\"x\":0".length();
      byte[] prefix = new byte[written.length - skip - 1];
      System.arraycopy(written, skip, prefix, 0, prefix.length);
      return prefix;
    }
  }

  @Override
  public void write(HfRecord record) throws IOException {
    if (!shape.fits(record)) {
      throw new IllegalArgumentException("a " + record.shape() + " record in a " + shape + " file");
    }
    for (int i = 0; i < columns.length; i++) {
      copy(prefixes[i], 0, prefixes[i].length);
      Column column = columns[i];
      if (column instanceof Column.Text text) {
        string(text.utf8(record));
      } else if (column instanceof Column.Float64 number) {
        number(number.of(record));
      } else {
        kept(((Column.Kept) column).of(record));
      }
    }
    room(2);
    buffer[used++] = '}';
    buffer[used++] = '\n';
  }

  /** A kept column's value as {@link KeptJson} writes it through Jackson. */
  private void kept(Object value) throws IOException {
    if (value == null) {
      copy(NULL, 0, NULL.length);
    } else if (value instanceof Utf8Text text) {
      string(text);
    } else if (value instanceof Double number) {
      number(number);
    } else if (value instanceof Long number) {
      room(20);
      used = NumberOutput.outputLong(number, buffer, used);
    } else if (value instanceof Boolean flag) {
      byte[] literal = flag ? TRUE : FALSE;
      copy(literal, 0, literal.length);
    } else {
      List<Utf8Text> items = KeptValues.listOf(value);
      room(1);
      buffer[used++] = '[';
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          room(1);
          buffer[used++] = ',';
        }
        Utf8Text item = items.get(i);
        if (item == null) {
          copy(NULL, 0, NULL.length);
        } else {
          string(item);
        }
      }
      room(1);
      buffer[used++] = ']';
    }
  }

  private void number(double value) throws IOException {
    if (!Double.isFinite(value)) {
      // Jackson's default (WRITE_NAN_AS_STRINGS): "NaN", "Infinity", "-Infinity" as strings.
      string(Utf8Text.of(Double.toString(value)));
      return;
    }
    room(NumberOutput.MAX_DOUBLE_BYTES);
    used = NumberOutput.outputDouble(value, buffer, used);
  }

  private void string(Utf8Text text) throws IOException {
    room(1);
    buffer[used++] = '"';
    if (SHORT_ESCAPES && text.shortEscapedJson()) {
      // The input's escapes are the ones Jackson writes, and nothing else in it needs one.
      copy(text.jsonBodyArray(), text.jsonBodyOffset(), text.jsonBodyLength());
      room(1);
      buffer[used++] = '"';
      return;
    }
    byte[] bytes = text.array();
    int from = text.offset();
    int end = from + text.length();
    if (!text.jsonSafe()) {
      // Runs that need no escape are copied whole; each escape is written on its own.
      for (int i = nextEscaped(bytes, from, end); i < end; i = nextEscaped(bytes, from, end)) {
        copy(bytes, from, i - from);
        escape(bytes[i]);
        from = i + 1;
      }
    }
    copy(bytes, from, end - from);
    room(1);
    buffer[used++] = '"';
  }

  /**
   * The first byte in {@code bytes[from, end)} that Jackson escapes, or {@code end}; eight bytes at
   * a time where its escapes are JSON's minimum (a byte at a time was most of the writer's time on
   * LLM-style answers).
   */
  private static int nextEscaped(byte[] bytes, int from, int end) {
    int i = from;
    if (MINIMAL_ESCAPES) {
      for (; i + Long.BYTES <= end; i += Long.BYTES) {
        long v = (long) LONGS.get(bytes, i);
        // The high bit of each byte that is a quote, a backslash or below 0x20 (as the scanner
        // finds them): each byte's low seven bits are added to without a carry into the next.
        long low = v & LOW_BITS;
        long notQuote = (low ^ QUOTES) + LOW_BITS;
        long notBackslash = (low ^ BACKSLASHES) + LOW_BITS;
        long notControl = low + CONTROLS;
        long escaped = ~(notQuote & notBackslash & notControl | v) & HIGH_BITS;
        if (escaped != 0) {
          return i + lowestMarkedByte(escaped);
        }
      }
    }
    for (; i < end; i++) {
      int b = bytes[i];
      if (b >= 0 && ESCAPES[b] != 0) {
        return i;
      }
    }
    return end;
  }

  /** Whether Jackson escapes exactly the quote, the backslash and the bytes below 0x20. */
  private static boolean minimalEscapes() {
    for (int b = 0; b < 128; b++) {
      if ((ESCAPES[b] != 0) != (b < 0x20 || b == '"' || b == '\\')) {
        return false;
      }
    }
    return true;
  }

  private void escape(int b) throws IOException {
    room(6);
    buffer[used++] = '\\';
    int escape = ESCAPES[b];
    if (escape > 0) {
      buffer[used++] = (byte) escape;
    } else {
      buffer[used++] = 'u';
      buffer[used++] = '0';
      buffer[used++] = '0';
      buffer[used++] = HEX[b >> 4];
      buffer[used++] = HEX[b & 0xF];
    }
  }

  /** Copies {@code length} bytes, flushing as often as the buffer fills: a line may be any size. */
  private void copy(byte[] bytes, int from, int length) throws IOException {
    while (length > buffer.length - used) {
      int part = buffer.length - used;
      System.arraycopy(bytes, from, buffer, used, part);
      used += part;
      from += part;
      length -= part;
      flush();
    }
    System.arraycopy(bytes, from, buffer, used, length);
    used += length;
  }

  /** Makes room for {@code bytes} more (at most the buffer's size). */
  private void room(int bytes) throws IOException {
    if (buffer.length - used < bytes) {
      flush();
    }
  }

  private void flush() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (out) {
      flush();
    }
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }
}
