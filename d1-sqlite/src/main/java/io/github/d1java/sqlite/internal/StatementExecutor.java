package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.spi.D1Values;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.sqlite.core.Codes;
import org.sqlite.core.CoreResultSet;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;
import org.sqlite.core.SafeStmtPtr;

/** Runs one statement on a connection: binds, steps, reads the rows. Stateless. */
final class StatementExecutor {

  /** Columns and rows of one statement. */
  record Rows(List<String> columns, List<List<Object>> rows) {}

  static final Rows NO_ROWS = new Rows(List.of(), List.of());

  /** What a statement run with {@code collect} false returns when it produced rows. */
  static final Rows DISCARDED_ROWS = new Rows(List.of(), List.of());

  private StatementExecutor() {}

  /**
   * Runs one statement. {@code params} null means "not the last statement of a multi-statement
   * SQL": it must have no parameters and its rows are discarded ({@link #DISCARDED_ROWS} tells that
   * there were some).
   */
  static Rows execute(Conn conn, Statement st, List<Object> params, boolean collect)
      throws SQLException {
    String sql = st.text();
    String refusal = conn.schemaRefusal(st);
    if (refusal != null) {
      throw D1SqlException.of(refusal, null);
    }
    String first = st.firstKeyword();
    boolean ddl = "CREATE".equals(first) || "DROP".equals(first) || "ALTER".equals(first);
    try {
      return run(conn, conn.runnable(st), params, collect);
    } finally {
      if (ddl) {
        SchemaRules.schemaChanged();
      }
    }
  }

  private static Rows run(Conn conn, Statement st, List<Object> params, boolean collect)
      throws SQLException {
    String sql = st.text();
    PreparedStatement ps;
    try {
      ps = conn.prepare(sql);
    } catch (SQLException e) {
      throw SqliteErrors.of(e, st, conn::probe);
    }
    try {
      int expected = ps.getParameterMetaData().getParameterCount();
      if (params == null) {
        if (expected > 0) {
          throw D1SqlException.of(SqliteEngine.MULTI_PARAMS, null);
        }
      } else if (expected != params.size()) {
        throw D1SqlException.of(SqliteEngine.WRONG_BINDINGS, null);
      }
      // every parameter is set below (the count was checked), so no clearParameters round trip
      if (params != null) {
        for (int i = 0; i < params.size(); i++) {
          bind(ps, i + 1, params.get(i));
        }
      }
      if (!ps.execute()) {
        return NO_ROWS;
      }
      try (ResultSet rs = ps.getResultSet()) {
        if (!collect) {
          boolean any = false;
          while (rs.next()) {
            // rows of a statement that is not the last are discarded, as workerd does
            any = true;
          }
          return any ? DISCARDED_ROWS : NO_ROWS;
        }
        List<String> columns = columnNames(rs);
        int n = columns.size();
        List<List<Object>> rows = new ArrayList<>();
        SafeStmtPtr pointer = ps instanceof CoreStatement ? ((CoreStatement) ps).pointer : null;
        if (pointer != null) {
          if (rs.next()) {
            // the statement stands on its first row: read it and step through the rest under
            // one lock with SQLite's own calls (ResultSet.next and getObject would take the lock
            // per row and per value, and box integers twice); closing the ResultSet resets it
            boolean utf8 = conn.utf8();
            pointer.safeRunConsume((db, stmt) -> readAll(db, stmt, n, utf8, rows));
          }
        } else {
          while (rs.next()) {
            Object[] row = new Object[n];
            for (int c = 0; c < n; c++) {
              Object v = rs.getObject(c + 1);
              row[c] = v instanceof Integer ? Long.valueOf(((Integer) v).longValue()) : v;
            }
            rows.add(new Row(row));
          }
        }
        return new Rows(columns, rows);
      }
    } catch (SQLException e) {
      conn.evict(sql);
      throw SqliteErrors.of(e, st, conn::probe);
    } catch (RuntimeException e) {
      conn.evict(sql);
      throw e;
    }
  }

