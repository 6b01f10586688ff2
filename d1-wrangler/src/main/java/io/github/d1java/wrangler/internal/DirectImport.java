package io.github.d1java.wrangler.internal;

import io.github.d1java.D1Meta;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.sql.SqlLexer;
import io.github.d1java.sql.SqlStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.core.DB;

/**
 * The local fast path of {@code SqlImport}: plain sqlite-jdbc on the database file, one transaction
 * per chunk, no D1 authorizer or limits and no result rows. Not thread-safe.
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

  /**
   * Runs a chunk without a listener inside the transaction that {@link #commit()} ends, so that a
   * file of any size is one transaction with one chunk in memory: the chunk runs as one script
   * inside a savepoint; when that fails the savepoint is rolled back and the chunk run statement by
   * statement to find the failing one, and then the whole transaction is rolled back.
   *
   * @param chunk the statements
   * @param extra SQL texts to run after them, without results
   * @return the rows the chunk changed
   * @throws Failure naming the failing statement; everything since the last commit is rolled back
   */
  public long runUncommitted(List<SqlStatement> chunk, List<String> extra) throws Failure {
    int i = 0;
    try (Statement s = connection.createStatement()) {
      long before = nativeDb().total_changes();
      // SQLite splits a joined script itself: join only pieces the lexer sees end where they do
      if (allComplete(chunk)) {
        StringBuilder script = new StringBuilder("\nSAVEPOINT d1_import_chunk;\n");
        for (SqlStatement st : chunk) {
          script.append(st.sql()).append(";\n");
        }
        for (String sql : extra) {
          script.append(sql).append(";\n");
        }
        script.append("RELEASE d1_import_chunk;\n");
        try {
          s.executeUpdate(script.toString());
          return nativeDb().total_changes() - before;
        } catch (SQLException e) {
          s.executeUpdate("ROLLBACK TO d1_import_chunk");
          s.executeUpdate("RELEASE d1_import_chunk");
        }
      }
      // statement by statement, which also finds the one that failed in the script
      s.executeUpdate("SAVEPOINT d1_import_chunk");
      for (; i < chunk.size(); i++) {
        s.execute(chunk.get(i).sql());
      }
      i = chunk.size() - 1;
      for (String sql : extra) {
        s.execute(sql);
      }
      s.executeUpdate("RELEASE d1_import_chunk");
      return nativeDb().total_changes() - before;
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw new Failure(Math.min(i, chunk.size() - 1), d1Error(e));
    }
  }

  /**
   * Commits what {@link #runUncommitted} ran.
   *
   * @throws Failure if SQLite refuses the commit (a deferred foreign key); it is rolled back
   */
  public void commit() throws Failure {
    try {
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw new Failure(0, d1Error(e));
    }
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
   * Runs a chunk in one transaction. Without a listener the chunk runs as one SQLite script ({@code
   * sqlite3_exec}); when that fails it is rolled back and run again statement by statement to find
   * the failing one.
   *
   * @param chunk the statements
   * @param extra SQL texts to run after them in the same transaction, without results
   * @param results receives a result per statement (no rows; {@code changes} in the meta), or null
   *     for none
   * @return the rows the chunk changed
   * @throws Failure naming the failing statement; the chunk is rolled back
   */
  public long run(
      List<SqlStatement> chunk,
      List<String> extra,
      BiConsumer<SqlStatement, D1Result<Map<String, Object>>> results)
      throws Failure {
    // SQLite splits a joined script itself: join only pieces the lexer sees end where they do
    if (results == null && allComplete(chunk)) {
      try (Statement s = connection.createStatement()) {
        long before = nativeDb().total_changes();
        // the leading newline: sqlite-jdbc would run a script starting "backup"/"restore" itself
        StringBuilder script = new StringBuilder("\n");
        for (SqlStatement st : chunk) {
          script.append(st.sql()).append(";\n");
        }
        for (String sql : extra) {
          script.append(sql).append(";\n");
        }
        s.executeUpdate(script.toString());
        long changes = nativeDb().total_changes() - before;
        connection.commit();
        return changes;
      } catch (SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException r) {
          Failure failure = new Failure(0, d1Error(e));
          failure.addSuppressed(r);
          throw failure;
        }
      }
    }
    int i = 0;
    try (Statement s = connection.createStatement()) {
      long[] changes = new long[chunk.size()];
      // sqlite3_changes() is stale after DDL; the growth of total_changes() is exact.
      DB nativeDb = nativeDb();
      long before = nativeDb.total_changes();
      long total = 0;
      for (; i < chunk.size(); i++) {
        s.execute(chunk.get(i).sql());
        long after = nativeDb.total_changes();
        changes[i] = after - before;
        total += changes[i];
        before = after;
      }
      i = chunk.size() - 1;
      for (String sql : extra) {
        s.execute(sql);
        total += nativeDb.total_changes() - before;
        before = nativeDb.total_changes();
      }
      connection.commit();
      if (results != null) {
        for (int k = 0; k < chunk.size(); k++) {
          results.accept(
              chunk.get(k),
              new D1Result<>(
                  true,
                  List.of(),
                  D1Meta.builder().changes(changes[k]).rowsWritten(changes[k]).build()));
        }
      }
      return total;
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      throw new Failure(Math.min(i, chunk.size() - 1), d1Error(e));
    }
  }

  private static boolean allComplete(List<SqlStatement> chunk) {
    for (SqlStatement st : chunk) {
      if (st.sql().indexOf('\0') >= 0 || !SqlLexer.isComplete(st.sql() + ";")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The database size after the last commit, as D1's {@code size_after} (the same formula as the
   * engine's meta: pages in use, at least one, times the page size).
   *
   * @return the size in bytes
   * @throws Failure if SQLite cannot say
   */
  public long sizeAfter() throws Failure {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT max(1, (SELECT page_count FROM pragma_page_count())"
                    + " - (SELECT freelist_count FROM pragma_freelist_count()))"
                    + " * (SELECT page_size FROM pragma_page_size())")) {
      rs.next();
      long size = rs.getLong(1);
      connection.commit();
      return size;
    } catch (SQLException e) {
      throw new Failure(0, d1Error(e));
    }
  }

  private DB nativeDb() throws SQLException {
    return connection.unwrap(SQLiteConnection.class).getDatabase();
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
    StringBuilder detail =
        new StringBuilder(errmsg)
            .append(": ")
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
