package io.github.d1java.jdbc.internal;

import io.github.d1java.spi.D1RawResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement: parameters are bound by D1 (never spliced into the SQL); {@code
 * addBatch}/{@code executeBatch} send one D1 batch. Not thread-safe.
 */
final class JdbcPreparedStatement extends UnsupportedPreparedStatement {

  private static final Object UNSET = new Object();

  private final String sql;
  private final Keys keys;
  private final String[] keyColumns;
  private final List<Object> params = new ArrayList<>();
  private final List<List<Object>> batch = new ArrayList<>();

  JdbcPreparedStatement(JdbcConnection connection, String sql, Keys keys, String[] keyColumns) {
    super(connection);
    this.sql = sql;
    this.keys = keys;
    this.keyColumns = keyColumns == null ? null : keyColumns.clone();
  }

  private List<Object> boundParams() throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i) == UNSET) {
        throw new SQLException("parameter " + (i + 1) + " is not set", "07001");
      }
    }
    return new ArrayList<>(params);
  }

  private void set(int index, Object value) throws SQLException {
    ensureOpen();
    if (index < 1) {
      throw new SQLException("parameter index must be at least 1: " + index, "07009");
    }
    while (params.size() < index) {
      params.add(UNSET);
    }
    params.set(index - 1, Values.toBind(value));
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    run(sql, boundParams(), Keys.NONE, null, true);
    return resultSetOrThrow(sql);
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) executeLargeUpdate();
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    run(sql, boundParams(), keys, keyColumns, false);
    return updateCountOrZero();
  }

  @Override
  public boolean execute() throws SQLException {
    return run(sql, boundParams(), keys, keyColumns, false);
  }

  @Override
  public void addBatch() throws SQLException {
    ensureOpen();
    batch.add(boundParams());
  }

  @Override
  public void clearBatch() throws SQLException {
    ensureOpen();
    batch.clear();
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    ensureOpen();
    clearResults();
    List<List<Object>> all = new ArrayList<>(batch);
    batch.clear();
    if (all.isEmpty()) {
      return new long[0];
    }
    SqlWords words = SqlWords.of(sql);
    boolean write = isWrite(words);
    String text = sql;
    if (keys == Keys.COLUMNS && write && !words.contains("returning")) {
      StringBuilder sb = new StringBuilder(sql.strip());
      while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ';') {
        sb.setLength(sb.length() - 1);
      }
      sb.append(" RETURNING ");
      for (int i = 0; i < keyColumns.length; i++) {
        sb.append(i == 0 ? "" : ", ")
            .append('"')
            .append(keyColumns[i].replace("\"", "\"\""))
            .append('"');
      }
      text = sb.toString();
    }
    List<String> texts = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      texts.add(text);
    }
    JdbcConnection.BatchResult result = connection.runBatch(texts, all, keys != Keys.NONE && write);
    if (keys != Keys.NONE && write && result.results() != null) {
      List<String> columns = null;
      List<List<Object>> rows = new ArrayList<>();
      for (D1RawResult r : result.results()) {
        if (keys == Keys.COLUMNS) {
          columns = r.columns().isEmpty() ? columns : r.columns();
          rows.addAll(r.rows());
        } else if (r.meta().changes() > 0) {
          rows.add(List.of(r.meta().lastRowId()));
        }
      }
      if (keys == Keys.ROWID) {
        columns = List.of("last_insert_rowid()");
      } else if (columns == null) {
        columns = Arrays.asList(keyColumns);
      }
      setGeneratedKeys(new JdbcResultSet(this, columns, rows));
    }
    return result.counts();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] out = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = (int) counts[i];
    }
    return out;
  }

  @Override
  public void clearParameters() throws SQLException {
    ensureOpen();
    params.clear();
  }

  @Override
  public ResultSetMetaData getMetaData() {
    // D1 describes a statement's columns only by running it
    return null;
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    throw Unsupported.feature("getParameterMetaData (D1 does not describe parameters)");
  }

  @Override
  public void setNull(int index, int sqlType) throws SQLException {
    set(index, null);
  }

  @Override
  public void setNull(int index, int sqlType, String typeName) throws SQLException {
    set(index, null);
  }

  @Override
  public void setBoolean(int index, boolean x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setByte(int index, byte x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setShort(int index, short x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setInt(int index, int x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setLong(int index, long x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setFloat(int index, float x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setDouble(int index, double x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setBigDecimal(int index, BigDecimal x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setString(int index, String x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setNString(int index, String x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setBytes(int index, byte[] x) throws SQLException {
    set(index, x == null ? null : x.clone());
  }

  @Override
  public void setDate(int index, Date x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setTime(int index, Time x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setTimestamp(int index, Timestamp x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setDate(int index, Date x, Calendar cal) throws SQLException {
    set(index, x);
  }

  @Override
  public void setTime(int index, Time x, Calendar cal) throws SQLException {
    set(index, x);
  }

  @Override
  public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
    set(index, x);
  }

  @Override
  public void setObject(int index, Object x) throws SQLException {
    set(index, x);
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType) throws SQLException {
    set(index, x);
  }

  @Override
  public void setObject(int index, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    set(index, x);
  }

  @Override
  public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
    set(index, x);
  }

  @Override
  public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    set(index, x);
  }

  @Override
  public void setBinaryStream(int index, InputStream x) throws SQLException {
    set(index, x == null ? null : readAll(x, -1));
  }

  @Override
  public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
    set(index, x == null ? null : readAll(x, length));
  }

  @Override
  public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
    set(index, x == null ? null : readAll(x, length));
  }

  @Override
  public void setBlob(int index, InputStream x) throws SQLException {
    setBinaryStream(index, x);
  }

  @Override
  public void setBlob(int index, InputStream x, long length) throws SQLException {
    setBinaryStream(index, x, length);
  }

  @Override
  public void setBlob(int index, Blob x) throws SQLException {
    set(index, x == null ? null : x.getBytes(1, (int) x.length()));
  }

  @Override
  public void setCharacterStream(int index, Reader x) throws SQLException {
    set(index, x == null ? null : readAll(x));
  }

  @Override
  public void setCharacterStream(int index, Reader x, int length) throws SQLException {
    set(index, x == null ? null : readAll(x));
  }

  @Override
  public void setCharacterStream(int index, Reader x, long length) throws SQLException {
    set(index, x == null ? null : readAll(x));
  }

  @Override
  public void setNCharacterStream(int index, Reader x) throws SQLException {
    setCharacterStream(index, x);
  }

  @Override
  public void setNCharacterStream(int index, Reader x, long length) throws SQLException {
    setCharacterStream(index, x);
  }

  @Override
  public void setClob(int index, Reader x) throws SQLException {
    setCharacterStream(index, x);
  }

  @Override
  public void setClob(int index, Reader x, long length) throws SQLException {
    setCharacterStream(index, x);
  }

  @Override
  public void setClob(int index, Clob x) throws SQLException {
    set(index, x == null ? null : x.getSubString(1, (int) x.length()));
  }

  @Override
  public void setURL(int index, URL x) throws SQLException {
    set(index, x == null ? null : x.toString());
  }

  private static byte[] readAll(InputStream in, long length) throws SQLException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long left = length < 0 ? Long.MAX_VALUE : length;
      int n;
      while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
        out.write(buf, 0, n);
        left -= n;
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new SQLException("cannot read the stream: " + e.getMessage(), "HY000", e);
    }
  }

  private static String readAll(Reader in) throws SQLException {
    try {
      StringWriter out = new StringWriter();
      in.transferTo(out);
      return out.toString();
    } catch (IOException e) {
      throw new SQLException("cannot read the reader: " + e.getMessage(), "HY000", e);
    }
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw new SQLException("executeQuery(String) on a PreparedStatement", "HY000");
  }

  @Override
  public String toString() {
    return "D1 PreparedStatement[" + sql + "]";
  }
}
