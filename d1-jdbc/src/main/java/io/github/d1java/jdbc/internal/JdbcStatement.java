package io.github.d1java.jdbc.internal;

import io.github.d1java.spi.D1RawResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC statement: each {@code execute} is one D1 call; {@code executeBatch} is one D1 batch.
 * Results are read in full (D1 returns every row at once). Not thread-safe.
 */
class JdbcStatement extends UnsupportedStatement {

  /** How generated keys were asked for. */
  enum Keys {
    NONE,
    ROWID,
    COLUMNS
  }

  final JdbcConnection connection;
  private final List<String> batch = new ArrayList<>();
  private boolean closed;
  private boolean closeOnCompletion;
  private JdbcResultSet resultSet;
  private long updateCount = -1;
  private JdbcResultSet generatedKeys;
  private int maxRows;
  private int fetchSize;
  private int queryTimeout;

  JdbcStatement(JdbcConnection connection) {
    this.connection = connection;
  }

  void ensureOpen() throws SQLException {
    if (closed) {
      throw new SQLException("Statement is closed", "HY010");
    }
    connection.ensureOpen();
  }

  /** Runs one call and records its result set or update count. */
  boolean run(String sql, List<Object> params, Keys keys, String[] keyColumns, boolean query)
      throws SQLException {
    ensureOpen();
    clearResults();
    SqlWords words = SqlWords.of(sql);
    String text = sql;
    boolean insertLike = isWrite(words);
    if (keys == Keys.COLUMNS && insertLike && !words.contains("returning")) {
      text = withReturning(sql, keyColumns);
    }
    boolean needsRows =
        query || keys != Keys.NONE && insertLike || words.contains("returning") && insertLike;
    D1RawResult r = connection.run(text, params, words, needsRows);
    if (r == null) {
      // buffered in a remote transaction: the count is only known at commit
      updateCount = Statement.SUCCESS_NO_INFO;
      return false;
    }
    boolean rows = !r.columns().isEmpty() || !insertLike && (words.isRead() || query);
    if (keys == Keys.COLUMNS && insertLike) {
      generatedKeys = new JdbcResultSet(this, r.columns(), r.rows());
      updateCount = r.rows().size();
      return false;
    }
    if (keys == Keys.ROWID && insertLike) {
      generatedKeys = rowidKeys(words, r.meta().changes(), r.meta().lastRowId());
    }
    if (rows) {
      resultSet = new JdbcResultSet(this, r.columns(), limit(r.rows()));
      return true;
    }
    updateCount = r.meta().changes();
    return false;
  }

  JdbcResultSet rowidKeys(SqlWords words, long changes, long lastRowId) {
    String first = words.first();
    List<List<Object>> rows = new ArrayList<>();
    if (changes > 0 && (first.equals("insert") || first.equals("replace"))) {
      rows.add(List.of(lastRowId));
    }
    return new JdbcResultSet(this, List.of("last_insert_rowid()"), rows);
  }

  static boolean isWrite(SqlWords words) {
    String first = words.first();
    return first.equals("insert")
        || first.equals("replace")
        || first.equals("update")
        || first.equals("delete")
        || first.equals("with") && !words.isRead();
  }

