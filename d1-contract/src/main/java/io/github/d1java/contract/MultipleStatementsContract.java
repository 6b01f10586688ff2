package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Meta;
import io.github.d1java.D1SqlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several {@code ;}-separated statements in one {@code prepare}.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class MultipleStatementsContract extends ContractSupport {

  @Test
  void onlyTheLastStatementsRowsAreReturned() {
    assertThat(db.prepare("SELECT 1 AS x; SELECT 2 AS y").all().results())
        .containsExactly(row("y", 2L));
  }

  @Test
  void changesCoverEveryStatement() {
    sql("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
    D1Meta meta =
        db.prepare("INSERT INTO t (v) VALUES ('a'); INSERT INTO t (v) VALUES ('b')").run().meta();
    assertThat(meta.changes()).isEqualTo(2);
    assertThat(meta.lastRowId()).isEqualTo(2);
    assertThat(count("t")).isEqualTo(2L);
  }

  @Test
  void lastStatementMayHaveParameters() {
    assertThat((Long) db.prepare("SELECT 1; SELECT ? AS v").bind(5).first("v")).isEqualTo(5L);
  }

  @Test
  void parametersInAnEarlierStatementAreRejected() {
    sql("CREATE TABLE t (v TEXT)");
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: When executing multiple SQL statements in a single call, only the last"
            + " statement can have parameters.",
        () -> db.prepare("INSERT INTO t VALUES (?); SELECT 1").bind("a").run());
    assertThat(count("t")).isZero();
  }

  @Test
  void trailingCommentAfterTheLastSemicolonIsRejected() {
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: SQL code did not contain a statement.",
        () -> db.prepare("SELECT 1; -- c").all());
  }

  @Test
  void leadingCommentIsFine() {
    assertThat(db.prepare("-- c\nSELECT 1 AS v").all().results()).containsExactly(row("v", 1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n  ", "  -- c"})
  void emptySqlIsRejected(String sql) {
    assertD1Error(
        D1SqlException.class, "D1_ERROR: No SQL statements detected.", () -> db.prepare(sql).all());
  }

  @ParameterizedTest
  @ValueSource(strings = {";", "-- c"})
  void sqlWithoutAStatementIsRejected(String sql) {
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: SQL code did not contain a statement.",
        () -> db.prepare(sql).all());
  }

  @Test
  void failingLaterStatementRollsBackEarlierOnes() {
    sql("CREATE TABLE u (name TEXT UNIQUE)");
    assertThatThrownBy(
            () -> db.prepare("INSERT INTO u VALUES ('a'); INSERT INTO u VALUES ('a')").run())
        .isInstanceOf(D1ConstraintException.class);
    assertThat(count("u")).isZero();
  }
}
