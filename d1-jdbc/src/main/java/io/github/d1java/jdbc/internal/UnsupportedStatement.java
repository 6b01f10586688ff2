package io.github.d1java.jdbc.internal;

import java.sql.SQLException;

/**
 * {@code Statement} with every method refused by {@link Unsupported#feature}; subclasses override
 * what D1 supports.
 */
@SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
abstract class UnsupportedStatement implements java.sql.Statement {

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public java.sql.ResultSet executeQuery(String a0) throws SQLException {
    throw Unsupported.feature("executeQuery");
  }

  @Override
  public int executeUpdate(String a0) throws SQLException {
    throw Unsupported.feature("executeUpdate");
  }

  @Override
  public void close() throws SQLException {
    throw Unsupported.feature("close");
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    throw Unsupported.feature("getMaxFieldSize");
  }

  @Override
  public void setMaxFieldSize(int a0) throws SQLException {
    throw Unsupported.feature("setMaxFieldSize");
  }

  @Override
  public int getMaxRows() throws SQLException {
    throw Unsupported.feature("getMaxRows");
  }

  @Override
  public void setMaxRows(int a0) throws SQLException {
    throw Unsupported.feature("setMaxRows");
  }

  @Override
  public void setEscapeProcessing(boolean a0) throws SQLException {
    throw Unsupported.feature("setEscapeProcessing");
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    throw Unsupported.feature("getQueryTimeout");
  }

  @Override
  public void setQueryTimeout(int a0) throws SQLException {
    throw Unsupported.feature("setQueryTimeout");
  }

  @Override
  public void cancel() throws SQLException {
    throw Unsupported.feature("cancel");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws SQLException {
    throw Unsupported.feature("getWarnings");
  }

  @Override
  public void clearWarnings() throws SQLException {
    throw Unsupported.feature("clearWarnings");
  }

  @Override
  public void setCursorName(String a0) throws SQLException {
    throw Unsupported.feature("setCursorName");
  }

  @Override
  public boolean execute(String a0) throws SQLException {
    throw Unsupported.feature("execute");
  }

  @Override
  public java.sql.ResultSet getResultSet() throws SQLException {
    throw Unsupported.feature("getResultSet");
  }

  @Override
  public int getUpdateCount() throws SQLException {
    throw Unsupported.feature("getUpdateCount");
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    throw Unsupported.feature("getMoreResults");
  }

  @Override
  public void setFetchDirection(int a0) throws SQLException {
    throw Unsupported.feature("setFetchDirection");
  }

  @Override
  public int getFetchDirection() throws SQLException {
    throw Unsupported.feature("getFetchDirection");
  }

  @Override
  public void setFetchSize(int a0) throws SQLException {
    throw Unsupported.feature("setFetchSize");
  }

  @Override
  public int getFetchSize() throws SQLException {
    throw Unsupported.feature("getFetchSize");
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    throw Unsupported.feature("getResultSetConcurrency");
  }

  @Override
  public int getResultSetType() throws SQLException {
    throw Unsupported.feature("getResultSetType");
  }

  @Override
  public void addBatch(String a0) throws SQLException {
    throw Unsupported.feature("addBatch");
  }

  @Override
  public void clearBatch() throws SQLException {
    throw Unsupported.feature("clearBatch");
  }

  @Override
  public int[] executeBatch() throws SQLException {
    throw Unsupported.feature("executeBatch");
  }

  @Override
  public java.sql.Connection getConnection() throws SQLException {
    throw Unsupported.feature("getConnection");
  }

  @Override
  public boolean getMoreResults(int a0) throws SQLException {
    throw Unsupported.feature("getMoreResults");
  }

  @Override
  public java.sql.ResultSet getGeneratedKeys() throws SQLException {
    throw Unsupported.feature("getGeneratedKeys");
  }

  @Override
  public int executeUpdate(String a0, int a1) throws SQLException {
    throw Unsupported.feature("executeUpdate");
  }

  @Override
  public int executeUpdate(String a0, int[] a1) throws SQLException {
    throw Unsupported.feature("executeUpdate");
  }

  @Override
  public int executeUpdate(String a0, String[] a1) throws SQLException {
    throw Unsupported.feature("executeUpdate");
  }

  @Override
  public boolean execute(String a0, int a1) throws SQLException {
    throw Unsupported.feature("execute");
  }

  @Override
  public boolean execute(String a0, int[] a1) throws SQLException {
    throw Unsupported.feature("execute");
  }

  @Override
  public boolean execute(String a0, String[] a1) throws SQLException {
    throw Unsupported.feature("execute");
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    throw Unsupported.feature("getResultSetHoldability");
  }

  @Override
  public boolean isClosed() throws SQLException {
    throw Unsupported.feature("isClosed");
  }

  @Override
  public void setPoolable(boolean a0) throws SQLException {
    throw Unsupported.feature("setPoolable");
  }

  @Override
  public boolean isPoolable() throws SQLException {
    throw Unsupported.feature("isPoolable");
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    throw Unsupported.feature("closeOnCompletion");
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    throw Unsupported.feature("isCloseOnCompletion");
  }
}
