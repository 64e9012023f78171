package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.ReferenceFile;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.InvalidReferenceException;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.ReferenceQuestionReader;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.dedup.ReferenceIndex;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the reference files of {@code --decontaminate} into a {@link ReferenceIndex}: a JSON Lines
 * file with a {@code question} string per record (plain or compressed, read as inputs are), a
 * Parquet file with a string {@code question} column (named {@code .parquet}, or starting with
 * Parquet's magic), a text file ({@code .txt}) of one question per line, or a directory holding a
 * qa-export export (its passed data files). Each question keeps its line, or its row for Parquet,
 * from 1. A reference without questions, or with a question that is missing or not a string, is a
 * usage error naming the place.
 */
final class ReferenceFiles {
  /** An export's passed data files: the output, its splits and shards; not its logs. */
  private static final Pattern EXPORT_DATA_FILE =
      Pattern.compile("qa_pairs(-[A-Za-z0-9_.-]+)?\\.(jsonl|parquet)");

  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

  /** Compressed data a {@code .txt} reference must not hold: its first bytes, name, command. */
  private record Compression(byte[] magic, String extension, String command) {
    /** bzip2's "BZh" is also text: its data goes on with the block size, a digit 1 to 9. */
    boolean starts(byte[] start) {
      return startsWith(start, magic)
          && (!extension.equals("bz2") || start.length > 3 && start[3] >= '1' && start[3] <= '9');
    }
  }

  private static final List<Compression> COMPRESSIONS =
      List.of(
          new Compression(new byte[] {0x1f, (byte) 0x8b}, "gz", "zcat"),
          new Compression(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, "zst", "zstdcat"),
          new Compression(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z'}, "xz", "xzcat"),
          new Compression(new byte[] {'B', 'Z', 'h'}, "bz2", "bzcat"));

  private final ReferenceIndex index;
  private final QaPairSource jsonl;
  private final Supplier<ReferenceQuestionReader> parquet;
  private final int maxLineBytes;

  /** The current file's questions, and of them those that normalise to nothing (not indexed). */
  private long questionsRead;

  private long emptyQuestions;

  /**
   * @param parquet obtained only when a Parquet reference is read, so that other runs load no
   *     Parquet class
   */
  ReferenceFiles(
      ReferenceIndex index,
      QaPairSource jsonl,
      Supplier<ReferenceQuestionReader> parquet,
      int maxLineBytes) {
    this.index = index;
    this.jsonl = jsonl;
    this.parquet = parquet;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Reads every file that {@code given} (the paths as given) names, in order; a file named twice is
   * read once.
   */
  List<ReferenceFile> read(List<Path> given) throws ExportException {
    List<ReferenceFile> files = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (Path path : given) {
      for (Path file : filesOf(path)) {
        if (seen.add(identity(file))) {
          files.add(readOne(file, files.size()));
        }
      }
    }
    return files;
  }

  /** The file itself (device and inode), whatever links or {@code ..} name it. */
  private static Object identity(Path file) throws ExportException {
    try {
      Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return key != null ? key : file.toRealPath();
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }

  /**
   * A pipe, a FIFO or {@code /dev/stdin} ({@code <(zcat eval.jsonl.gz)}) can be read only once, so
   * it is copied to a temporary file first: the hash, the kind and the questions are then all of
   * the same bytes.
   */
  private ReferenceFile readOne(Path file, int source) throws ExportException {
    boolean stream = !Files.isRegularFile(file);
    Path readable = stream ? copyOfStream(file) : file;
    questionsRead = 0;
    emptyQuestions = 0;
    try {
      long before = index.size();
      String sha256 = sha256(readable, file);
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      byte[] start = startOf(file, readable);
      Compression compression =
          COMPRESSIONS.stream().filter(kind -> kind.starts(start)).findFirst().orElse(null);
      if (name.endsWith(".parquet") || startsWith(start, PARQUET_MAGIC)) {
        readParquet(file, readable, source); // a Parquet file misnamed is still read as one
      } else if (name.endsWith(".txt") || compressedText(name) != null) {
        refuseCompressedText(file, compression != null ? compression : compressedText(name));
        readText(file, readable, source);
      } else if (stream
          && name.indexOf('.') < 0
          && compression == null
          && isPlainText(file, readable)) {
        readText(file, readable, source); // a pipe (/dev/fd/63), /dev/stdin: no name to go by
      } else {
        readJsonl(file, readable, source);
      }
      if (index.size() == before) {
        throw new UsageException(
            "--decontaminate "
                + file
                + " holds no questions"
                + (emptyQuestions == 1
                    ? " (its one is punctuation or a source tag alone)"
                    : emptyQuestions > 1
                        ? " (all its " + emptyQuestions + " are punctuation or a source tag alone)"
                        : ""));
      }
      return new ReferenceFile(file, sha256, questionsRead);
    } finally {
      if (stream) {
        deleteQuietly(readable);
      }
    }
  }

  private void add(int source, long line, String question) {
    questionsRead++;
    if (!index.add(source, line, question)) {
      emptyQuestions++;
    }
  }

  /**
   * A text reference is read as plain UTF-8 (JSON Lines ones may be compressed): a compressed one
   * would be "not UTF-8 text" at line 1, or invalid JSON when named {@code .txt.gz}.
   */
  private static void refuseCompressedText(Path file, Compression compression)
      throws UsageException {
    if (compression != null) {
      throw new UsageException(
          "--decontaminate "
              + file
              + " is compressed text: a .txt reference is read as plain UTF-8; give it"
              + " decompressed, e.g. --decontaminate <("
              + compression.command()
              + " '"
              + file
              + "')");
    }
  }

  /** The compression a {@code .txt.gz}-style name says, or null. */
  private static Compression compressedText(String name) {
    return COMPRESSIONS.stream()
        .filter(kind -> name.endsWith(".txt." + kind.extension()))
        .findFirst()
        .orElse(null);
  }

  private static boolean startsWith(byte[] start, byte[] magic) {
    return start.length >= magic.length
        && Arrays.equals(start, 0, magic.length, magic, 0, magic.length);
  }

  private static byte[] startOf(Path file, Path readable) throws ExportException {
    try (InputStream in = Files.newInputStream(readable)) {
      return in.readNBytes(6); // enough for each magic number
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }

  /**
   * Text rather than JSON Lines, told by content for a stream without an extension to go by (a pipe
   * such as {@code /dev/fd/63}, {@code /dev/stdin}): its first byte past a byte-order mark and
   * whitespace is not the <code>{</code> every record starts with (compressed data is asked about
   * first).
   */
  private static boolean isPlainText(Path file, Path readable) throws ExportException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(readable))) {
      in.mark(3);
      byte[] mark = in.readNBytes(3);
      if (!Arrays.equals(mark, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
        in.reset();
      }
      int c = in.read();
      while (isJsonWhitespace(c)) {
        c = in.read();
      }
      return c >= 0 && c != '{';
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }

  private static boolean isJsonWhitespace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static Path copyOfStream(Path file) throws ExportException {
    String name = file.getFileName() == null ? "stream" : file.getFileName().toString();
    Path copy;
    try {
      // Owner-only (createTempFile's 0600, kept by writing into it), and removed at exit if a
      // signal ends the run before the finally that removes it.
      copy = Files.createTempFile("qa-export-reference-", "-" + name);
      copy.toFile().deleteOnExit();
    } catch (IOException e) {
      throw ExportIoException.of("cannot make a temporary copy of " + file, e);
    }
    try (InputStream in = Files.newInputStream(file);
        OutputStream out = Files.newOutputStream(copy)) {
      in.transferTo(out);
      return copy;
    } catch (IOException e) {
      deleteQuietly(copy);
      throw ExportIoException.of("cannot read " + file + " into a temporary copy", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left behind changes nothing the run reports
    }
  }

  private static List<Path> filesOf(Path given) throws ExportException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(given, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new UsageException("--decontaminate " + given + ": no such file or directory");
    } catch (IOException e) {
      // e.g. a directory on its path that cannot be searched: unreadable, not missing
      throw ExportIoException.of("cannot read " + given, e);
    }
    if (!attributes.isDirectory()) {
      return List.of(given);
    }
    List<Path> data = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(given)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)
            && EXPORT_DATA_FILE.matcher(entry.getFileName().toString()).matches()) {
          data.add(entry);
        }
      }
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + given, e);
    }
    if (data.isEmpty()) {
      throw new UsageException(
          "--decontaminate "
              + given
              + " is a directory without a"
              + " qa-export export in it (no qa_pairs*.jsonl or qa_pairs*.parquet)");
    }
    data.sort(null);
    return data;
  }

  private void readJsonl(Path file, Path readable, int source) throws ExportException {
    try (PairReader reader = jsonl.open(readable)) {
      for (SourceLine line = reader.next(); line != null; line = reader.next()) {
        if (line instanceof SourceLine.Pair pair) {
          if (pair.pair().question() == null) {
            throw new UsageException(
                "--decontaminate "
                    + file
                    + ":"
                    + pair.lineNumber()
                    + ": the record has no question string");
          }
          add(source, pair.lineNumber(), pair.pair().question().toString());
        } else if (line instanceof SourceLine.Invalid bad) {
          throw new UsageException(
              "--decontaminate "
                  + file
                  + ":"
                  + bad.lineNumber()
                  + (bad.column() > 0 ? ":" + bad.column() : "")
                  + ": "
                  + bad.reason());
        }
      }
    } catch (NoSuchFileException e) {
      throw new UsageException("--decontaminate " + file + ": no such file");
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }

  /** A null question is the JSON Lines reference's missing question, said of the row. */
  private void readParquet(Path file, Path readable, int source) throws ExportException {
    try {
      parquet
          .get()
          .read(
              readable,
              (row, question) -> {
                if (question == null) {
                  throw new InvalidReferenceException(
                      "row " + row + ": the record has no question string");
                }
                add(source, row, question);
              });
    } catch (InvalidReferenceException e) {
      throw new UsageException("--decontaminate " + file + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new UsageException("--decontaminate " + file + ": no such file");
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }

  /**
   * One question a line; a line ends at LF, CRLF or a lone CR, as {@code BufferedReader} ends them,
   * but is read only up to {@code maxLineBytes}: a file with no line end (a binary file named
   * {@code .txt}) is refused, not read whole into memory.
   */
  private void readText(Path file, Path readable, int source) throws ExportException {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    long number = 0;
    try (InputStream in = Files.newInputStream(readable)) {
      var line = new ByteArrayOutputStream();
      byte[] buffer = new byte[1 << 16];
      boolean afterCr = false;
      for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
        int start = 0;
        for (int i = 0; i < read; i++) {
          byte b = buffer[i];
          if (b != '\n' && b != '\r') {
            afterCr = false;
            continue;
          }
          if (b == '\n' && afterCr) {
            start = i + 1; // the LF of a CRLF: its line ended at the CR
          } else {
            append(file, number, line, buffer, start, i);
            addLine(file, source, ++number, line, decoder);
            start = i + 1;
          }
          afterCr = b == '\r';
        }
        append(file, number, line, buffer, start, read);
      }
      if (line.size() > 0) {
        addLine(file, source, ++number, line, decoder);
      }
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }

  /** Adds {@code buffer[from, to)} to the line after line {@code number}, up to the limit. */
  private void append(
      Path file, long number, ByteArrayOutputStream line, byte[] buffer, int from, int to)
      throws UsageException {
    if ((long) line.size() + (to - from) > maxLineBytes) {
      throw new UsageException(
          "--decontaminate "
              + file
              + ":"
              + (number + 1)
              + ": line is longer than the limit of "
              + maxLineBytes
              + " bytes (raise it with --max-line-bytes)");
    }
    line.write(buffer, from, to - from);
  }

  /** Line {@code number}'s question, if it holds one; {@code line} is emptied for the next. */
  private void addLine(
      Path file, int source, long number, ByteArrayOutputStream line, CharsetDecoder decoder)
      throws ExportException {
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(line.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new UsageException("--decontaminate " + file + ":" + number + ": not UTF-8 text");
    }
    line.reset();
    if (number == 1 && text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.isBlank()) {
      add(source, number, text.strip());
    }
  }

  private static String sha256(Path readable, Path file) throws ExportException {
    try (InputStream in =
        new DigestInputStream(
            Files.newInputStream(readable), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }
}
