package io.github.d1java.jdbc.internal;

import java.sql.SQLException;

/**
 * {@code ResultSet} with every method refused by {@link Unsupported#feature}; subclasses override
 * what D1 supports.
 */
@SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
abstract class UnsupportedResultSet implements java.sql.ResultSet {

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
  public boolean next() throws SQLException {
    throw Unsupported.feature("next");
  }

  @Override
  public void close() throws SQLException {
    throw Unsupported.feature("close");
  }

  @Override
  public boolean wasNull() throws SQLException {
    throw Unsupported.feature("wasNull");
  }

  @Override
  public String getString(int a0) throws SQLException {
    throw Unsupported.feature("getString");
  }

  @Override
  public boolean getBoolean(int a0) throws SQLException {
    throw Unsupported.feature("getBoolean");
  }

  @Override
  public byte getByte(int a0) throws SQLException {
    throw Unsupported.feature("getByte");
  }

  @Override
  public short getShort(int a0) throws SQLException {
    throw Unsupported.feature("getShort");
  }

  @Override
  public int getInt(int a0) throws SQLException {
    throw Unsupported.feature("getInt");
  }

  @Override
  public long getLong(int a0) throws SQLException {
    throw Unsupported.feature("getLong");
  }

  @Override
  public float getFloat(int a0) throws SQLException {
    throw Unsupported.feature("getFloat");
  }

  @Override
  public double getDouble(int a0) throws SQLException {
    throw Unsupported.feature("getDouble");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int a0, int a1) throws SQLException {
    throw Unsupported.feature("getBigDecimal");
  }

  @Override
  public byte[] getBytes(int a0) throws SQLException {
    throw Unsupported.feature("getBytes");
  }

  @Override
  public java.sql.Date getDate(int a0) throws SQLException {
    throw Unsupported.feature("getDate");
  }

  @Override
  public java.sql.Time getTime(int a0) throws SQLException {
    throw Unsupported.feature("getTime");
  }

  @Override
  public java.sql.Timestamp getTimestamp(int a0) throws SQLException {
    throw Unsupported.feature("getTimestamp");
  }

  @Override
  public java.io.InputStream getAsciiStream(int a0) throws SQLException {
    throw Unsupported.feature("getAsciiStream");
  }

  @Override
  public java.io.InputStream getUnicodeStream(int a0) throws SQLException {
    throw Unsupported.feature("getUnicodeStream");
  }

  @Override
  public java.io.InputStream getBinaryStream(int a0) throws SQLException {
    throw Unsupported.feature("getBinaryStream");
  }

  @Override
  public String getString(String a0) throws SQLException {
    throw Unsupported.feature("getString");
  }

  @Override
  public boolean getBoolean(String a0) throws SQLException {
    throw Unsupported.feature("getBoolean");
  }

  @Override
  public byte getByte(String a0) throws SQLException {
    throw Unsupported.feature("getByte");
  }

  @Override
  public short getShort(String a0) throws SQLException {
    throw Unsupported.feature("getShort");
  }

  @Override
  public int getInt(String a0) throws SQLException {
    throw Unsupported.feature("getInt");
  }

  @Override
  public long getLong(String a0) throws SQLException {
    throw Unsupported.feature("getLong");
  }

  @Override
  public float getFloat(String a0) throws SQLException {
    throw Unsupported.feature("getFloat");
  }

  @Override
  public double getDouble(String a0) throws SQLException {
    throw Unsupported.feature("getDouble");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String a0, int a1) throws SQLException {
    throw Unsupported.feature("getBigDecimal");
  }

  @Override
  public byte[] getBytes(String a0) throws SQLException {
    throw Unsupported.feature("getBytes");
  }

  @Override
  public java.sql.Date getDate(String a0) throws SQLException {
    throw Unsupported.feature("getDate");
  }

  @Override
  public java.sql.Time getTime(String a0) throws SQLException {
    throw Unsupported.feature("getTime");
  }

  @Override
  public java.sql.Timestamp getTimestamp(String a0) throws SQLException {
    throw Unsupported.feature("getTimestamp");
  }

  @Override
  public java.io.InputStream getAsciiStream(String a0) throws SQLException {
    throw Unsupported.feature("getAsciiStream");
  }

