package io.qaexport.adapter.in.jsonl;

import io.qaexport.domain.Column;
import io.qaexport.domain.KeptType;
import io.qaexport.domain.KeptValues;
import io.qaexport.domain.Utf8Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads the kept columns' values ({@code --keep-columns}) during {@link PairParser}'s walk over a
 * line: a value at a kept path is taken from its token (the common case), or, where a mapped field
 * is kept too or one value feeds several columns, from its exact bytes on the line after the walk
 * went past it. A value of the wrong JSON type is a {@link LineProblem} with its path and column.
 */
final class KeptReader {
  private final PairParser parser;
  private final KeptFields fields;
  private Object[] values;

  KeptReader(PairParser parser, KeptFields fields) {
    this.parser = parser;
    this.fields = fields;
  }

  KeptFields.Node root() {
    return fields.root();
  }

  void startLine() {
    fields.startLine();
    values = new Object[fields.count()];
  }

  /** The line's kept values, handed over. */
  KeptValues values() {
    return KeptValues.of(values);
  }

  /**
   * The kept node under {@code parent} for key {@code name}, or null.
   *
   * @throws LineProblem when the key occurred before on this line
   */
  KeptFields.Node child(JsonParser json, KeptFields.Node parent, String name) throws LineProblem {
    KeptFields.Node node = parent == null ? null : parent.child(name);
    if (node != null && !fields.firstOnLine(node)) {
      throw PairParser.problem(
          json, "duplicate key '" + node.path + "': which of its values is meant is ambiguous");
    }
    return node;
  }

  /** Reads the value at the current token into the columns at {@code node}, or skips it. */
  void keepOrSkip(JsonParser json, JsonToken token, KeptFields.Node node) throws LineProblem {
    if (node == null) {
      json.skipChildren();
      return;
    }
    if (node.isSingleLeaf()) {
      Column.Kept column = node.columns.get(0);
      values[column.index()] = value(json, token, column);
      return;
    }
    int start = parser.tokenStart(json);
    if (!node.children.isEmpty() && token == JsonToken.START_OBJECT) {
      while (json.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        keepOrSkip(json, value, child(json, node, name));
      }
    } else {
      json.skipChildren();
    }
    keepFromBytes(json, token, start, node);
  }

  /**
   * After a mapped field's reader went past its value (which started at {@code start}), reads it
   * again from its bytes into the columns kept at the same path. Deeper kept paths the mapped
   * reader handled itself.
   */
  void keepFromBytes(JsonParser json, JsonToken token, int start, KeptFields.Node node)
      throws LineProblem {
    if (node.columns.isEmpty()) {
      return;
    }
    int end = parser.valueEnd(json, token, start);
    for (Column.Kept column : node.columns) {
      values[column.index()] = valueFromBytes(start, end, column);
    }
  }

  private Object valueFromBytes(int start, int end, Column.Kept column) throws LineProblem {
    byte[] line = parser.line();
    int from = parser.lineStart() + start;
    if (column.keptType() == KeptType.JSON) {
      return isNull(line, from, end - start) ? null : parser.view(from, parser.lineStart() + end);
    }
    // Rare (a value kept twice, or a mapped field kept too): a parser over just the value.
    try (JsonParser value =
        parser.json().createParser(ObjectReadContext.empty(), line, from, end - start)) {
      return value(value, value.nextToken(), column);
    } catch (LineProblem problem) {
      throw new LineProblem(problem.column() + start, problem.getMessage());
    } catch (JacksonException e) {
      throw new LineProblem(start + 1, PairParser.syntaxReason(e));
    }
  }

  private static boolean isNull(byte[] line, int from, int length) {
    return length == 4
        && line[from] == 'n'
        && line[from + 1] == 'u'
        && line[from + 2] == 'l'
        && line[from + 3] == 'l';
  }

  private Object value(JsonParser json, JsonToken token, Column.Kept column) throws LineProblem {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    String path = column.path();
    return switch (column.keptType()) {
      case STRING -> {
        if (token != JsonToken.VALUE_STRING) {
          throw wrongType(json, column, token);
        }
        yield parser.text(json, token, path);
      }
      case FLOAT64 -> {
        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
          throw wrongType(json, column, token);
        }
        double number = json.getDoubleValue();
        if (Double.isNaN(number) || Double.isInfinite(number)) {
          throw PairParser.problem(
              json,
              "'" + path + "' is " + spelled(json.getString()) + "; a float64 must be finite");
        }
        yield number;
      }
      case INT64 -> {
        if (token != JsonToken.VALUE_NUMBER_INT) {
          throw wrongType(json, column, token);
        }
        if (json.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw PairParser.problem(
              json, "'" + path + "' is " + spelled(json.getString()) + ", outside the int64 range");
        }
        yield json.getLongValue();
      }
      case BOOL -> {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
          throw wrongType(json, column, token);
        }
        yield token == JsonToken.VALUE_TRUE;
      }
      case STRING_LIST -> {
        if (token != JsonToken.START_ARRAY) {
          throw wrongType(json, column, token);
        }
        List<Utf8Text> items = new ArrayList<>();
        for (JsonToken item = json.nextToken();
            item != JsonToken.END_ARRAY;
            item = json.nextToken()) {
          if (item == JsonToken.VALUE_NULL) {
            items.add(null);
          } else if (item == JsonToken.VALUE_STRING) {
            items.add(parser.text(json, item, path));
          } else {
            throw PairParser.problem(
                json,
                "'"
                    + path
                    + "' must be an array of strings, found "
                    + PairParser.describe(item)
                    + " in it (keep it as "
                    + path
                    + ":json to take any value)");
          }
        }
        yield Collections.unmodifiableList(items);
      }
      case JSON -> {
        int start = parser.tokenStart(json);
        json.skipChildren();
        yield parser.view(
            parser.lineStart() + start, parser.lineStart() + parser.valueEnd(json, token, start));
      }
    };
  }

  /**
   * A number as the line spells it, cut short when long: one of 100,000 digits made a 100 KB
   * message.
   */
  static String spelled(String number) {
    return number.length() <= 40
        ? number
        : number.substring(0, 24) + "... (" + number.length() + " characters)";
  }

  private static LineProblem wrongType(JsonParser json, Column.Kept column, JsonToken found) {
    String found1 =
        found == JsonToken.VALUE_NUMBER_FLOAT && column.keptType() == KeptType.INT64
            ? "a number with a fraction or an exponent"
            : PairParser.describe(found);
    return PairParser.problem(
        json,
        "'"
            + column.path()
            + "' must be "
            + column.keptType().expected()
            + ", found "
            + found1
            + " (--keep-columns "
            + column.path()
            + ":"
            + column.keptType().spelling()
            + "; keep it as "
            + column.path()
            + ":json to take any value)");
  }

  /**
   * The input paths of the kept columns ({@code --keep-columns}) as a tree of keys, so that the one
   * walk over a line that finds the mapped fields finds the kept values too. Remembers which keys
   * the current line has had, to refuse a duplicate: one per parser, not thread-safe.
   */
  static final class KeptFields {
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
}