  /**
   * Whether SQLite judges the statement read-only ({@code sqlite3_stmt_readonly}, which sqlite-jdbc
   * does not expose): its program, as {@code EXPLAIN} lists it, opens no write transaction and does
   * not vacuum, checkpoint or change the journal mode ({@code resolveP2Values} in vdbeaux.c). An
   * {@code EXPLAIN} statement is judged by the program it lists.
   */
  static boolean isReadOnlyProgram(Conn conn, Statement st) throws SQLException {
    List<io.github.d1java.sql.SqlToken> tokens = st.tokens();
    String text = st.text();
    String explain;
    if (!tokens.isEmpty() && tokens.get(0).isKeyword("EXPLAIN")) {
      int verb = MetadataMaintenance.firstAfterExplain(tokens, tokens.size());
      explain = "EXPLAIN " + text.substring(verb < 0 ? text.length() : tokens.get(verb).start());
    } else {
      explain = "EXPLAIN " + text;
    }
    try (PreparedStatement ps = conn.connection().prepareStatement(explain);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String opcode = rs.getString(2);
        if (opcode.equals("Transaction") && rs.getInt(4) != 0
            || opcode.equals("Vacuum")
            || opcode.equals("Checkpoint")
            || opcode.equals("JournalMode")) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Reads the current row and every row after it; SQLite's error codes raise what {@code
   * ResultSet.next} raises. Call with the statement's lock held.
   */
  private static void readAll(DB db, long stmt, int n, boolean utf8, List<List<Object>> rows)
      throws SQLException {
    while (true) {
      Object[] row = new Object[n];
      readRow(db, stmt, utf8, row);
      rows.add(new Row(row));
      int rc = db.step(stmt);
      if (rc == Codes.SQLITE_DONE) {
        return;
      }
      if (rc != Codes.SQLITE_ROW) {
        db.throwex(rc);
        return;
      }
    }
  }

  /** Reads the current row's values as D1 types them: Long, Double, String, byte[] or null. */
  private static void readRow(DB db, long stmt, boolean utf8, Object[] row) throws SQLException {
    for (int c = 0; c < row.length; c++) {
      switch (db.column_type(stmt, c)) {
        case Codes.SQLITE_INTEGER:
          row[c] = db.column_long(stmt, c);
          break;
        case Codes.SQLITE_FLOAT:
          row[c] = db.column_double(stmt, c);
          break;
        case Codes.SQLITE_BLOB:
          row[c] = db.column_blob(stmt, c);
          break;
        case Codes.SQLITE_NULL:
          row[c] = null;
          break;
        default:
          row[c] = utf8 ? text(db.column_blob(stmt, c)) : db.column_text(stmt, c);
          break;
      }
    }
  }

  /**
   * A TEXT value from its bytes, which {@code sqlite3_column_blob} gives unconverted in the
   * database's encoding (here UTF-8): decoded as sqlite-jdbc's {@code column_text} decodes them
   * (invalid sequences become U+FFFD), without the direct buffer that call builds through JNI for
   * every value. An empty text has no bytes; SQLite may then give no pointer.
   */
  private static String text(byte[] utf8) {
    return utf8 == null || utf8.length == 0 ? "" : new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * The result's column names. sqlite-jdbc already read them from SQLite when the statement ran
   * ({@code CoreResultSet.cols}); asking the metadata again would cross JNI once per column.
   */
  private static List<String> columnNames(ResultSet rs) throws SQLException {
    if (rs instanceof CoreResultSet) {
      String[] cols = ((CoreResultSet) rs).cols;
      if (cols != null) {
        return List.of(cols);
      }
    }
    ResultSetMetaData md = rs.getMetaData();
    String[] columns = new String[md.getColumnCount()];
    for (int c = 0; c < columns.length; c++) {
      columns[c] = md.getColumnLabel(c + 1);
    }
    return List.of(columns);
  }

  /** An immutable row over the array the engine filled, without a second wrapper. */
  private static final class Row extends AbstractList<Object> implements RandomAccess {
    private final Object[] values;

    Row(Object[] values) {
      this.values = values;
    }

    @Override
    public Object get(int index) {
      return values[index];
    }

    @Override
    public int size() {
      return values.length;
    }
  }

  private static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(index, Types.NULL);
    } else if (v instanceof Long) {
      ps.setLong(index, (Long) v);
    } else if (v instanceof Double) {
      ps.setDouble(index, (Double) v);
    } else if (v instanceof String) {
      ps.setString(index, (String) v);
    } else if (v instanceof byte[]) {
      ps.setBytes(index, (byte[]) v);
    } else {
      ps.setObject(index, D1Values.toBindValue(v));
    }
  }
}