  @Override
  public java.io.InputStream getUnicodeStream(String a0) throws SQLException {
    throw Unsupported.feature("getUnicodeStream");
  }

  @Override
  public java.io.InputStream getBinaryStream(String a0) throws SQLException {
    throw Unsupported.feature("getBinaryStream");
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
  public String getCursorName() throws SQLException {
    throw Unsupported.feature("getCursorName");
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws SQLException {
    throw Unsupported.feature("getMetaData");
  }

  @Override
  public Object getObject(int a0) throws SQLException {
    throw Unsupported.feature("getObject");
  }

  @Override
  public Object getObject(String a0) throws SQLException {
    throw Unsupported.feature("getObject");
  }

  @Override
  public int findColumn(String a0) throws SQLException {
    throw Unsupported.feature("findColumn");
  }

  @Override
  public java.io.Reader getCharacterStream(int a0) throws SQLException {
    throw Unsupported.feature("getCharacterStream");
  }

  @Override
  public java.io.Reader getCharacterStream(String a0) throws SQLException {
    throw Unsupported.feature("getCharacterStream");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int a0) throws SQLException {
    throw Unsupported.feature("getBigDecimal");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String a0) throws SQLException {
    throw Unsupported.feature("getBigDecimal");
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    throw Unsupported.feature("isBeforeFirst");
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    throw Unsupported.feature("isAfterLast");
  }

  @Override
  public boolean isFirst() throws SQLException {
    throw Unsupported.feature("isFirst");
  }

  @Override
  public boolean isLast() throws SQLException {
    throw Unsupported.feature("isLast");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw Unsupported.feature("beforeFirst");
  }

  @Override
  public void afterLast() throws SQLException {
    throw Unsupported.feature("afterLast");
  }

  @Override
  public boolean first() throws SQLException {
    throw Unsupported.feature("first");
  }

  @Override
  public boolean last() throws SQLException {
    throw Unsupported.feature("last");
  }

  @Override
  public int getRow() throws SQLException {
    throw Unsupported.feature("getRow");
  }

  @Override
  public boolean absolute(int a0) throws SQLException {
    throw Unsupported.feature("absolute");
  }

  @Override
  public boolean relative(int a0) throws SQLException {
    throw Unsupported.feature("relative");
  }

  @Override
  public boolean previous() throws SQLException {
    throw Unsupported.feature("previous");
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
  public int getType() throws SQLException {
    throw Unsupported.feature("getType");
  }

  @Override
  public int getConcurrency() throws SQLException {
    throw Unsupported.feature("getConcurrency");
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    throw Unsupported.feature("rowUpdated");
  }

  @Override
  public boolean rowInserted() throws SQLException {
    throw Unsupported.feature("rowInserted");
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    throw Unsupported.feature("rowDeleted");
  }

  @Override
  public void updateNull(int a0) throws SQLException {
    throw Unsupported.feature("updateNull");
  }

  @Override
  public void updateBoolean(int a0, boolean a1) throws SQLException {
    throw Unsupported.feature("updateBoolean");
  }

  @Override
  public void updateByte(int a0, byte a1) throws SQLException {
    throw Unsupported.feature("updateByte");
  }

  @Override
  public void updateShort(int a0, short a1) throws SQLException {
    throw Unsupported.feature("updateShort");
  }

  @Override
  public void updateInt(int a0, int a1) throws SQLException {
    throw Unsupported.feature("updateInt");
  }

  @Override
  public void updateLong(int a0, long a1) throws SQLException {
    throw Unsupported.feature("updateLong");
  }

  @Override
  public void updateFloat(int a0, float a1) throws SQLException {
    throw Unsupported.feature("updateFloat");
  }

  @Override
  public void updateDouble(int a0, double a1) throws SQLException {
    throw Unsupported.feature("updateDouble");
  }

  @Override
  public void updateBigDecimal(int a0, java.math.BigDecimal a1) throws SQLException {
    throw Unsupported.feature("updateBigDecimal");
  }

  @Override
  public void updateString(int a0, String a1) throws SQLException {
    throw Unsupported.feature("updateString");
  }

  @Override
  public void updateBytes(int a0, byte[] a1) throws SQLException {
    throw Unsupported.feature("updateBytes");
  }

  @Override
  public void updateDate(int a0, java.sql.Date a1) throws SQLException {
    throw Unsupported.feature("updateDate");
  }

  @Override
  public void updateTime(int a0, java.sql.Time a1) throws SQLException {
    throw Unsupported.feature("updateTime");
  }

  @Override
  public void updateTimestamp(int a0, java.sql.Timestamp a1) throws SQLException {
    throw Unsupported.feature("updateTimestamp");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
    throw Unsupported.feature("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1, int a2) throws SQLException {
    throw Unsupported.feature("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1, int a2) throws SQLException {
    throw Unsupported.feature("updateCharacterStream");
  }

  @Override
  public void updateObject(int a0, Object a1, int a2) throws SQLException {
    throw Unsupported.feature("updateObject");
  }

  @Override
  public void updateObject(int a0, Object a1) throws SQLException {
    throw Unsupported.feature("updateObject");
  }

  @Override
  public void updateNull(String a0) throws SQLException {
    throw Unsupported.feature("updateNull");
  }

  @Override
  public void updateBoolean(String a0, boolean a1) throws SQLException {
    throw Unsupported.feature("updateBoolean");
  }

  @Override
  public void updateByte(String a0, byte a1) throws SQLException {
    throw Unsupported.feature("updateByte");
  }

  @Override
  public void updateShort(String a0, short a1) throws SQLException {
    throw Unsupported.feature("updateShort");
  }

  @Override
  public void updateInt(String a0, int a1) throws SQLException {
    throw Unsupported.feature("updateInt");
  }

  @Override
  public void updateLong(String a0, long a1) throws SQLException {
    throw Unsupported.feature("updateLong");
  }

  @Override
  public void updateFloat(String a0, float a1) throws SQLException {
    throw Unsupported.feature("updateFloat");
  }

  @Override
  public void updateDouble(String a0, double a1) throws SQLException {
    throw Unsupported.feature("updateDouble");
  }

  @Override
  public void updateBigDecimal(String a0, java.math.BigDecimal a1) throws SQLException {
    throw Unsupported.feature("updateBigDecimal");
  }

  @Override
  public void updateString(String a0, String a1) throws SQLException {
    throw Unsupported.feature("updateString");
  }

  @Override
  public void updateBytes(String a0, byte[] a1) throws SQLException {
    throw Unsupported.feature("updateBytes");
  }

  @Override
  public void updateDate(String a0, java.sql.Date a1) throws SQLException {
    throw Unsupported.feature("updateDate");
  }

  @Override
  public void updateTime(String a0, java.sql.Time a1) throws SQLException {
    throw Unsupported.feature("updateTime");
  }

  @Override
  public void updateTimestamp(String a0, java.sql.Timestamp a1) throws SQLException {
    throw Unsupported.feature("updateTimestamp");
  }

  @Override
  public void updateAsciiStream(String a0, java.io.InputStream a1, int a2) throws SQLException {
    throw Unsupported.feature("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String a0, java.io.InputStream a1, int a2) throws SQLException {
    throw Unsupported.feature("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String a0, java.io.Reader a1, int a2) throws SQLException {
    throw Unsupported.feature("updateCharacterStream");
  }

  @Override
  public void updateObject(String a0, Object a1, int a2) throws SQLException {
    throw Unsupported.feature("updateObject");
  }

  @Override
  public void updateObject(String a0, Object a1) throws SQLException {
    throw Unsupported.feature("updateObject");
  }

  @Override
  public void insertRow() throws SQLException {
    throw Unsupported.feature("insertRow");
  }

  @Override
  public void updateRow() throws SQLException {
    throw Unsupported.feature("updateRow");
  }

  @Override
  public void deleteRow() throws SQLException {
    throw Unsupported.feature("deleteRow");
  }

  @Override
  public void refreshRow() throws SQLException {
    throw Unsupported.feature("refreshRow");
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    throw Unsupported.feature("cancelRowUpdates");
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    throw Unsupported.feature("moveToInsertRow");
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    throw Unsupported.feature("moveToCurrentRow");
  }

  @Override
  public java.sql.Statement getStatement() throws SQLException {
    throw Unsupported.feature("getStatement");
  }

  @Override
  public Object getObject(int a0, java.util.Map<String, Class<?>> a1) throws SQLException {
    throw Unsupported.feature("getObject");
  }

  @Override
  public java.sql.Ref getRef(int a0) throws SQLException {
    throw Unsupported.feature("getRef");
  }

  @Override
  public java.sql.Blob getBlob(int a0) throws SQLException {
    throw Unsupported.feature("getBlob");
  }

  @Override
  public java.sql.Clob getClob(int a0) throws SQLException {
    throw Unsupported.feature("getClob");
  }

  @Override
  public java.sql.Array getArray(int a0) throws SQLException {
    throw Unsupported.feature("getArray");
  }

  @Override
  public Object getObject(String a0, java.util.Map<String, Class<?>> a1) throws SQLException {
    throw Unsupported.feature("getObject");
  }

  @Override
  public java.sql.Ref getRef(String a0) throws SQLException {
    throw Unsupported.feature("getRef");
  }

  @Override
  public java.sql.Blob getBlob(String a0) throws SQLException {
    throw Unsupported.feature("getBlob");
  }

  @Override
  public java.sql.Clob getClob(String a0) throws SQLException {
    throw Unsupported.feature("getClob");
  }

  @Override
  public java.sql.Array getArray(String a0) throws SQLException {
    throw Unsupported.feature("getArray");
  }

  @Override
  public java.sql.Date getDate(int a0, java.util.Calendar a1) throws SQLException {
    throw Unsupported.feature("getDate");
  }

  @Override
  public java.sql.Date getDate(String a0, java.util.Calendar a1) throws SQLException {
    throw Unsupported.feature("getDate");
  }

  @Override
  public java.sql.Time getTime(int a0, java.util.Calendar a1) throws SQLException {
    throw Unsupported.feature("getTime");
  }

  @Override
  public java.sql.Time getTime(String a0, java.util.Calendar a1) throws SQLException {
    throw Unsupported.feature("getTime");
  }

  @Override
  public java.sql.Timestamp getTimestamp(int a0, java.util.Calendar a1) throws SQLException {
    throw Unsupported.feature("getTimestamp");
  }

  @Override
  public java.sql.Timestamp getTimestamp(String a0, java.util.Calendar a1) throws SQLException {
    throw Unsupported.feature("getTimestamp");
  }

  @Override
  public java.net.URL getURL(int a0) throws SQLException {
    throw Unsupported.feature("getURL");
  }

  @Override
  public java.net.URL getURL(String a0) throws SQLException {
    throw Unsupported.feature("getURL");
  }

  @Override
  public void updateRef(int a0, java.sql.Ref a1) throws SQLException {
    throw Unsupported.feature("updateRef");
  }

  @Override
  public void updateRef(String a0, java.sql.Ref a1) throws SQLException {
    throw Unsupported.feature("updateRef");
  }

  @Override
  public void updateBlob(int a0, java.sql.Blob a1) throws SQLException {
    throw Unsupported.feature("updateBlob");
  }

  @Override
  public void updateBlob(String a0, java.sql.Blob a1) throws SQLException {
    throw Unsupported.feature("updateBlob");
  }

  @Override
  public void updateClob(int a0, java.sql.Clob a1) throws SQLException {
    throw Unsupported.feature("updateClob");
  }

  @Override
  public void updateClob(String a0, java.sql.Clob a1) throws SQLException {
    throw Unsupported.feature("updateClob");
  }

  @Override
  public void updateArray(int a0, java.sql.Array a1) throws SQLException {
    throw Unsupported.feature("updateArray");
  }

  @Override
  public void updateArray(String a0, java.sql.Array a1) throws SQLException {
    throw Unsupported.feature("updateArray");
  }

  @Override
  public java.sql.RowId getRowId(int a0) throws SQLException {
    throw Unsupported.feature("getRowId");
  }

  @Override
  public java.sql.RowId getRowId(String a0) throws SQLException {
    throw Unsupported.feature("getRowId");
  }

  @Override
  public void updateRowId(int a0, java.sql.RowId a1) throws SQLException {
    throw Unsupported.feature("updateRowId");
  }

  @Override
  public void updateRowId(String a0, java.sql.RowId a1) throws SQLException {
    throw Unsupported.feature("updateRowId");
  }

  @Override
  public int getHoldability() throws SQLException {
    throw Unsupported.feature("getHoldability");
  }

  @Override
  public boolean isClosed() throws SQLException {
    throw Unsupported.feature("isClosed");
  }

  @Override
  public void updateNString(int a0, String a1) throws SQLException {
    throw Unsupported.feature("updateNString");
  }

  @Override
  public void updateNString(String a0, String a1) throws SQLException {
    throw Unsupported.feature("updateNString");
  }

  @Override
  public void updateNClob(int a0, java.sql.NClob a1) throws SQLException {
    throw Unsupported.feature("updateNClob");
  }

  @Override
  public void updateNClob(String a0, java.sql.NClob a1) throws SQLException {
    throw Unsupported.feature("updateNClob");
  }

  @Override
  public java.sql.NClob getNClob(int a0) throws SQLException {
    throw Unsupported.feature("getNClob");
  }

  @Override
  public java.sql.NClob getNClob(String a0) throws SQLException {
    throw Unsupported.feature("getNClob");
  }

  @Override
  public java.sql.SQLXML getSQLXML(int a0) throws SQLException {
    throw Unsupported.feature("getSQLXML");
  }

  @Override
  public java.sql.SQLXML getSQLXML(String a0) throws SQLException {
    throw Unsupported.feature("getSQLXML");
  }

  @Override
  public void updateSQLXML(int a0, java.sql.SQLXML a1) throws SQLException {
    throw Unsupported.feature("updateSQLXML");
  }

  @Override
  public void updateSQLXML(String a0, java.sql.SQLXML a1) throws SQLException {
    throw Unsupported.feature("updateSQLXML");
  }

  @Override
  public String getNString(int a0) throws SQLException {
    throw Unsupported.feature("getNString");
  }

  @Override
  public String getNString(String a0) throws SQLException {
    throw Unsupported.feature("getNString");
  }

  @Override
  public java.io.Reader getNCharacterStream(int a0) throws SQLException {
    throw Unsupported.feature("getNCharacterStream");
  }

  @Override
  public java.io.Reader getNCharacterStream(String a0) throws SQLException {
    throw Unsupported.feature("getNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("updateNCharacterStream");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("updateCharacterStream");
  }

  @Override
  public void updateAsciiStream(String a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("updateCharacterStream");
  }

  @Override
  public void updateBlob(int a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("updateBlob");
  }

  @Override
  public void updateBlob(String a0, java.io.InputStream a1, long a2) throws SQLException {
    throw Unsupported.feature("updateBlob");
  }

  @Override
  public void updateClob(int a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("updateClob");
  }

  @Override
  public void updateClob(String a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("updateClob");
  }

  @Override
  public void updateNClob(int a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("updateNClob");
  }

  @Override
  public void updateNClob(String a0, java.io.Reader a1, long a2) throws SQLException {
    throw Unsupported.feature("updateNClob");
  }

  @Override
  public void updateNCharacterStream(int a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("updateNCharacterStream");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("updateCharacterStream");
  }

  @Override
  public void updateAsciiStream(String a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("updateAsciiStream");
  }

  @Override
  public void updateBinaryStream(String a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("updateBinaryStream");
  }

  @Override
  public void updateCharacterStream(String a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("updateCharacterStream");
  }

  @Override
  public void updateBlob(int a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("updateBlob");
  }

  @Override
  public void updateBlob(String a0, java.io.InputStream a1) throws SQLException {
    throw Unsupported.feature("updateBlob");
  }

  @Override
  public void updateClob(int a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("updateClob");
  }

  @Override
  public void updateClob(String a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("updateClob");
  }

  @Override
  public void updateNClob(int a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("updateNClob");
  }

  @Override
  public void updateNClob(String a0, java.io.Reader a1) throws SQLException {
    throw Unsupported.feature("updateNClob");
  }

  @Override
  public <T> T getObject(int a0, Class<T> a1) throws SQLException {
    throw Unsupported.feature("getObject");
  }

  @Override
  public <T> T getObject(String a0, Class<T> a1) throws SQLException {
    throw Unsupported.feature("getObject");
  }
}
