package io.github.d1java;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class D1ExceptionTest {

  @Nested
  class FromMessage {

    @Test
    void parsesD1ErrorWithPrimaryCode() {
      D1Exception e = D1Exception.fromMessage("D1_ERROR: no such table: nope: SQLITE_ERROR");
      assertThat(e).isExactlyInstanceOf(D1SqlException.class);
      assertThat(e.getMessage()).isEqualTo("D1_ERROR: no such table: nope: SQLITE_ERROR");
      assertThat(e.code()).isEqualTo("D1_ERROR");
      assertThat(e.detail()).isEqualTo("no such table: nope: SQLITE_ERROR");
      assertThat(e.sqliteCode()).isEqualTo("SQLITE_ERROR");
      assertThat(e.sqliteExtendedCode()).isNull();
      assertThat(e.sqliteResultCode()).isEqualTo(1);
      assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void constraintFailureBecomesConstraintExceptionWithExtendedCode() {
      D1Exception e =
          D1Exception.fromMessage(
              "D1_ERROR: UNIQUE constraint failed: u.name: SQLITE_CONSTRAINT (extended:"
                  + " SQLITE_CONSTRAINT_UNIQUE)");
      assertThat(e).isInstanceOf(D1ConstraintException.class);
      assertThat(e.sqliteCode()).isEqualTo("SQLITE_CONSTRAINT");
      assertThat(e.sqliteExtendedCode()).isEqualTo("SQLITE_CONSTRAINT_UNIQUE");
      assertThat(e.sqliteResultCode()).isEqualTo(2067);
    }

    @Test
    void causeCarriesTheTextWithoutPrefixAsD1Does() {
      D1Exception e =
          D1Exception.fromMessage(
              "D1_ERROR: near \"SELEC\": syntax error at offset 0: SQLITE_ERROR");
      assertThat(e.getCause()).hasMessage("near \"SELEC\": syntax error at offset 0: SQLITE_ERROR");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "D1_TYPE_ERROR: Type 'object' not supported for value '[object Object]'|io.github.d1java.D1TypeException",
          "D1_COLUMN_NOTFOUND: Column not found (x)|io.github.d1java.D1ColumnNotFoundException",
          "D1_EXEC_ERROR: Error in line 1: X: incomplete input: SQLITE_ERROR|io.github.d1java.D1ExecException",
          "D1_DUMP_ERROR: Status + 404|io.github.d1java.D1DumpException",
          "D1_SESSION_ERROR: invalid bookmark or constraint|io.github.d1java.D1SessionException",
          "D1_MAPPING_ERROR: nope|io.github.d1java.D1MappingException",
        })
    void eachFamilyGetsItsSubclassAndKeepsTheExactMessage(String message, String type) {
      D1Exception e = D1Exception.fromMessage(message);
      assertThat(e.getClass().getName()).isEqualTo(type);
      assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void columnNotFoundKeepsColumnAndD1sCauseText() {
      D1ColumnNotFoundException e =
          (D1ColumnNotFoundException)
              D1Exception.fromMessage("D1_COLUMN_NOTFOUND: Column not found (a b)");
      assertThat(e.column()).isEqualTo("a b");
      assertThat(e.getCause()).hasMessage("Column not found");
    }

    @Test
    void messageWithoutPrefixIsTakenAsD1ErrorDetail() {
      D1Exception e = D1Exception.fromMessage("statement too long: SQLITE_TOOBIG");
      assertThat(e).hasMessage("D1_ERROR: statement too long: SQLITE_TOOBIG");
      assertThat(e.sqliteResultCode()).isEqualTo(18);
    }

    @Test
    void unknownCodeKeepsItsCode() {
      D1Exception e = D1Exception.fromMessage("D1_SOMETHING_NEW: x");
      assertThat(e.code()).isEqualTo("D1_SOMETHING_NEW");
      assertThat(e).hasMessage("D1_SOMETHING_NEW: x");
    }

    @Test
    void execErrorCarriesTheInnerSqliteCode() {
      D1Exception e =
          D1Exception.fromMessage(
              "D1_EXEC_ERROR: Error in line 1: INSERT INTO t VALUES (1): UNIQUE constraint failed:"
                  + " t.a: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)");
      assertThat(e.sqliteExtendedCode()).isEqualTo("SQLITE_CONSTRAINT_UNIQUE");
    }
  }

  @Nested
  class Retryable {

    @Test
    void d1TransientMessagesAreRetryable() {
      for (String t : D1Exception.TRANSIENT_MESSAGES) {
        assertThat(D1Exception.fromMessage("D1_ERROR: " + t).isRetryable()).as(t).isTrue();
      }
    }

    @Test
    void rateLimitIsRetryableAndCarriesRetryAfter() {
      D1RateLimitException e =
          new D1RateLimitException("too many", java.time.Duration.ofSeconds(3));
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.retryAfter()).hasSeconds(3);
      assertThat(e).hasMessage("D1_RATE_LIMITED: too many");
    }

    @Test
    void authenticationIsNotRetryable() {
      D1AuthenticationException e = new D1AuthenticationException(401, "Authentication error");
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.status()).isEqualTo(401);
    }

    @Test
    void execErrorIsRetryableWhenItsUnderlyingErrorIs() {
      D1Exception inner = D1Exception.fromMessage("D1_ERROR: Network connection lost.");
      assertThat(
              new D1ExecException("Error in line 1: x: Network connection lost.", inner)
                  .isRetryable())
          .isTrue();
      assertThat(new D1ExecException("Error in line 1: x: nope", null).isRetryable()).isFalse();
    }
  }

  @Test
  void typeErrorIsWordedAsD1() {
    assertThat(new D1TypeException("bigint", "10"))
        .hasMessage("D1_TYPE_ERROR: Type 'bigint' not supported for value '10'")
        .hasRootCauseMessage("Type 'bigint' not supported for value '10'");
  }
}
