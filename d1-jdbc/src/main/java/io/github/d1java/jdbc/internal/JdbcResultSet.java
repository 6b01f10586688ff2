package io.github.d1java.jdbc.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;

/**
 * A forward-only, read-only result set over rows D1 returned in full (D1 has no cursors: every call
 * returns all its rows). Not thread-safe.
 */
final class JdbcResultSet extends UnsupportedResultSet {

  private final Statement statement;
  private final List<String> columns;
  private final List<List<Object>> rows;
  private int row = -1;
  private boolean closed;
  private boolean wasNull;
  private int fetchSize;

  JdbcResultSet(Statement statement, List<String> columns, List<List<Object>> rows) {
    this.statement = statement;
    this.columns = columns;
    this.rows = rows;
  }

  /** A result set of metadata rows (no statement). */
  static JdbcResultSet of(List<String> columns, List<List<Object>> rows) {
    return new JdbcResultSet(null, columns, rows);
  }

  /** An empty result with no columns, for a statement that returned none. */
  static JdbcResultSet empty(Statement statement) {
    return new JdbcResultSet(statement, List.of(), List.of());
  }

  List<String> columns() {
    return columns;
  }

  List<List<Object>> rows() {
    return rows;
  }

  private void ensureOpen() throws SQLException {
    if (closed) {
      throw new SQLException("ResultSet is closed", "24000");
    }
  }

  private Object value(int column) throws SQLException {
    ensureOpen();
    if (row < 0 || row >= rows.size()) {
      throw new SQLException("ResultSet is not on a row; call next() first", "24000");
    }
    if (column < 1 || column > columns.size()) {
      throw new SQLException(
          "column index " + column + " out of range 1.." + columns.size(), "07009");
    }
    Object v = rows.get(row).get(column - 1);
    wasNull = v == null;
    return v;
  }

  private <T> T get(int column, Class<T> type) throws SQLException {
    return Values.convert(value(column), type);
  }

  private <T> T primitive(int column, Class<T> boxed, T zero) throws SQLException {
    T v = get(column, boxed);
    return v == null ? zero : v;
  }

  @Override
  public boolean next() throws SQLException {
    ensureOpen();
    if (row < rows.size()) {
      row++;
    }
    return row < rows.size();
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() {
    return wasNull;
  }

  @Override
  public int findColumn(String label) throws SQLException {
    ensureOpen();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    // "t.name" finds "name", as frameworks qualify labels
    int dot = label.lastIndexOf('.');
    if (dot >= 0) {
      return findColumn(label.substring(dot + 1));
    }
    throw new SQLException("no such column in the result: " + label, "42S22");
  }

  @Override
  public Object getObject(int column) throws SQLException {
    return value(column);
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    return get(column, type);
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return get(findColumn(label), type);
  }

  @Override
  public Object getObject(int column, java.util.Map<String, Class<?>> map) throws SQLException {
    return getObject(column);
  }

  @Override
  public String getString(int column) throws SQLException {
    return get(column, String.class);
  }

  @Override
  public String getNString(int column) throws SQLException {
    return getString(column);
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    return primitive(column, Boolean.class, false);
  }

  @Override
  public byte getByte(int column) throws SQLException {
    return primitive(column, Byte.class, (byte) 0);
  }

  @Override
  public short getShort(int column) throws SQLException {
    return primitive(column, Short.class, (short) 0);
  }

  @Override
  public int getInt(int column) throws SQLException {
    return primitive(column, Integer.class, 0);
  }

  @Override
  public long getLong(int column) throws SQLException {
    return primitive(column, Long.class, 0L);
  }

  @Override
  public float getFloat(int column) throws SQLException {
    return primitive(column, Float.class, 0f);
  }

  @Override
  public double getDouble(int column) throws SQLException {
    return primitive(column, Double.class, 0d);
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    return get(column, BigDecimal.class);
  }

  @Override
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    BigDecimal v = getBigDecimal(column);
    return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    return get(column, byte[].class);
  }

  @Override
  public Date getDate(int column) throws SQLException {
    return get(column, Date.class);
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return get(column, Time.class);
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    return get(column, Timestamp.class);
  }

  @Override
  public Date getDate(int column, Calendar cal) throws SQLException {
    return getDate(column);
  }

  @Override
  public Time getTime(int column, Calendar cal) throws SQLException {
    return getTime(column);
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
    return getTimestamp(column);
  }

  @Override
  public InputStream getBinaryStream(int column) throws SQLException {
    byte[] b = getBytes(column);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    String s = getString(column);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Reader getNCharacterStream(int column) throws SQLException {
    return getCharacterStream(column);
  }

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public String getNString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override
  public byte getByte(String label) throws SQLException {
    return getByte(findColumn(label));
  }

  @Override
  public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override
  public BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override
  public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
    return getBigDecimal(findColumn(label), scale);
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    return getBytes(findColumn(label));
  }

  @Override
  public Date getDate(String label) throws SQLException {
    return getDate(findColumn(label));
  }

