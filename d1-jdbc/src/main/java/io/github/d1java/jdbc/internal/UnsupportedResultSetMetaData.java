package io.github.d1java.jdbc.internal;

import java.sql.SQLException;

/**
 * {@code ResultSetMetaData} with every method refused by {@link Unsupported#feature}; subclasses
 * override what D1 supports.
 */
@SuppressWarnings({"deprecation", "unchecked", "rawtypes"})
abstract class UnsupportedResultSetMetaData implements java.sql.ResultSetMetaData {

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
  public int getColumnCount() throws SQLException {
    throw Unsupported.feature("getColumnCount");
  }

  @Override
  public boolean isAutoIncrement(int a0) throws SQLException {
    throw Unsupported.feature("isAutoIncrement");
  }

  @Override
  public boolean isCaseSensitive(int a0) throws SQLException {
    throw Unsupported.feature("isCaseSensitive");
  }

  @Override
  public boolean isSearchable(int a0) throws SQLException {
    throw Unsupported.feature("isSearchable");
  }

  @Override
  public boolean isCurrency(int a0) throws SQLException {
    throw Unsupported.feature("isCurrency");
  }

  @Override
  public int isNullable(int a0) throws SQLException {
    throw Unsupported.feature("isNullable");
  }

  @Override
  public boolean isSigned(int a0) throws SQLException {
    throw Unsupported.feature("isSigned");
  }

  @Override
  public int getColumnDisplaySize(int a0) throws SQLException {
    throw Unsupported.feature("getColumnDisplaySize");
  }

  @Override
  public String getColumnLabel(int a0) throws SQLException {
    throw Unsupported.feature("getColumnLabel");
  }

  @Override
  public String getColumnName(int a0) throws SQLException {
    throw Unsupported.feature("getColumnName");
  }

  @Override
  public String getSchemaName(int a0) throws SQLException {
    throw Unsupported.feature("getSchemaName");
  }

  @Override
  public int getPrecision(int a0) throws SQLException {
    throw Unsupported.feature("getPrecision");
  }

  @Override
  public int getScale(int a0) throws SQLException {
    throw Unsupported.feature("getScale");
  }

  @Override
  public String getTableName(int a0) throws SQLException {
    throw Unsupported.feature("getTableName");
  }

  @Override
  public String getCatalogName(int a0) throws SQLException {
    throw Unsupported.feature("getCatalogName");
  }

  @Override
  public int getColumnType(int a0) throws SQLException {
    throw Unsupported.feature("getColumnType");
  }

  @Override
  public String getColumnTypeName(int a0) throws SQLException {
    throw Unsupported.feature("getColumnTypeName");
  }

  @Override
  public boolean isReadOnly(int a0) throws SQLException {
    throw Unsupported.feature("isReadOnly");
  }

  @Override
  public boolean isWritable(int a0) throws SQLException {
    throw Unsupported.feature("isWritable");
  }

  @Override
  public boolean isDefinitelyWritable(int a0) throws SQLException {
    throw Unsupported.feature("isDefinitelyWritable");
  }

  @Override
  public String getColumnClassName(int a0) throws SQLException {
    throw Unsupported.feature("getColumnClassName");
  }
}
