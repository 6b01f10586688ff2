package io.github.d1java.jdbc.internal;

import java.sql.SQLFeatureNotSupportedException;

/** The exception for a JDBC method this driver does not support. */
final class Unsupported {
  private Unsupported() {}

  static SQLFeatureNotSupportedException feature(String method) {
    return new SQLFeatureNotSupportedException(
        method + " is not supported by the D1 JDBC driver", "0A000");
  }
}
