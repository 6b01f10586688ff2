package io.github.d1java.sqlite.internal;

import io.github.d1java.D1Meta;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database state that {@code meta} reports ({@code last_row_id}, {@code size_after}) as of the
 * last commit, the usage figures' model ({@link UsageCounter}), and the building of {@link D1Meta}.
 * The cached values are volatile, so reads on any thread see the last commit; everything else is
 * used under the write lock only.
 */
final class MetaState {

  private static final String SIZE_SQL =
      "SELECT last_insert_rowid(), max(1, (SELECT page_count FROM pragma_page_count())"
          + " - (SELECT freelist_count FROM pragma_freelist_count()))";

  private final AtomicLong dataVersion = new AtomicLong();
  private final UsageCounter usage = new UsageCounter(dataVersion::get);
  private final long pageSize;
  private volatile long lastRowId;
  private volatile long pages;

  /** Reads the state of the writer. */
  MetaState(Conn writer) throws SQLException {
    this.pageSize = Connections.queryLong(writer, "PRAGMA page_size");
    refresh(writer);
  }

  /** The usage figures' model and caches. */
  UsageCounter usage() {
    return usage;
  }

  /** Notes a commit that may have changed data (cached row counts are stale). */
  void committed() {
    dataVersion.incrementAndGet();
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

  /**
   * Reads {@code last_insert_rowid()} only (a statement inside a batch: the pages are read once at
   * the end of the call); returns whether it changed.
   */
  boolean refreshRowId(Conn writer) throws SQLException {
    long rowId = Connections.queryLong(writer, "SELECT last_insert_rowid()");
    boolean changed = rowId != lastRowId;
    lastRowId = rowId;
    return changed;
  }

  /** After a rollback: forgets the schema facts and rereads the state if it can. */
  void restore(Conn writer) {
    usage.schemaChanged();
    try {
      refresh(writer);
    } catch (SQLException ignored) {
      // the cached values stay; they only feed meta of later reads
    }
  }

  /** Forgets the cached schema facts (after DDL or a script). */
  void schemaChanged() {
    usage.schemaChanged();
  }

  /** The meta of a result, with the current {@code last_row_id} and {@code size_after}. */
  D1Meta meta(double ms, long changes, boolean changedDb, long rowsRead, long rowsWritten) {
    return meta(ms, changes, lastRowId, changedDb, rowsRead, rowsWritten);
  }

  /** The meta of a result, with the current {@code size_after}. */
  D1Meta meta(
      double ms, long changes, long rowId, boolean changedDb, long rowsRead, long rowsWritten) {
    return D1Meta.builder()
        .servedBy(SqliteEngine.SERVED_BY)
        .duration(ms)
        .changes(changes)
        .lastRowId(rowId)
        .changedDb(changedDb)
        .sizeAfter(pages * pageSize)
        .rowsRead(rowsRead)
        .rowsWritten(rowsWritten)
        .build();
  }
}
