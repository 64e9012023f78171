package io.qaexport.adapter.out.parquet;

import io.qaexport.domain.HfRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads our Parquet files with DuckDB: an independent implementation of the format, so a file that
 * passes here is not merely one parquet-java agrees with itself about. It also writes references
 * for the reader to read, as a third writer besides pyarrow and qa-export.
 */
final class DuckDb {
  private DuckDb() {}

  /** Every row in file order: column name to value, in the file's column order. */
  static List<Map<String, Object>> rows(Path file) throws IOException {
    return query(
        "SELECT * EXCLUDE (file_row_number)"
            + " FROM read_parquet(?, file_row_number = true) ORDER BY file_row_number",
        file);
  }

  /** Every row as a record; a file without {@code failure_reason} gives passed records. */
  static List<HfRecord> records(Path file) throws IOException {
    List<HfRecord> records = new ArrayList<>();
    for (Map<String, Object> row : rows(file)) {
      records.add(
          new HfRecord(
              (String) row.get("question"),
              (String) row.get("answer"),
              (String) row.get("source"),
              (String) row.get("persona"),
              (Double) row.get("validation_score"),
              (String) row.get("failure_reason")));
    }
    return records;
  }

  /** Each leaf column as {@code name physical-type repetition logical-type}. */
  static List<String> schema(Path file) throws IOException {
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> column :
        query(
            "SELECT name, type, repetition_type, logical_type"
                + " FROM parquet_schema(?) WHERE num_children IS NULL ORDER BY column_id",
            file)) {
      columns.add(
          column.get("name")
              + " "
              + column.get("type")
              + " "
              + column.get("repetition_type")
              + " "
              + column.get("logical_type"));
    }
    return columns;
  }

  /** The footer's key-value metadata, decoded as UTF-8. */
  static Map<String, String> keyValueMetadata(Path file) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (Map<String, Object> entry :
        query(
            "SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(?)",
            file)) {
      entries.put((String) entry.get("key"), (String) entry.get("value"));
    }
    return entries;
  }

  /** Per row group, in order: its rows, its uncompressed bytes as the footer states them. */
  static List<Map<String, Object>> rowGroups(Path file) throws IOException {
    return query(
        "SELECT DISTINCT row_group_id, row_group_num_rows AS num_rows,"
            + " row_group_bytes AS bytes FROM parquet_metadata(?) ORDER BY row_group_id",
        file);
  }

  /** The codec of every column chunk, deduplicated. */
  static List<String> codecs(Path file) throws IOException {
    List<String> codecs = new ArrayList<>();
    for (Map<String, Object> row :
        query("SELECT DISTINCT compression FROM parquet_metadata(?) ORDER BY compression", file)) {
      codecs.add((String) row.get("compression"));
    }
    return codecs;
  }

  /** Per column name, the encodings its column chunks use (e.g. PLAIN, RLE_DICTIONARY). */
  static Map<String, String> encodings(Path file) throws IOException {
    Map<String, String> encodings = new LinkedHashMap<>();
    for (Map<String, Object> row :
        query(
            "SELECT path_in_schema AS name,"
                + " string_agg(DISTINCT encodings, ',') AS encodings FROM parquet_metadata(?)"
                + " GROUP BY path_in_schema ORDER BY path_in_schema",
            file)) {
      encodings.put(String.valueOf(row.get("name")), String.valueOf(row.get("encodings")));
    }
    return encodings;
  }

  /** Writes a Parquet file as DuckDB does: an {@code id}, then {@code question} (null: none). */
  static void writeQuestions(Path file, List<String> questions) throws IOException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duckdb.createStatement()) {
      sql.execute("CREATE TABLE reference (id BIGINT, question VARCHAR)");
      try (PreparedStatement insert =
          duckdb.prepareStatement("INSERT INTO reference VALUES (?, ?)")) {
        for (int i = 0; i < questions.size(); i++) {
          insert.setLong(1, i);
          insert.setString(2, questions.get(i));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      sql.execute(
          "COPY (SELECT * FROM reference ORDER BY id) TO '"
              + file.toString().replace("'", "''")
              + "' (FORMAT PARQUET)");
    } catch (SQLException e) {
      throw new IOException("DuckDB cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<Map<String, Object>> query(String sql, Path file) throws IOException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement statement = duckdb.prepareStatement(sql)) {
      statement.setString(1, file.toString());
      try (ResultSet result = statement.executeQuery()) {
        ResultSetMetaData columns = result.getMetaData();
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= columns.getColumnCount(); i++) {
            Object value = result.getObject(i);
            // Nested values as the contract reads them: a LIST column as a java.util.List.
            row.put(
                columns.getColumnName(i),
                value instanceof Array list ? Arrays.asList((Object[]) list.getArray()) : value);
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IOException("DuckDB cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