  @Override
  public Time getTime(String label) throws SQLException {
    return getTime(findColumn(label));
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public Date getDate(String label, Calendar cal) throws SQLException {
    return getDate(findColumn(label));
  }

  @Override
  public Time getTime(String label, Calendar cal) throws SQLException {
    return getTime(findColumn(label));
  }

  @Override
  public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public InputStream getBinaryStream(String label) throws SQLException {
    return getBinaryStream(findColumn(label));
  }

  @Override
  public Reader getCharacterStream(String label) throws SQLException {
    return getCharacterStream(findColumn(label));
  }

  @Override
  public Reader getNCharacterStream(String label) throws SQLException {
    return getCharacterStream(findColumn(label));
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    ensureOpen();
    return new JdbcResultSetMetaData(columns, rows);
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public SQLWarning getWarnings() {
    return null;
  }

  @Override
  public void clearWarnings() {}

  @Override
  public int getType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getFetchDirection() {
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    if (direction != ResultSet.FETCH_FORWARD) {
      throw Unsupported.feature("setFetchDirection(" + direction + ") on a forward-only result");
    }
  }

  @Override
  public int getFetchSize() {
    return fetchSize;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    if (rows < 0) {
      throw new SQLException("fetch size must not be negative: " + rows, "HY024");
    }
    fetchSize = rows;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    ensureOpen();
    return row < 0 && !rows.isEmpty();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    ensureOpen();
    return row >= rows.size() && !rows.isEmpty();
  }

  @Override
  public boolean isFirst() throws SQLException {
    ensureOpen();
    return row == 0 && !rows.isEmpty();
  }

  @Override
  public boolean isLast() throws SQLException {
    ensureOpen();
    return row == rows.size() - 1 && !rows.isEmpty();
  }

  @Override
  public int getRow() throws SQLException {
    ensureOpen();
    return row >= 0 && row < rows.size() ? row + 1 : 0;
  }

  @Override
  public String getCursorName() throws SQLException {
    throw Unsupported.feature("getCursorName (D1 has no cursors)");
  }

  @Override
  public String toString() {
    return "D1 ResultSet" + columns + " (" + rows.size() + " rows)";
  }

  /** Column metadata from the values: SQLite types are per value, not per column. */
  static final class JdbcResultSetMetaData extends UnsupportedResultSetMetaData {
    private final List<String> columns;
    private final List<Object> samples;

    JdbcResultSetMetaData(List<String> columns, List<List<Object>> rows) {
      this.columns = columns;
      this.samples = new ArrayList<>(columns.size());
      for (int c = 0; c < columns.size(); c++) {
        Object sample = null;
        for (List<Object> r : rows) {
          if (r.get(c) != null) {
            sample = r.get(c);
            break;
          }
        }
        samples.add(sample);
      }
    }

    private void check(int column) throws SQLException {
      if (column < 1 || column > columns.size()) {
        throw new SQLException(
            "column index " + column + " out of range 1.." + columns.size(), "07009");
      }
    }

    @Override
    public int getColumnCount() {
      return columns.size();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
      check(column);
      return columns.get(column - 1);
    }

    @Override
    public String getColumnName(int column) throws SQLException {
      return getColumnLabel(column);
    }

    @Override
    public int getColumnType(int column) throws SQLException {
      check(column);
      return TypeNames.jdbcType(samples.get(column - 1));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
      check(column);
      return TypeNames.storageClass(samples.get(column - 1));
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
      check(column);
      Object v = samples.get(column - 1);
      return v == null ? Object.class.getName() : v.getClass().getName();
    }

    @Override
    public boolean isAutoIncrement(int column) {
      return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
      check(column);
      return samples.get(column - 1) instanceof String;
    }

    @Override
    public boolean isSearchable(int column) {
      return true;
    }

    @Override
    public boolean isCurrency(int column) {
      return false;
    }

    @Override
    public int isNullable(int column) {
      return ResultSetMetaData.columnNullableUnknown;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
      check(column);
      return samples.get(column - 1) instanceof Number;
    }

    @Override
    public int getColumnDisplaySize(int column) {
      return Integer.MAX_VALUE;
    }

    @Override
    public String getSchemaName(int column) {
      return "";
    }

    @Override
    public int getPrecision(int column) {
      return 0;
    }

    @Override
    public int getScale(int column) {
      return 0;
    }

    @Override
    public String getTableName(int column) {
      return "";
    }

    @Override
    public String getCatalogName(int column) {
      return "";
    }

    @Override
    public boolean isReadOnly(int column) {
      return true;
    }

    @Override
    public boolean isWritable(int column) {
      return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) {
      return false;
    }
  }

  /** SQLite storage classes and their JDBC types. */
  static final class TypeNames {
    private TypeNames() {}

    static int jdbcType(Object v) {
      if (v == null) {
        return java.sql.Types.NULL;
      }
      if (v instanceof Long) {
        return java.sql.Types.BIGINT;
      }
      if (v instanceof Double) {
        return java.sql.Types.DOUBLE;
      }
      if (v instanceof byte[]) {
        return java.sql.Types.BLOB;
      }
      return java.sql.Types.VARCHAR;
    }

    static String storageClass(Object v) {
      if (v == null) {
        return "NULL";
      }
      if (v instanceof Long) {
        return "INTEGER";
      }
      if (v instanceof Double) {
        return "REAL";
      }
      if (v instanceof byte[]) {
        return "BLOB";
      }
      return "TEXT";
    }

    /** The JDBC type of a declared column type, by SQLite's affinity rules (§3.1). */
    static int declaredType(String declared) {
      String t = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
      if (t.contains("INT")) {
        return java.sql.Types.BIGINT;
      }
      if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
        return java.sql.Types.VARCHAR;
      }
      if (t.contains("BLOB") || t.isEmpty()) {
        return t.isEmpty() ? java.sql.Types.OTHER : java.sql.Types.BLOB;
      }
      if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
        return java.sql.Types.DOUBLE;
      }
      if (t.contains("BOOL")) {
        return java.sql.Types.BOOLEAN;
      }
      if (t.contains("DATETIME") || t.contains("TIMESTAMP")) {
        return java.sql.Types.TIMESTAMP;
      }
      if (t.contains("DATE")) {
        return java.sql.Types.DATE;
      }
      if (t.contains("TIME")) {
        return java.sql.Types.TIME;
      }
      return java.sql.Types.NUMERIC;
    }
  }
}
