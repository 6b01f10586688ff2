package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1SqlException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The §8.3 error catalogue: exact texts, exception types and SQLite codes.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class ErrorsContract extends ContractSupport {

  static Stream<Arguments> catalogue() {
    return Stream.of(
        Arguments.of(
            "",
            "SELEC 1",
            D1SqlException.class,
            "near \"SELEC\": syntax error at offset 0: SQLITE_ERROR",
            1),
        Arguments.of(
            "", "SELECT * FROM nope", D1SqlException.class, "no such table: nope: SQLITE_ERROR", 1),
        Arguments.of(
            "CREATE TABLE t (v TEXT)",
            "SELECT nope FROM t",
            D1SqlException.class,
            "no such column: nope at offset 7: SQLITE_ERROR",
            1),
        Arguments.of(
            "CREATE TABLE u (name TEXT UNIQUE); INSERT INTO u VALUES ('a')",
            "INSERT INTO u VALUES ('a')",
            D1ConstraintException.class,
            "UNIQUE constraint failed: u.name: SQLITE_CONSTRAINT"
                + " (extended: SQLITE_CONSTRAINT_UNIQUE)",
            2067),
        Arguments.of(
            "CREATE TABLE nn (x TEXT NOT NULL)",
            "INSERT INTO nn VALUES (NULL)",
            D1ConstraintException.class,
            "NOT NULL constraint failed: nn.x: SQLITE_CONSTRAINT"
                + " (extended: SQLITE_CONSTRAINT_NOTNULL)",
            1299),
        Arguments.of(
            "CREATE TABLE ck (x INTEGER CHECK (x > 0))",
            "INSERT INTO ck VALUES (-1)",
            D1ConstraintException.class,
            "CHECK constraint failed: x > 0: SQLITE_CONSTRAINT"
                + " (extended: SQLITE_CONSTRAINT_CHECK)",
            275),
        Arguments.of(
            "CREATE TABLE pk (a TEXT PRIMARY KEY); INSERT INTO pk VALUES ('a')",
            "INSERT INTO pk VALUES ('a')",
            D1ConstraintException.class,
            "UNIQUE constraint failed: pk.a: SQLITE_CONSTRAINT"
                + " (extended: SQLITE_CONSTRAINT_PRIMARYKEY)",
            1555),
        Arguments.of(
            "CREATE TABLE m (id INTEGER PRIMARY KEY)",
            "INSERT INTO m VALUES ('abc')",
            D1SqlException.class,
            "datatype mismatch: SQLITE_MISMATCH",
            20),
        Arguments.of(
            "",
            "SELECT 'abc",
            D1SqlException.class,
            "unrecognized token: \"'abc\" at offset 7: SQLITE_ERROR",
            1),
        Arguments.of(
            "",
            "SELECT 1, nope()",
            D1SqlException.class,
            "no such function: nope at offset 10: SQLITE_ERROR",
            1),
        Arguments.of(
            "",
            "SELECT 1 FROM WHERE",
            D1SqlException.class,
            "near \"WHERE\": syntax error at offset 14: SQLITE_ERROR",
            1),
        Arguments.of("", "SELECT (1", D1SqlException.class, "incomplete input: SQLITE_ERROR", 1),
        Arguments.of(
            "CREATE TABLE a (x, y)",
            "INSERT INTO a VALUES (1)",
            D1SqlException.class,
            "table a has 2 columns but 1 values were supplied: SQLITE_ERROR",
            1),
        Arguments.of(
            "",
            "DELETE FROM sqlite_master",
            D1SqlException.class,
            "table sqlite_master may not be modified: SQLITE_ERROR",
            1),
        Arguments.of(
            "CREATE TABLE a (x); CREATE TRIGGER no_neg BEFORE INSERT ON a WHEN new.x < 0 BEGIN"
                + " SELECT RAISE(ABORT, 'negative not allowed'); END",
            "INSERT INTO a VALUES (-1)",
            D1ConstraintException.class,
            "negative not allowed: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_TRIGGER)",
            1811),
        Arguments.of(
            "CREATE TABLE a (x INTEGER, CONSTRAINT positive CHECK (x > 0))",
            "INSERT INTO a VALUES (0)",
            D1ConstraintException.class,
            "CHECK constraint failed: positive: SQLITE_CONSTRAINT"
                + " (extended: SQLITE_CONSTRAINT_CHECK)",
            275),
        Arguments.of(
            "CREATE TABLE a (x, y, UNIQUE (x, y)); INSERT INTO a VALUES (1, 2)",
            "INSERT INTO a VALUES (1, 2)",
            D1ConstraintException.class,
            "UNIQUE constraint failed: a.x, a.y: SQLITE_CONSTRAINT"
                + " (extended: SQLITE_CONSTRAINT_UNIQUE)",
            2067));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("catalogue")
  void failsWithD1sExactText(
      String setup, String sql, Class<? extends D1Exception> type, String detail, int code) {
    if (!setup.isEmpty()) {
      db.prepare(setup).run();
    }
    D1Exception e = assertD1Error(type, "D1_ERROR: " + detail, () -> db.prepare(sql).run());
    assertThat(e.code()).isEqualTo("D1_ERROR");
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e.sqliteResultCode()).isEqualTo(code);
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void failedStatementLeavesNoTraceAndTheDatabaseStaysUsable() {
    sql("CREATE TABLE u (name TEXT UNIQUE)", "INSERT INTO u VALUES ('a')");
    assertThatThrownBy(() -> db.prepare("INSERT INTO u VALUES ('b'), ('a')").run())
        .isInstanceOf(D1ConstraintException.class);
    assertThat(count("u")).isEqualTo(1L);
    db.prepare("INSERT INTO u VALUES ('b')").run();
    assertThat(count("u")).isEqualTo(2L);
  }

  @Test
  void errorsSurviveTheRoundTripThroughFromMessage() {
    Throwable t = catchThrowable(() -> db.prepare("SELECT * FROM nope").all());
    D1Exception parsed = D1Exception.fromMessage(t.getMessage());
    assertThat(parsed).isExactlyInstanceOf(t.getClass()).hasMessage(t.getMessage());
  }
}
