package io.qaexport.application.service.commit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Reads the paths of one entry, each resolved against the directory and confined to it. */
record JournalEntryReading(
    Path journal, int line, Path directory, Path base, Set<Path> outsideFiles) {
  Journal.RefusedException refused(String problem) {
    return new Journal.RefusedException(journal, "line " + line + " " + problem);
  }

  Optional<Path> path(String field) throws Journal.RefusedException {
    return path(field, false);
  }

  /** The target of an entry: one outside the directory may be the killed run's card elsewhere. */
  Optional<Path> target(String field) throws Journal.RefusedException {
    return path(field, true);
  }

  private Optional<Path> path(String field, boolean target) throws Journal.RefusedException {
    if (field.equals(Journal.NONE)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = URLDecoder.decode(field, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      throw refused("holds a bad %-escape");
    }
    if (decoded.indexOf('\0') >= 0) {
      throw refused("holds a NUL character in a path");
    }
    Path path;
    try {
      path = directory.getFileSystem().getPath(decoded);
    } catch (InvalidPathException e) {
      throw refused("holds a path that is not valid here");
    }
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    boolean inside =
        path.isAbsolute()
            ? base.equals(path.normalize().getParent()) && path.normalize().equals(path)
            : path.getNameCount() == 1;
    if (!inside && path.isAbsolute() && path.normalize().equals(path) && besideOutsideFile(path)) {
      return Optional.of(path); // a card elsewhere, its temporary or backup: checked by the caller
    }
    if (!inside || name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw refused(
          "names "
              + decoded
              + ", which is not a file directly in "
              + directory
              + (target && path.isAbsolute() && name.endsWith(".md")
                  ? " (if that was the killed run's --dataset-card, run again with"
                      + " --dataset-card "
                      + decoded
                      + " to undo its commit)"
                  : ""));
    }
    return Optional.of(directory.resolve(name));
  }

  private boolean besideOutsideFile(Path path) {
    return outsideFiles.stream().anyMatch(file -> file.getParent().equals(path.getParent()));
  }

  void requireDerived(Optional<Path> file, Path target, String kind)
      throws Journal.RefusedException {
    if (file.isEmpty()) {
      return;
    }
    if (!file.get().getParent().equals(target.getParent())) {
      throw refused("names " + file.get() + ", which is not beside " + target);
    }
    String name = file.get().getFileName().toString();
    String prefix = "." + target.getFileName() + kind + ".";
    boolean derived =
        name.startsWith(prefix)
            && name.endsWith(Journal.TEMP_SUFFIX)
            && name.length() > prefix.length() + Journal.TEMP_SUFFIX.length()
            && name.substring(prefix.length(), name.length() - Journal.TEMP_SUFFIX.length())
                .chars()
                .allMatch(c -> c >= '0' && c <= '9');
    if (!derived) {
      throw refused(
          "names "
              + name
              + ", which is not a "
              + (kind.isEmpty() ? "temporary" : "backup")
              + " of "
              + target.getFileName());
    }
  }
}
