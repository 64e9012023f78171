package io.qaexport.application.service.commit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The commit's journal, {@code .qa-export.journal}: every move of one commit, written before the
 * first and deleted at the commit point. The next run undoes what it lists, so a journal is trusted
 * as little as any file in a directory others may write to: it is read only if it is a regular file
 * of this user of at most {@link #MAX_BYTES}, and every entry must name files directly in the
 * output directory that carry qa-export's names (an output name, and its temporary and backup names
 * derived from it). Otherwise nothing is moved.
 */
final class Journal {
  static final String FILE = ".qa-export.journal";
  static final String TEMP_SUFFIX = ".qa-export-tmp";
  private static final String HEADER = "qa-export journal 2";
  // Version 1 wrote absolute paths; read so that a kill -9 before an upgrade is still undone.
  private static final String HEADER_V1 = "qa-export journal 1";
  private static final String END = "end";
  static final String NONE = "-";

  /** Far above any real commit's (a line per output file): a bigger file is not ours. */
  static final long MAX_BYTES = 64L << 20;

  /** One move of the commit: {@code temporary} (none for a stale file) to {@code target}. */
  record Entry(Optional<Path> temporary, Path target, Optional<Path> backup) {}

  /** A journal qa-export will not act on; its message names the journal and what to do. */
  static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedException(Path journal, String problem) {
      super(
          journal
              + " "
              + problem
              + "; qa-export moved nothing. Check the files it names"
              + " (a run killed during its commit may have left the earlier and the new outputs"
              + " mixed), then remove it to use this directory");
    }
  }

  private Journal() {}

  /** The temporary ({@code kind} "") or backup ({@code kind} ".previous") name of a file. */
  static Path temporaryBeside(Path finalPath, String kind) {
    return finalPath.resolveSibling(
        "." + finalPath.getFileName() + kind + "." + ProcessHandle.current().pid() + TEMP_SUFFIX);
  }

  /** The journal's text: names relative to {@code directory} for the files in it. */
  static String encode(Path directory, List<Entry> entries) {
    Path base = directory.toAbsolutePath().normalize();
    var text = new StringBuilder(HEADER).append('\n');
    for (Entry entry : entries) {
      text.append(field(base, entry.temporary()))
          .append('\t')
          .append(field(base, Optional.of(entry.target())))
          .append('\t')
          .append(field(base, entry.backup()))
          .append('\n');
    }
    return text.append(END).append('\n').toString();
  }

  private static String field(Path base, Optional<Path> path) {
    return path.map(
            p -> {
              Path absolute = p.toAbsolutePath().normalize();
              // A file outside the directory (a card elsewhere) stays absolute; reading refuses it.
              String name =
                  base.equals(absolute.getParent())
                      ? absolute.getFileName().toString()
                      : absolute.toString();
              return URLEncoder.encode(name, StandardCharsets.UTF_8);
            })
        .orElse(NONE);
  }

  /**
   * The entries of the journal in {@code directory}, if there is one, each checked as the class
   * says; {@code ownName} tells an output name of this product.
   *
   * @throws RefusedException if the journal may not be acted on
   */
  static Optional<List<Entry>> read(Path directory, Predicate<String> ownName) throws IOException {
    return read(directory, ownName, Set.of());
  }

  /**
   * As above; an entry may also name one of {@code outsideFiles} (absolute), the files this run
   * writes outside the directory (a card elsewhere), or a temporary or backup beside it.
   */
  static Optional<List<Entry>> read(
      Path directory, Predicate<String> ownName, Set<Path> outsideFiles) throws IOException {
    Path journal = directory.resolve(FILE);
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(journal, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    }
    if (!attributes.isRegularFile()) {
      throw new RefusedException(
          journal, "is " + FileKinds.describe(attributes) + ", not a journal qa-export wrote");
    }
    if (attributes.size() > MAX_BYTES) {
      throw new RefusedException(
          journal, "is " + attributes.size() + " bytes, more than a" + " journal qa-export writes");
    }
    requireOwnedByThisUser(journal);
    List<String> lines = lines(journal);
    if (lines.size() < 2
        || !(lines.get(0).equals(HEADER) || lines.get(0).equals(HEADER_V1))
        || !lines.get(lines.size() - 1).equals(END)) {
      throw new RefusedException(journal, "is not a journal qa-export can read");
    }
    Path base = directory.toAbsolutePath().normalize();
    Set<Path> outside = new HashSet<>();
    outsideFiles.forEach(file -> outside.add(file.toAbsolutePath().normalize()));
    List<Entry> entries = new ArrayList<>();
    for (int i = 1; i < lines.size() - 1; i++) {
      String[] fields = lines.get(i).split("\t", -1);
      if (fields.length != 3) {
        throw new RefusedException(journal, "is damaged at line " + (i + 1));
      }
      var reading = new JournalEntryReading(journal, i + 1, directory, base, outside);
      Path target = reading.target(fields[1]).orElseThrow(() -> reading.refused("names no target"));
      if (!base.equals(target.toAbsolutePath().normalize().getParent())
          && !outside.contains(target)) {
        throw reading.refused("names " + target + ", which this run does not write");
      }
      String name = target.getFileName().toString();
      if (name.endsWith(TEMP_SUFFIX) || !ownName.test(name)) {
        throw reading.refused("names " + name + ", which is not an output of qa-export");
      }
      Optional<Path> temporary = reading.path(fields[0]);
      Optional<Path> backup = reading.path(fields[2]);
      reading.requireDerived(temporary, target, "");
      reading.requireDerived(backup, target, ".previous");
      entries.add(new Entry(temporary, target, backup));
    }
    return Optional.of(entries);
  }

  /** Whether {@code file} (a link itself, not followed) belongs to the user who runs qa-export. */
  static boolean isThisUsers(Path file) throws IOException {
    try {
      String user = System.getProperty("user.name");
      return user == null || Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName().equals(user);
    } catch (UnsupportedOperationException noOwners) {
      return true; // a file system without owners has no other users either
    }
  }

  private static void requireOwnedByThisUser(Path journal) throws IOException {
    if (!isThisUsers(journal)) {
      throw new RefusedException(
          journal,
          "belongs to "
              + Files.getOwner(journal, LinkOption.NOFOLLOW_LINKS).getName()
              + ", not to "
              + System.getProperty("user.name")
              + " who runs qa-export (like git, qa-export acts only on its own user's journal)");
    }
  }

  private static List<String> lines(Path journal) throws IOException {
    byte[] bytes;
    try (InputStream in =
        Files.newInputStream(journal, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes((int) MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new RefusedException(journal, "grew beyond " + MAX_BYTES + " bytes while read");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new RefusedException(journal, "is not UTF-8 text");
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
