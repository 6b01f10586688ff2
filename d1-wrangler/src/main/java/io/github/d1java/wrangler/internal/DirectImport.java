package io.github.d1java.wrangler.internal;

import io.github.d1java.D1Meta;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.core.DB;
import org.sqlite.SQLiteException;

/**
 * The local fast path of {@code SqlImport}: plain sqlite-jdbc on the database file, one
 * transaction per chunk, no D1 authorizer or limits and no result rows. Not thread-safe.
 */
public final class DirectImport implements AutoCloseable {

  private final Connection connection;

  /**
   * Opens a connection of its own on the file (WAL, so the engine's connections may stay open).
   *
   * @param file the SQLite file
   * @param busyTimeoutMillis how long to wait for the engine's locks
   * @throws SQLException if the file cannot be opened
   */
  public DirectImport(Path file, long busyTimeoutMillis) throws SQLException {
    connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout=" + busyTimeoutMillis);
      s.execute("PRAGMA foreign_keys=ON");
    }
    connection.setAutoCommit(false);
  }

  /** A failed statement: its index in the chunk and D1's exception. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The index in the chunk of the failing statement. */
    public final int index;

    /** D1's exception for it. */
    public final transient D1SqlException error;

    Failure(int index, D1SqlException error) {
      super(error.getMessage(), error);
      this.index = index;
      this.error = error;
    }
  }

  /**
   * Runs a chunk in one transaction.
   *
   * @param chunk the statements
   * @param results receives a result per statement (no rows; {@code changes} in the meta)
   * @throws Failure naming the failing statement; the chunk is rolled back
   */
  public void run(List<SqlStatement> chunk, java.util.function.BiConsumer<SqlStatement, D1Result<Map<String, Object>>> results)
      throws Failure {
    int i = 0;
    try (Statement s = connection.createStatement()) {
      long[] changes = new long[chunk.size()];
      // sqlite3_changes() is stale after DDL; the growth of total_changes() is exact.
      DB nativeDb = connection.unwrap(SQLiteConnection.class).getDatabase();
      long before = nativeDb.total_changes();
      for (; i < chunk.size(); i++) {
        s.execute(chunk.get(i).sql());
        long after = nativeDb.total_changes();
        changes[i] = after - before;
        before = after;
      }
      i = chunk.size() - 1;
      connection.commit();
      for (int k = 0; k < chunk.size(); k++) {
        results.accept(chunk.get(k),
            new D1Result<>(true, List.of(), D1Meta.builder().changes(changes[k]).rowsWritten(changes[k]).build()));
      }
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw new Failure(Math.min(i, chunk.size() - 1), d1Error(e));
    }
  }

  /** D1's wording: {@code <errmsg>: SQLITE_<PRIMARY>}, plus the extended code of constraints. */
  static D1SqlException d1Error(SQLException e) {
    if (!(e instanceof SQLiteException)) {
      return D1SqlException.of(String.valueOf(e.getMessage()), e);
    }
    SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
    String message = e.getMessage();
    String prefix = code + " (";
    String errmsg =
        message != null && message.startsWith(prefix) && message.endsWith(")")
            ? message.substring(prefix.length(), message.length() - 1)
            : String.valueOf(message);
    SQLiteErrorCode primary = SQLiteErrorCode.getErrorCode(code.code & 0xff);
    StringBuilder detail = new StringBuilder(errmsg).append(": ")
        .append(primary == SQLiteErrorCode.UNKNOWN_ERROR ? "SQLITE_ERROR" : primary.name());
    if (code.code > 0xff && code.name().startsWith("SQLITE_CONSTRAINT_")) {
      detail.append(" (extended: ").append(code.name()).append(')');
    }
    return D1SqlException.of(detail.toString(), e);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
