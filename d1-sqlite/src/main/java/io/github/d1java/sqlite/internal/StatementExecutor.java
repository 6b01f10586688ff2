package io.github.d1java.sqlite.internal;

import io.github.d1java.D1SqlException;
import io.github.d1java.spi.D1Values;
import io.github.d1java.sqlite.internal.SqlScript.Statement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import org.sqlite.core.CoreResultSet;

/** Runs one statement on a connection: binds, steps, reads the rows. Stateless. */
final class StatementExecutor {

  /** Columns and rows of one statement. */
  record Rows(List<String> columns, List<List<Object>> rows) {}

  static final Rows NO_ROWS = new Rows(List.of(), List.of());

  private StatementExecutor() {}

  /**
   * Runs one statement. {@code params} null means "not the last statement of a multi-statement
   * SQL": it must have no parameters and its rows are discarded.
   */
  static Rows execute(Conn conn, Statement st, List<Object> params, boolean collect)
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
          while (rs.next()) {
            // rows of a statement that is not the last are discarded, as workerd does
          }
          return NO_ROWS;
        }
        List<String> columns = columnNames(rs);
        int n = columns.size();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int c = 0; c < n; c++) {
            Object v = rs.getObject(c + 1);
            row[c] = v instanceof Integer ? Long.valueOf(((Integer) v).longValue()) : v;
          }
          rows.add(new Row(row));
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
