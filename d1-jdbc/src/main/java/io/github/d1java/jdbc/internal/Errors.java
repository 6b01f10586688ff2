package io.github.d1java.jdbc.internal;

import io.github.d1java.D1AuthenticationException;
import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1MappingException;
import io.github.d1java.D1RateLimitException;
import io.github.d1java.D1TimeoutException;
import io.github.d1java.D1TransportException;
import io.github.d1java.D1TypeException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Turns a {@link D1Exception} into the {@link SQLException} subclass and SQLState that JDBC tools
 * expect (Spring translates by SQLState class, {@code 23} for integrity violations). The message is
 * D1's text, the vendor code SQLite's result code, the cause the D1 exception. Stateless.
 */
public final class Errors {

  /** SQLState of a statement refused in a remote transaction (invalid transaction state). */
  static final String INVALID_TRANSACTION_STATE = "25000";

  private Errors() {}

  /**
   * Maps a D1 failure.
   *
   * @param e the failure; not null
   * @return the JDBC exception, with {@code e} as its cause
   */
  public static SQLException of(D1Exception e) {
    String message = e.getMessage();
    String detail = e.detail() == null ? "" : e.detail();
    int vendor = e.sqliteResultCode();
    if (e instanceof D1ConstraintException || detail.contains("constraint failed")) {
      return new SQLIntegrityConstraintViolationException(
          message, constraintState(detail), vendor, e);
    }
    if (e instanceof D1AuthenticationException) {
      return new SQLInvalidAuthorizationSpecException(message, "28000", vendor, e);
    }
    if (e instanceof D1TimeoutException) {
      return new SQLTimeoutException(message, "HYT00", vendor, e);
    }
    if (e instanceof D1RateLimitException) {
      return new SQLTransientException(message, "53400", vendor, e);
    }
    if (e instanceof D1TransportException) {
      return e.isRetryable()
          ? new SQLTransientConnectionException(message, "08006", vendor, e)
          : new SQLNonTransientConnectionException(message, "08001", vendor, e);
    }
    if (e instanceof D1TypeException || e instanceof D1MappingException) {
      return new SQLDataException(message, "22023", vendor, e);
    }
    if (detail.contains("SQLITE_BUSY") || detail.contains("database is locked")) {
      return new SQLTransientException(message, "40001", vendor, e);
    }
    if (detail.contains("not authorized") || detail.contains("SQLITE_AUTH")) {
      return new SQLSyntaxErrorException(message, "42501", vendor, e);
    }
    if (detail.startsWith("no such table")) {
      return new SQLSyntaxErrorException(message, "42S02", vendor, e);
    }
    if (detail.startsWith("no such column")) {
      return new SQLSyntaxErrorException(message, "42S22", vendor, e);
    }
    if (detail.contains("syntax error")
        || detail.startsWith("no such")
        || detail.contains("already exists")
        || detail.contains("incomplete input")) {
      return new SQLSyntaxErrorException(message, "42000", vendor, e);
    }
    if (detail.contains("SQLITE_TOOBIG") || detail.contains("too many")) {
      return new SQLDataException(message, "22001", vendor, e);
    }
    if (e.isRetryable()) {
      return new SQLTransientException(message, "HY000", vendor, e);
    }
    return new SQLException(message, "HY000", vendor, e);
  }

  private static String constraintState(String detail) {
    if (detail.startsWith("UNIQUE") || detail.startsWith("PRIMARY KEY")) {
      return "23505";
    }
    if (detail.startsWith("FOREIGN KEY")) {
      return "23503";
    }
    if (detail.startsWith("NOT NULL")) {
      return "23502";
    }
    if (detail.startsWith("CHECK")) {
      return "23514";
    }
    return "23000";
  }
}