  private static String withReturning(String sql, String[] columns) throws SQLException {
    StringBuilder sb = new StringBuilder(sql.strip());
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ';') {
      sb.setLength(sb.length() - 1);
    }
    sb.append(" RETURNING ");
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] == null || columns[i].isEmpty()) {
        throw new SQLException("generated key column names must not be empty", "HY009");
      }
      sb.append(i == 0 ? "" : ", ")
          .append('"')
          .append(columns[i].replace("\"", "\"\""))
          .append('"');
    }
    return sb.toString();
  }

  private List<List<Object>> limit(List<List<Object>> rows) {
    return maxRows > 0 && rows.size() > maxRows ? rows.subList(0, maxRows) : rows;
  }

  void clearResults() {
    if (resultSet != null) {
      resultSet.close();
    }
    resultSet = null;
    updateCount = -1;
    generatedKeys = null;
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    run(sql, List.of(), Keys.NONE, null, true);
    return resultSetOrThrow(sql);
  }

  ResultSet resultSetOrThrow(String sql) throws SQLException {
    if (resultSet == null) {
      throw new SQLException(
          "the statement returned no rows: " + RemoteTransaction.abbreviate(sql), "07000");
    }
    return resultSet;
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return (int) executeLargeUpdate(sql);
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    run(sql, List.of(), Keys.NONE, null, false);
    return updateCountOrZero();
  }

  long updateCountOrZero() {
    return resultSet != null ? 0 : updateCount;
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    run(sql, List.of(), keys(autoGeneratedKeys), null, false);
    return (int) updateCountOrZero();
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    run(sql, List.of(), Keys.COLUMNS, columnNames, false);
    return (int) updateCountOrZero();
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    throw columnIndexes();
  }

  static SQLException columnIndexes() {
    return Unsupported.feature(
        "generated keys by column index (D1 has no result metadata for writes; pass column names)");
  }

  static Keys keys(int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
      return Keys.ROWID;
    }
    if (autoGeneratedKeys == Statement.NO_GENERATED_KEYS) {
      return Keys.NONE;
    }
    throw new SQLException("bad autoGeneratedKeys: " + autoGeneratedKeys, "HY092");
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return run(sql, List.of(), Keys.NONE, null, false);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return run(sql, List.of(), keys(autoGeneratedKeys), null, false);
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return run(sql, List.of(), Keys.COLUMNS, columnNames, false);
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    throw columnIndexes();
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    ensureOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    ensureOpen();
    return (int) updateCount;
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    ensureOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    ensureOpen();
    clearResults();
    return false;
  }

  @Override
  public boolean getMoreResults(int current) throws SQLException {
    return getMoreResults();
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    ensureOpen();
    return generatedKeys != null
        ? generatedKeys
        : new JdbcResultSet(this, List.of("last_insert_rowid()"), List.of());
  }

  void setGeneratedKeys(JdbcResultSet keys) {
    generatedKeys = keys;
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    ensureOpen();
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    ensureOpen();
    batch.clear();
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
  public long[] executeLargeBatch() throws SQLException {
    ensureOpen();
    clearResults();
    List<List<Object>> params = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      params.add(List.of());
    }
    List<String> sql = new ArrayList<>(batch);
    batch.clear();
    return connection.runBatch(sql, params).counts();
  }

  @Override
  public void close() {
    closed = true;
    clearResults();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void closeOnCompletion() {
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() {
    return closeOnCompletion;
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  @Override
  public int getMaxRows() {
    return maxRows;
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    if (max < 0) {
      throw new SQLException("maxRows must not be negative: " + max, "HY024");
    }
    maxRows = max;
  }

  @Override
  public long getLargeMaxRows() {
    return maxRows;
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    setMaxRows((int) Math.min(Integer.MAX_VALUE, max));
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
  public int getFetchDirection() {
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    if (direction != ResultSet.FETCH_FORWARD) {
      throw Unsupported.feature("setFetchDirection(" + direction + ")");
    }
  }

  /**
   * Records the timeout. D1 has no statement cancellation; the remote backends have their own
   * request timeout and deadline, which bound every call.
   */
  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    if (seconds < 0) {
      throw new SQLException("query timeout must not be negative: " + seconds, "HY024");
    }
    queryTimeout = seconds;
  }

  @Override
  public int getQueryTimeout() {
    return queryTimeout;
  }

  @Override
  public int getMaxFieldSize() {
    return 0;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    if (max != 0) {
      throw Unsupported.feature("setMaxFieldSize");
    }
  }

  @Override
  public void setEscapeProcessing(boolean enable) {
    // no JDBC escape syntax is translated; SQLite's own syntax is passed through either way
  }

  @Override
  public int getResultSetConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public SQLWarning getWarnings() {
    return null;
  }

  @Override
  public void clearWarnings() {}

  @Override
  public void setPoolable(boolean poolable) {}

  @Override
  public boolean isPoolable() {
    return false;
  }

  @Override
  public void cancel() throws SQLException {
    throw Unsupported.feature("cancel (a D1 call cannot be cancelled once sent)");
  }
}
