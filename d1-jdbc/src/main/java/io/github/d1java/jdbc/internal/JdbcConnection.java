package io.github.d1java.jdbc.internal;

import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.spi.AbstractD1PreparedStatement;
import io.github.d1java.spi.D1RawResult;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.sqlite.D1SqliteTransaction;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JDBC connection over one {@link Backend}. With auto-commit on, every statement is one D1 call.
 * With auto-commit off, a local backend runs a real SQLite transaction ({@link
 * D1SqliteTransaction}, begun by the first statement); a remote one buffers writes and sends them
 * as one batch at commit ({@link RemoteTransaction}). Not thread-safe, as JDBC connections usually
 * are not; {@link #close()} and {@link #isClosed()} may be called from any thread.
 */
public final class JdbcConnection extends UnsupportedConnection {

  private final Backend backend;
  private final D1Database db;
  private final AtomicBoolean closed = new AtomicBoolean();
  private boolean autoCommit = true;
  private boolean readOnly;
  private D1SqliteTransaction localTx;
  private RemoteTransaction remoteTx;
  private int savepoints;
  private int networkTimeout;
  private JdbcDatabaseMetaData metaData;

  /**
   * @param backend the backend; released when this connection closes
   */
  public JdbcConnection(Backend backend) {
    this.backend = backend;
    this.db = backend.database();
  }

  Backend backend() {
    return backend;
  }

  void ensureOpen() throws SQLException {
    if (closed.get()) {
      throw new SQLNonTransientConnectionException("Connection is closed", "08003");
    }
  }

  /** The result of a batch: counts, and the results when they are known (not buffered). */
  record BatchResult(long[] counts, List<D1RawResult> results) {}

  // --- execution ---

  /**
   * Runs one call. Returns null when the call was buffered in a remote transaction.
   *
   * @param needsRows whether the caller needs the call's rows now (a query, RETURNING, keys)
   */
  D1RawResult run(String sql, List<Object> params, SqlWords words, boolean needsRows)
      throws SQLException {
    ensureOpen();
    try {
      if (autoCommit) {
        return raw(db.prepare(sql).bind(params.toArray()));
      }
      if (backend.local()) {
        return raw(localTx().prepare(sql).bind(params.toArray()));
      }
      RemoteTransaction tx = remoteTx();
      if (words.isRead()) {
        tx.checkRead(sql, words);
        return raw(db.prepare(sql).bind(params.toArray()));
      }
      if (needsRows) {
        throw needsRowsInRemoteTransaction(sql);
      }
      tx.add(sql, params, words);
      return null;
    } catch (D1Exception e) {
      throw Errors.of(e);
    }
  }

  private static SQLException needsRowsInRemoteTransaction(String sql) {
    return new SQLFeatureNotSupportedException(
        "D1 has no interactive transactions over this connection: '"
            + RemoteTransaction.abbreviate(sql)
            + "' would be sent at commit(), so its rows (RETURNING, generated keys) are not known"
            + " now. Run it with auto-commit on.",
        Errors.INVALID_TRANSACTION_STATE);
  }

  /** Runs statements as one batch: all or none. */
  BatchResult runBatch(List<String> sql, List<List<Object>> params) throws SQLException {
    return runBatch(sql, params, false);
  }

  BatchResult runBatch(List<String> sql, List<List<Object>> params, boolean needsRows)
      throws SQLException {
    ensureOpen();
    long[] counts = new long[sql.size()];
    if (sql.isEmpty()) {
      return new BatchResult(counts, List.of());
    }
    try {
      if (!autoCommit && !backend.local()) {
        if (needsRows) {
          throw needsRowsInRemoteTransaction(sql.get(0));
        }
        RemoteTransaction tx = remoteTx();
        for (int i = 0; i < sql.size(); i++) {
          tx.add(sql.get(i), params.get(i), SqlWords.of(sql.get(i)));
          counts[i] = Statement.SUCCESS_NO_INFO;
        }
        return new BatchResult(counts, null);
      }
      List<D1PreparedStatement> statements = new ArrayList<>(sql.size());
      for (int i = 0; i < sql.size(); i++) {
        D1PreparedStatement s = autoCommit ? db.prepare(sql.get(i)) : localTx().prepare(sql.get(i));
        statements.add(s.bind(params.get(i).toArray()));
      }
      List<D1Result<Map<String, Object>>> results =
          autoCommit ? db.batch(statements) : localTx().batch(statements);
      List<D1RawResult> raw = new ArrayList<>(results.size());
      for (int i = 0; i < results.size(); i++) {
        D1Result<Map<String, Object>> r = results.get(i);
        counts[i] = r.meta().changes();
        raw.add(toRaw(r));
      }
      return new BatchResult(counts, raw);
    } catch (D1Exception e) {
      SQLException cause = Errors.of(e);
      // the batch is atomic: nothing ran, so no statement has a count
      BatchUpdateException failure =
          new BatchUpdateException(
              cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), new long[0], cause);
      return throwBatch(failure, cause);
    }
  }

  private static BatchResult throwBatch(BatchUpdateException failure, SQLException cause)
      throws SQLException {
    failure.setNextException(cause);
    throw failure;
  }

  private static D1RawResult raw(D1PreparedStatement s) {
    if (s instanceof AbstractD1PreparedStatement) {
      return ((AbstractD1PreparedStatement) s).rawResult();
    }
    return toRaw(s.run());
  }

  private static D1RawResult toRaw(D1Result<Map<String, Object>> r) {
    List<String> columns =
        r.results().isEmpty() ? List.of() : new ArrayList<>(r.results().get(0).keySet());
    List<List<Object>> rows = new ArrayList<>(r.results().size());
    for (Map<String, Object> m : r.results()) {
      rows.add(new ArrayList<>(m.values()));
    }
    return new D1RawResult(columns, rows, r.meta());
  }

  private D1SqliteTransaction localTx() {
    if (localTx == null) {
      localTx = D1SqliteTransaction.begin((D1SqliteDatabase) db);
    }
    return localTx;
  }

  private RemoteTransaction remoteTx() {
    if (remoteTx == null) {
      remoteTx = new RemoteTransaction(db);
    }
    return remoteTx;
  }

  /** Whether a transaction has work in it (for tests and toString). */
  boolean inTransaction() {
    return localTx != null || remoteTx != null && !remoteTx.isEmpty();
  }

  // --- transactions ---

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    ensureOpen();
    if (autoCommit && !this.autoCommit) {
      // JDBC: switching auto-commit on commits the transaction in progress
      commitWork();
    }
    this.autoCommit = autoCommit;
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    ensureOpen();
    return autoCommit;
  }

  @Override
  public void commit() throws SQLException {
    ensureOpen();
    if (autoCommit) {
      throw new SQLException("commit() with auto-commit on", "25000");
    }
    commitWork();
  }

  private void commitWork() throws SQLException {
    savepoints = 0;
    try {
      if (localTx != null) {
        D1SqliteTransaction tx = localTx;
        localTx = null;
        tx.commit();
      } else if (remoteTx != null) {
        remoteTx.commit();
      }
    } catch (D1Exception e) {
      throw Errors.of(e);
    }
  }

  @Override
  public void rollback() throws SQLException {
    ensureOpen();
    if (autoCommit) {
      throw new SQLException("rollback() with auto-commit on", "25000");
    }
    rollbackWork();
  }

  private void rollbackWork() throws SQLException {
    savepoints = 0;
    try {
      if (localTx != null) {
        D1SqliteTransaction tx = localTx;
        localTx = null;
        tx.rollback();
      } else if (remoteTx != null) {
        remoteTx.clear();
      }
    } catch (D1Exception e) {
      throw Errors.of(e);
    }
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return setSavepoint(null);
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    ensureOpen();
    if (autoCommit) {
      throw new SQLException("setSavepoint() with auto-commit on", "25000");
    }
    int id = ++savepoints;
    JdbcSavepoint sp;
    if (backend.local()) {
      sp = new JdbcSavepoint(id, name, -1);
      try {
        localTx().savepoint(sp.sqlName());
      } catch (D1Exception e) {
        throw Errors.of(e);
      }
    } else {
      // nothing is applied before commit: a savepoint is a position in the buffer
      sp = new JdbcSavepoint(id, name, remoteTx().size());
    }
    return sp;
  }

  private JdbcSavepoint savepoint(Savepoint savepoint) throws SQLException {
    ensureOpen();
    if (autoCommit) {
      throw new SQLException("savepoints need auto-commit off", "25000");
    }
    if (!(savepoint instanceof JdbcSavepoint)) {
      throw new SQLException("not a savepoint of this driver: " + savepoint, "3B001");
    }
    return (JdbcSavepoint) savepoint;
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    JdbcSavepoint sp = savepoint(savepoint);
    try {
      if (backend.local()) {
        if (localTx == null) {
          throw new SQLException("no such savepoint: " + sp, "3B001");
        }
        localTx.rollbackToSavepoint(sp.sqlName());
      } else {
        if (remoteTx == null || sp.position() > remoteTx.size()) {
          throw new SQLException("no such savepoint: " + sp, "3B001");
        }
        remoteTx.truncate(sp.position());
      }
    } catch (D1Exception e) {
      throw Errors.of(e);
    }
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    JdbcSavepoint sp = savepoint(savepoint);
    try {
      if (backend.local()) {
        if (localTx == null) {
          throw new SQLException("no such savepoint: " + sp, "3B001");
        }
        localTx.releaseSavepoint(sp.sqlName());
      }
    } catch (D1Exception e) {
      throw Errors.of(e);
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    ensureOpen();
    return Connection.TRANSACTION_SERIALIZABLE;
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    ensureOpen();
    if (level != Connection.TRANSACTION_SERIALIZABLE) {
      throw Unsupported.feature(
          "setTransactionIsolation(" + level + "): D1 transactions are serializable");
    }
  }

  // --- statements ---

  @Override
  public Statement createStatement() throws SQLException {
    ensureOpen();
    return new JdbcStatement(this);
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    checkResultSetKind(type, concurrency);
    return createStatement();
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkResultSetKind(type, concurrency);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    ensureOpen();
    return new JdbcPreparedStatement(this, requireSql(sql), JdbcStatement.Keys.NONE, null);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    ensureOpen();
    return new JdbcPreparedStatement(
        this, requireSql(sql), JdbcStatement.keys(autoGeneratedKeys), null);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    ensureOpen();
    if (columnNames == null || columnNames.length == 0) {
      return prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }
    return new JdbcPreparedStatement(
        this, requireSql(sql), JdbcStatement.Keys.COLUMNS, columnNames);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    throw JdbcStatement.columnIndexes();
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency)
      throws SQLException {
    checkResultSetKind(type, concurrency);
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkResultSetKind(type, concurrency);
    return prepareStatement(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    throw Unsupported.feature("prepareCall (D1 has no stored procedures)");
  }

  private static String requireSql(String sql) throws SQLException {
    if (sql == null) {
      throw new SQLException("sql must not be null", "HY009");
    }
    return sql;
  }

  private void checkResultSetKind(int type, int concurrency) throws SQLException {
    ensureOpen();
    if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
      throw Unsupported.feature("result sets other than TYPE_FORWARD_ONLY and CONCUR_READ_ONLY");
    }
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    ensureOpen();
    return sql;
  }

  // --- state ---

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    ensureOpen();
    if (metaData == null) {
      metaData = new JdbcDatabaseMetaData(this);
    }
    return metaData;
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    ensureOpen();
    // a hint (JDBC): D1 has no read-only connections, statements are not refused
    this.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    ensureOpen();
    return readOnly;
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    ensureOpen();
    // JDBC: a driver without catalogs ignores the request
  }

  @Override
  public String getCatalog() throws SQLException {
    ensureOpen();
    return null;
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    ensureOpen();
    if (schema != null && !schema.equalsIgnoreCase("main")) {
      throw new SQLException("D1 has one schema, main: " + schema, "3F000");
    }
  }

  @Override
  public String getSchema() throws SQLException {
    ensureOpen();
    return null;
  }

  @Override
  public int getHoldability() throws SQLException {
    ensureOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    ensureOpen();
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw Unsupported.feature("setHoldability(" + holdability + ")");
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    ensureOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    ensureOpen();
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    ensureOpen();
    return new java.util.HashMap<>();
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    throw new SQLClientInfoException(
        "D1 has no client info properties: " + name, "HY000", Map.of());
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (properties != null && !properties.isEmpty()) {
      throw new SQLClientInfoException("D1 has no client info properties", "HY000", Map.of());
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    ensureOpen();
    return null;
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    ensureOpen();
    return new Properties();
  }

  /**
   * Local backends have no network, so the value is only recorded. Remote backends bound each call
   * with their own request timeout and deadline, set when they are built, which this method cannot
   * change.
   */
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    ensureOpen();
    if (milliseconds < 0) {
      throw new SQLException("network timeout must not be negative: " + milliseconds, "HY024");
    }
    if (!backend.local()) {
      throw Unsupported.feature(
          "setNetworkTimeout on "
              + backend.description()
              + " (its HTTP client's request timeout and deadline bound every call)");
    }
    networkTimeout = milliseconds;
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    ensureOpen();
    return networkTimeout;
  }

  /**
   * Runs {@code SELECT 1} on the backend: for a local database, whether it is open; for a remote
   * one, whether it answers within {@code timeout} seconds (0: no limit).
   */
  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw new SQLException("timeout must not be negative: " + timeout, "HY024");
    }
    if (closed.get()) {
      return false;
    }
    if (backend.local() || timeout == 0) {
      try {
        db.prepare("SELECT 1").raw();
        return true;
      } catch (D1Exception e) {
        return false;
      }
    }
    CompletableFuture<Boolean> ping =
        CompletableFuture.supplyAsync(
            () -> {
              db.prepare("SELECT 1").raw();
              return true;
            });
    try {
      return ping.get(timeout, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      ping.cancel(true);
      return false;
    }
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Closes the connection: an open transaction is rolled back (nothing buffered is sent), and the
   * backend is released. Idempotent.
   */
  @Override
  public void close() throws SQLException {
    if (closed.getAndSet(true)) {
      return;
    }
    SQLException failure = null;
    try {
      if (localTx != null) {
        localTx.close();
      }
    } catch (D1Exception e) {
      failure = Errors.of(e);
    } finally {
      localTx = null;
      remoteTx = null;
      try {
        backend.release();
      } catch (D1Exception e) {
        if (failure == null) {
          failure = Errors.of(e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("executor must not be null", "HY009");
    }
    close();
  }

  @Override
  public String toString() {
    return "D1 Connection[" + backend.description() + (closed.get() ? ", closed]" : "]");
  }
}
