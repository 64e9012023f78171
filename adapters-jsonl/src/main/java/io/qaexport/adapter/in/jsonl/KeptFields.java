package io.qaexport.adapter.in.jsonl;

import io.qaexport.domain.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input paths of the kept columns ({@code --keep-columns}) as a tree of keys, so that the one
 * walk over a line that finds the mapped fields finds the kept values too. Remembers which keys the
 * current line has had, to refuse a duplicate: one per parser, not thread-safe.
 */
final class KeptFields {
  /** One key on the way to kept values: the columns whose path ends here, and deeper keys. */
  static final class Node {
    final String path;
    final List<Column.Kept> columns = new ArrayList<>();
    final Map<String, Node> children = new HashMap<>();
    private long seenOnLine = -1;

    Node(String path) {
      this.path = path;
    }

    Node child(String key) {
      return children.isEmpty() ? null : children.get(key);
    }

    /** The common case: exactly one column and nothing deeper, read straight from the token. */
    boolean isSingleLeaf() {
      return columns.size() == 1 && children.isEmpty();
    }
  }

  private final Node root = new Node("");
  private final List<Column.Kept> columns;
  private final int count;
  private long line;

  KeptFields(List<Column.Kept> columns) {
    this.columns = List.copyOf(columns);
    for (Column.Kept column : columns) {
      Node node = root;
      for (String key : column.keys()) {
        String path = node == root ? key : node.path + "." + key;
        node = node.children.computeIfAbsent(key, k -> new Node(path));
      }
      node.columns.add(column);
    }
    this.count = columns.size();
  }

  /** No kept columns: {@link #root()} is null, so the walk does nothing extra. */
  static KeptFields none() {
    return new KeptFields(List.of());
  }

  /** The top-level keys, or null when nothing is kept. */
  Node root() {
    return count == 0 ? null : root;
  }

  int count() {
    return count;
  }

  /** The kept columns, in order. */
  List<Column.Kept> columns() {
    return columns;
  }

  /** A new line begins: no key has been seen on it. */
  void startLine() {
    line++;
  }

  /**
   * Marks {@code node}'s key as found on this line.
   *
   * @return false when it was found before: a duplicate key
   */
  boolean firstOnLine(Node node) {
    if (node.seenOnLine == line) {
      return false;
    }
    node.seenOnLine = line;
    return true;
  }
}
