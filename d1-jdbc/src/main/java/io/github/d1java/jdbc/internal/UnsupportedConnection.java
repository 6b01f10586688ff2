package io.github.d1java.jdbc.internal;

import java.sql.SQLException;

/**
 * {@code Connection} with every method refused by {@link Unsupported#feature}; subclasses override
 * what D1 supports.
 */
@SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
abstract class UnsupportedConnection implements java.sql.Connection {

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
  public java.sql.Statement createStatement() throws SQLException {
    throw Unsupported.feature("createStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String a0) throws SQLException {
    throw Unsupported.feature("prepareStatement");
  }

  @Override
  public java.sql.CallableStatement prepareCall(String a0) throws SQLException {
    throw Unsupported.feature("prepareCall");
  }

  @Override
  public String nativeSQL(String a0) throws SQLException {
    throw Unsupported.feature("nativeSQL");
  }

  @Override
  public void setAutoCommit(boolean a0) throws SQLException {
    throw Unsupported.feature("setAutoCommit");
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    throw Unsupported.feature("getAutoCommit");
  }

  @Override
  public void commit() throws SQLException {
    throw Unsupported.feature("commit");
  }

  @Override
  public void rollback() throws SQLException {
    throw Unsupported.feature("rollback");
  }

  @Override
  public void close() throws SQLException {
    throw Unsupported.feature("close");
  }

  @Override
  public boolean isClosed() throws SQLException {
    throw Unsupported.feature("isClosed");
  }

  @Override
  public java.sql.DatabaseMetaData getMetaData() throws SQLException {
    throw Unsupported.feature("getMetaData");
  }

  @Override
  public void setReadOnly(boolean a0) throws SQLException {
    throw Unsupported.feature("setReadOnly");
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    throw Unsupported.feature("isReadOnly");
  }

  @Override
  public void setCatalog(String a0) throws SQLException {
    throw Unsupported.feature("setCatalog");
  }

  @Override
  public String getCatalog() throws SQLException {
    throw Unsupported.feature("getCatalog");
  }

  @Override
  public void setTransactionIsolation(int a0) throws SQLException {
    throw Unsupported.feature("setTransactionIsolation");
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    throw Unsupported.feature("getTransactionIsolation");
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
  public java.sql.Statement createStatement(int a0, int a1) throws SQLException {
    throw Unsupported.feature("createStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String a0, int a1, int a2)
      throws SQLException {
    throw Unsupported.feature("prepareStatement");
  }

  @Override
  public java.sql.CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException {
    throw Unsupported.feature("prepareCall");
  }

  @Override
  public java.util.Map<String, Class<?>> getTypeMap() throws SQLException {
    throw Unsupported.feature("getTypeMap");
  }

  @Override
  public void setTypeMap(java.util.Map<String, Class<?>> a0) throws SQLException {
    throw Unsupported.feature("setTypeMap");
  }

  @Override
  public void setHoldability(int a0) throws SQLException {
    throw Unsupported.feature("setHoldability");
  }

  @Override
  public int getHoldability() throws SQLException {
    throw Unsupported.feature("getHoldability");
  }

  @Override
  public java.sql.Savepoint setSavepoint() throws SQLException {
    throw Unsupported.feature("setSavepoint");
  }

  @Override
  public java.sql.Savepoint setSavepoint(String a0) throws SQLException {
    throw Unsupported.feature("setSavepoint");
  }

  @Override
  public void rollback(java.sql.Savepoint a0) throws SQLException {
    throw Unsupported.feature("rollback");
  }

  @Override
  public void releaseSavepoint(java.sql.Savepoint a0) throws SQLException {
    throw Unsupported.feature("releaseSavepoint");
  }

  @Override
  public java.sql.Statement createStatement(int a0, int a1, int a2) throws SQLException {
    throw Unsupported.feature("createStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String a0, int a1, int a2, int a3)
      throws SQLException {
    throw Unsupported.feature("prepareStatement");
  }

  @Override
  public java.sql.CallableStatement prepareCall(String a0, int a1, int a2, int a3)
      throws SQLException {
    throw Unsupported.feature("prepareCall");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String a0, int a1) throws SQLException {
    throw Unsupported.feature("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String a0, int[] a1) throws SQLException {
    throw Unsupported.feature("prepareStatement");
  }

  @Override
  public java.sql.PreparedStatement prepareStatement(String a0, String[] a1) throws SQLException {
    throw Unsupported.feature("prepareStatement");
  }

  @Override
  public java.sql.Clob createClob() throws SQLException {
    throw Unsupported.feature("createClob");
  }

  @Override
  public java.sql.Blob createBlob() throws SQLException {
    throw Unsupported.feature("createBlob");
  }

  @Override
  public java.sql.NClob createNClob() throws SQLException {
    throw Unsupported.feature("createNClob");
  }

  @Override
  public java.sql.SQLXML createSQLXML() throws SQLException {
    throw Unsupported.feature("createSQLXML");
  }

  @Override
  public boolean isValid(int a0) throws SQLException {
    throw Unsupported.feature("isValid");
  }

  @Override
  public String getClientInfo(String a0) throws SQLException {
    throw Unsupported.feature("getClientInfo");
  }

  @Override
  public java.util.Properties getClientInfo() throws SQLException {
    throw Unsupported.feature("getClientInfo");
  }

  @Override
  public java.sql.Array createArrayOf(String a0, Object[] a1) throws SQLException {
    throw Unsupported.feature("createArrayOf");
  }

  @Override
  public java.sql.Struct createStruct(String a0, Object[] a1) throws SQLException {
    throw Unsupported.feature("createStruct");
  }

  @Override
  public void setSchema(String a0) throws SQLException {
    throw Unsupported.feature("setSchema");
  }

  @Override
  public String getSchema() throws SQLException {
    throw Unsupported.feature("getSchema");
  }

  @Override
  public void abort(java.util.concurrent.Executor a0) throws SQLException {
    throw Unsupported.feature("abort");
  }

  @Override
  public void setNetworkTimeout(java.util.concurrent.Executor a0, int a1) throws SQLException {
    throw Unsupported.feature("setNetworkTimeout");
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    throw Unsupported.feature("getNetworkTimeout");
  }
}
