package io.github.d1java.jdbc.internal;

import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint: locally an SQLite savepoint, remotely a position in the buffered writes. Immutable.
 */
final class JdbcSavepoint implements Savepoint {
  private final int id;
  private final String name;
  private final int position;

  JdbcSavepoint(int id, String name, int position) {
    this.id = id;
    this.name = name;
    this.position = position;
  }

  String sqlName() {
    return "jdbc_sp_" + id;
  }

  int position() {
    return position;
  }

  @Override
  public int getSavepointId() throws SQLException {
    if (name != null) {
      throw new SQLException("a named savepoint has no id", "HY000");
    }
    return id;
  }

  @Override
  public String getSavepointName() throws SQLException {
    if (name == null) {
      throw new SQLException("an unnamed savepoint has no name", "HY000");
    }
    return name;
  }

  @Override
  public String toString() {
    return name == null ? "savepoint " + id : "savepoint " + name;
  }
}
