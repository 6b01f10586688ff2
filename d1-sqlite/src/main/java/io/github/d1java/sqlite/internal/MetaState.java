package io.github.d1java.sqlite.internal;

import io.github.d1java.D1Meta;
import io.github.d1java.sqlite.internal.SqlScript.Statement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The database state that {@code meta} reports ({@code last_row_id}, {@code size_after}) as of the
 * last commit, the cached schema facts usage figures need, and the building of {@link D1Meta}.
 * The cached values are volatile, so reads on any thread see the last commit; everything else is
 * used under the write lock only.
 */
final class MetaState {

  private static final String INDEX_COUNT_SQL =
      "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? COLLATE NOCASE";
  private static final String SIZE_SQL =
      "SELECT last_insert_rowid(), max(1, (SELECT page_count FROM pragma_page_count())"
          + " - (SELECT freelist_count FROM pragma_freelist_count()))";

  /** Index count per table, for rows_written; used under the write lock only. */
  private final Map<String, Long> indexCounts = new HashMap<>();
  private final long pageSize;
  private volatile long lastRowId;
  private volatile long pages;

  /** Reads the state of the writer. */
  MetaState(Conn writer) throws SQLException {
    this.pageSize = Connections.queryLong(writer, "PRAGMA page_size");
    refresh(writer);
  }

  long lastRowId() {
    return lastRowId;
  }

  long pages() {
    return pages;
  }

  /**
   * Reads {@code last_insert_rowid()} and the pages in use from the writer and keeps them; returns
   * whether either changed.
   */
  boolean refresh(Conn writer) throws SQLException {
    PreparedStatement ps = writer.prepare(SIZE_SQL);
    long rowId;
    long pageCount;
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      rowId = rs.getLong(1);
      pageCount = rs.getLong(2);
    }
    boolean changed = rowId != lastRowId || pageCount != pages;
    lastRowId = rowId;
    pages = pageCount;
    return changed;
  }

  /** After a rollback: forgets the schema facts and rereads the state if it can. */
  void restore(Conn writer) {
    indexCounts.clear();
    try {
      refresh(writer);
    } catch (SQLException ignored) {
      // the cached values stay; they only feed meta of later reads
    }
  }

  /** Forgets the cached schema facts (after DDL or a script). */
  void schemaChanged() {
    indexCounts.clear();
  }

  /**
   * {@code rows_written} of a write statement: the rows it changed plus, for an INSERT, one index
   * entry per inserted row and index.
   */
  long rowsWritten(Conn writer, Statement last, long lastChanges) throws SQLException {
    long rowsWritten = lastChanges;
    String insertTarget = ParsedSql.insertTarget(last);
    if (insertTarget != null && lastChanges > 0) {
      // D1 counts index entries too: each inserted row also writes one entry per index
      rowsWritten += writer.changes() * indexCount(writer, insertTarget);
    }
    return rowsWritten;
  }

  private long indexCount(Conn writer, String table) throws SQLException {
    Long n = indexCounts.get(table);
    if (n == null) {
      PreparedStatement ps = writer.prepare(INDEX_COUNT_SQL);
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        n = rs.next() ? rs.getLong(1) : 0L;
      }
      indexCounts.put(table, n);
    }
    return n;
  }

  /** The meta of a result, with the current {@code last_row_id} and {@code size_after}. */
  D1Meta meta(double ms, long changes, boolean changedDb, long rowsRead, long rowsWritten) {
    return D1Meta.builder()
        .servedBy(SqliteEngine.SERVED_BY)
        .duration(ms)
        .changes(changes)
        .lastRowId(lastRowId)
        .changedDb(changedDb)
        .sizeAfter(pages * pageSize)
        .rowsRead(rowsRead)
        .rowsWritten(rowsWritten)
        .build();
  }
}
