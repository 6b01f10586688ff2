package io.github.d1java.jdbc.internal;

import java.sql.SQLException;

/**
 * {@code PreparedStatement} with every method refused by {@link Unsupported#feature}; subclasses
 * override what D1 supports.
 */
@SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
abstract class UnsupportedPreparedStatement extends JdbcStatement
    implements java.sql.PreparedStatement {

  UnsupportedPreparedStatement(JdbcConnection connection) {
    super(connection);
  }

  @Override
  public java.sql.ResultSet executeQuery() throws SQLException {
    throw Unsupported.feature("executeQuery");
  }

  @Override
  public int executeUpdate() throws SQLException {
    throw Unsupported.feature("executeUpdate");
  }

  @Override
  public void setNull(int a0, int a1) throws SQLException {
    throw Unsupported.feature("setNull");
  }

  @Override
  public void setBoolean(int a0, boolean a1) throws SQLException {
    throw Unsupported.feature("setBoolean");
  }

  @Override
  public void setByte(int a0, byte a1) throws SQLException {
    throw Unsupported.feature("setByte");
  }

  @Override
  public void setShort(int a0, short a1) throws SQLException {
    throw Unsupported.feature("setShort");
  }

  @Override
  public void setInt(int a0, int a1) throws SQLException {
    throw Unsupported.feature("setInt");
  }

  @Override
  public void setLong(int a0, long a1) throws SQLException {
    throw Unsupported.feature("setLong");
  }

  @Override
  public void setFloat(int a0, float a1) throws SQLException {
    throw Unsupported.feature("setFloat");
  }

  @Override
  public void setDouble(int a0, double a1) throws SQLException {
    throw Unsupported.feature("setDouble");
  }

  @Override
  public void setBigDecimal(int a0, java.math.BigDecimal a1) throws SQLException {
    throw Unsupported.feature("setBigDecimal");
  }

  @Override
  public void setString(int a0, String a1) throws SQLException {
    throw Unsupported.feature("setString");
  }

  @Override
  public void setBytes(int a0, byte[] a1) throws SQLException {
    throw Unsupported.feature("setBytes");
  }

  @Override
  public void setDate(int a0, java.sql.Date a1) throws SQLException {
    throw Unsupported.feature("setDate");
  }

  @Override
  public void setTime(int a0, java.sql.Time a1) throws SQLException {
    throw Unsupported.feature("setTime");
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1) throws SQLException {
    throw Unsupported.feature("setTimestamp");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
    throw Unsupported.feature("setAsciiStream");
  }

  @Override
  public void setUnicodeStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
    throw Unsupported.feature("setUnicodeStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
    throw Unsupported.feature("setBinaryStream");
  }

  @Override
  public void clearParameters() throws SQLException {
    throw Unsupported.feature("clearParameters");
  }

  @Override
  public void setObject(int a0, Object a1, int a2) throws SQLException {
    throw Unsupported.feature("setObject");
  }

  @Override
  public void setObject(int a0, Object a1) throws SQLException {
    throw Unsupported.feature("setObject");
  }

  @Override
  public boolean execute() throws SQLException {
    throw Unsupported.feature("execute");
  }

  @Override
  public void addBatch() throws SQLException {
    throw Unsupported.feature("addBatch");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, int a2) throws SQLException {
    throw Unsupported.feature("setCharacterStream");
  }

  @Override
  public void setRef(int a0, java.sql.Ref a1) throws SQLException {
    throw Unsupported.feature("setRef");
  }

  @Override
  public void setBlob(int a0, java.sql.Blob a1) throws SQLException {
    throw Unsupported.feature("setBlob");
  }

  @Override
  public void setClob(int a0, java.sql.Clob a1) throws SQLException {
    throw Unsupported.feature("setClob");
  }

  @Override
  public void setArray(int a0, java.sql.Array a1) throws SQLException {
    throw Unsupported.feature("setArray");
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws SQLException {
    throw Unsupported.feature("getMetaData");
  }

  @Override
  public void setDate(int a0, java.sql.Date a1, java.util.Calendar a2) throws SQLException {
    throw Unsupported.feature("setDate");
  }

  @Override
  public void setTime(int a0, java.sql.Time a1, java.util.Calendar a2) throws SQLException {
    throw Unsupported.feature("setTime");
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1, java.util.Calendar a2)
      throws SQLException {
    throw Unsupported.feature("setTimestamp");
  }

  @Override
  public void setNull(int a0, int a1, String a2) throws SQLException {
    throw Unsupported.feature("setNull");
  }

  @Override
  public void setURL(int a0, java.net.URL a1) throws SQLException {
    throw Unsupported.feature("setURL");
  }

  @Override
  public java.sql.ParameterMetaData getParameterMetaData() throws SQLException {
    throw Unsupported.feature("getParameterMetaData");
  }

  @Override
  public void setRowId(int a0, java.sql.RowId a1) throws SQLException {
    throw Unsupported.feature("setRowId");
  }

  @Override
  public void setNString(int a0, String a1) throws SQLException {
    throw Unsupported.feature("setNString");
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("setNCharacterStream");
  }

  @Override
  public void setNClob(int a0, java.sql.NClob a1) throws SQLException {
    throw Unsupported.feature("setNClob");
  }

  @Override
  public void setClob(int a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("setClob");
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("setBlob");
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("setNClob");
  }

  @Override
  public void setSQLXML(int a0, java.sql.SQLXML a1) throws SQLException {
    throw Unsupported.feature("setSQLXML");
  }

  @Override
  public void setObject(int a0, Object a1, int a2, int a3) throws SQLException {
    throw Unsupported.feature("setObject");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("setAsciiStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("setBinaryStream");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("setCharacterStream");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("setAsciiStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("setBinaryStream");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("setCharacterStream");
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("setNCharacterStream");
  }

  @Override
  public void setClob(int a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("setClob");
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("setBlob");
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("setNClob");
  }
}
