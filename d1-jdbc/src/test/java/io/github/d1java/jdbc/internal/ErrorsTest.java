package io.github.d1java.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1AuthenticationException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1RateLimitException;
import io.github.d1java.D1TimeoutException;
import io.github.d1java.D1TransportException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D1's failures become the SQLException subclass and SQLState JDBC tools expect. */
class ErrorsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "D1_ERROR: UNIQUE constraint failed: t.x: SQLITE_CONSTRAINT | SQLIntegrityConstraintViolationException | 23505",
        "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT | SQLIntegrityConstraintViolationException | 23503",
        "D1_ERROR: NOT NULL constraint failed: t.x: SQLITE_CONSTRAINT | SQLIntegrityConstraintViolationException | 23502",
        "D1_ERROR: CHECK constraint failed: x > 0: SQLITE_CONSTRAINT | SQLIntegrityConstraintViolationException | 23514",
        "D1_ERROR: no such table: t: SQLITE_ERROR | SQLSyntaxErrorException | 42S02",
        "D1_ERROR: no such column: y: SQLITE_ERROR | SQLSyntaxErrorException | 42S22",
        "D1_ERROR: near \"SELEC\": syntax error at offset 0: SQLITE_ERROR | SQLSyntaxErrorException | 42000",
        "D1_ERROR: not authorized to use function: sqlite_version at offset 7: SQLITE_ERROR | SQLSyntaxErrorException | 42501",
        "D1_ERROR: database is locked: SQLITE_BUSY | SQLTransientException | 40001",
        "D1_ERROR: string or blob too big: SQLITE_TOOBIG | SQLDataException | 22001",
        "D1_ERROR: something else: SQLITE_ERROR | SQLException | HY000",
      })
  void sqlFailuresMapBySqliteMessage(String message, String type, String state) {
    SQLException e = Errors.of(D1Exception.fromMessage(message));
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.getSQLState()).isEqualTo(state);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.getCause()).isInstanceOf(D1Exception.class);
  }

  private static void check(SQLException e, Class<?> type, String state) {
    assertThat(e.getClass()).isEqualTo(type);
    assertThat(e.getSQLState()).isEqualTo(state);
    assertThat(e.getCause()).isInstanceOf(D1Exception.class);
  }

  @Test
  void remoteFailuresMapByType() {
    check(
        Errors.of(new D1AuthenticationException(401, "Authentication error")),
        SQLInvalidAuthorizationSpecException.class,
        "28000");
    check(
        Errors.of(new D1TimeoutException("deadline exceeded", null)),
        SQLTimeoutException.class,
        "HYT00");
    check(
        Errors.of(new D1RateLimitException("rate limited", Duration.ofSeconds(1))),
        SQLTransientException.class,
        "53400");
    check(
        Errors.of(new D1TransportException(0, "connection refused", null, true)),
        SQLTransientConnectionException.class,
        "08006");
    check(
        Errors.of(new D1TransportException(400, "bad request", null, false)),
        SQLNonTransientConnectionException.class,
        "08001");
  }

  @Test
  void typeErrorsAreDataExceptions() {
    SQLException e =
        Errors.of(
            D1Exception.fromMessage("D1_TYPE_ERROR: Type 'object' not supported for value 'x'"));
    check(e, SQLDataException.class, "22023");
  }
}
