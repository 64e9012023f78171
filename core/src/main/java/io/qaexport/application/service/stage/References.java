package io.qaexport.application.service.stage;

import io.qaexport.application.port.in.Decontamination;
import io.qaexport.application.port.in.ReferenceFile;
import io.qaexport.application.port.in.failure.ExportException;
import io.qaexport.application.port.in.failure.ExportIoException;
import io.qaexport.application.port.in.failure.UsageException;
import io.qaexport.application.port.out.PairReader;
import io.qaexport.application.port.out.QaPairSource;
import io.qaexport.application.port.out.SourceLine;
import io.qaexport.domain.dedup.ReferenceIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The reference questions of {@code --decontaminate}, read whole before the export writes anything:
 * a JSON Lines file with a {@code question} string per record (plain or compressed, read as inputs
 * are), a text file ({@code .txt}) of one question per line, or a directory holding a qa-export
 * export (its passed data files). A reference without questions, or with a record whose question is
 * missing or not a string, is a usage error naming the place.
 */
public final class References {
  /** An export's passed data files: the output, its splits and shards; not its logs. */
  private static final Pattern EXPORT_DATA_FILE =
      Pattern.compile("qa_pairs(-[A-Za-z0-9_.-]+)?\\.(jsonl|parquet)");

  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

  private final ReferenceIndex index;
  private final List<ReferenceFile> files;
  // What the first pass over the passed file found, so the export does not match twice: the
  // contaminated questions only (a question the first pass saw and left in is clean).
  private final Map<String, ReferenceIndex.Match> foundInFirstPass = new HashMap<>();
  private boolean firstPassDone;

  private References(ReferenceIndex index, List<ReferenceFile> files) {
    this.index = index;
    this.files = List.copyOf(files);
  }

  public ReferenceIndex index() {
    return index;
  }

  public List<ReferenceFile> files() {
    return files;
  }

  /** The first pass's match of {@code question}: matched now, and remembered when one is found. */
  ReferenceIndex.Match matchInFirstPass(String question) {
    ReferenceIndex.Match match = index.match(question);
    if (match != null) {
      foundInFirstPass.put(question, match);
    }
    return match;
  }

  /** The first pass has seen every passed pair that reaches this stage. */
  void firstPassDone() {
    firstPassDone = true;
  }

  /** The reference {@code question} matches, from the first pass's findings when it ran. */
  ReferenceIndex.Match match(String question) {
    return firstPassDone ? foundInFirstPass.get(question) : index.match(question);
  }

  /** The reference a file index of {@link ReferenceIndex.Match#source()} names, as given. */
  String pathOf(int source) {
    return files.get(source).path().toString();
  }

  /** Reads every reference of {@code decontamination}; empty references if none is asked. */
  public static References read(Decontamination decontamination, QaPairSource source)
      throws ExportException {
    var index = new ReferenceIndex(decontamination.threshold());
    List<ReferenceFile> files = new ArrayList<>();
    for (Path given : decontamination.references()) {
      for (Path file : filesOf(given)) {
        long before = index.size();
        String sha256 = sha256(file);
        if (startsWith(file, PARQUET_MAGIC)) {
          throw new UsageException(
              "--decontaminate "
                  + file
                  + ": Parquet references are not"
                  + " read yet; give the JSON Lines export or a text file of the questions");
        } else if (file.getFileName()
            .toString()
            .toLowerCase(java.util.Locale.ROOT)
            .endsWith(".txt")) {
          readText(file, files.size(), index);
        } else {
          readJsonl(file, files.size(), index, source);
        }
        if (index.size() == before) {
          throw new UsageException("--decontaminate " + file + " holds no questions");
        }
        files.add(new ReferenceFile(file, sha256, index.size() - before));
      }
    }
    return new References(index, files);
  }

  private static List<Path> filesOf(Path given) throws ExportException {
    if (!Files.exists(given)) {
      throw new UsageException("--decontaminate " + given + ": no such file or directory");
    }
    if (!Files.isDirectory(given)) {
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

  private static void readJsonl(
      Path file, int sourceIndex, ReferenceIndex index, QaPairSource source)
      throws ExportException {
    try (PairReader reader = source.open(file)) {
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
          index.add(sourceIndex, pair.lineNumber(), pair.pair().question().toString());
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

  private static void readText(Path file, int sourceIndex, ReferenceIndex index)
      throws ExportException {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    long number = 0;
    try (BufferedReader lines =
        new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (!line.isBlank()) {
          index.add(sourceIndex, number, line.strip());
        }
      }
    } catch (CharacterCodingException e) {
      throw new UsageException("--decontaminate " + file + ":" + (number + 1) + ": not UTF-8 text");
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }

  private static boolean startsWith(Path file, byte[] magic) throws ExportException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(magic.length);
      return java.util.Arrays.equals(head, magic);
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }

  private static String sha256(Path file) throws ExportException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    } catch (IOException e) {
      throw ExportIoException.of("cannot read " + file, e);
    }
  }
}
