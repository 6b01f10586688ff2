package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Database;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code batch}: one transaction, results in order, all or nothing.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class BatchContract extends ContractSupport {

  @BeforeEach
  void table() {
    sql("CREATE TABLE bt (id INTEGER PRIMARY KEY, v TEXT UNIQUE)");
  }

  @Test
  void returnsOneResultPerStatementInOrder() {
    D1PreparedStatement insert = db.prepare("INSERT INTO bt (v) VALUES (?)");
    List<D1Result<Map<String, Object>>> rs =
        db.batch(insert.bind("a"), insert.bind("b"), db.prepare("SELECT v FROM bt ORDER BY id"));
    assertThat(rs).hasSize(3);
    assertThat(rs).allSatisfy(r -> assertThat(r.success()).isTrue());
    assertThat(rs.get(0).results()).isEmpty();
    assertThat(rs.get(0).meta().changes()).isEqualTo(1);
    assertThat(rs.get(0).meta().lastRowId()).isEqualTo(1);
    assertThat(rs.get(1).meta().lastRowId()).isEqualTo(2);
    assertThat(rs.get(2).results()).containsExactly(row("v", "a"), row("v", "b"));
  }

  @Test
  void emptyBatchIsRejected() {
    assertD1Error(
        D1SqlException.class, "D1_ERROR: No SQL statements detected.", () -> db.batch(List.of()));
  }

  @Test
  void rollsBackEverythingOnAConstraintViolationInTheMiddle() {
    assertD1Error(
        D1ConstraintException.class,
        "D1_ERROR: UNIQUE constraint failed: bt.v: SQLITE_CONSTRAINT"
            + " (extended: SQLITE_CONSTRAINT_UNIQUE)",
        () ->
            db.batch(
                db.prepare("INSERT INTO bt (v) VALUES ('a')"),
                db.prepare("INSERT INTO bt (v) VALUES ('a')"),
                db.prepare("INSERT INTO bt (v) VALUES ('c')")));
    assertThat(count("bt")).isZero();
  }

  @Test
  void rollsBackEverythingOnASyntaxErrorInTheMiddle() {
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: near \"SELEC\": syntax error at offset 0: SQLITE_ERROR",
        () ->
            db.batch(
                db.prepare("INSERT INTO bt (v) VALUES ('a')"),
                db.prepare("SELEC 1"),
                db.prepare("INSERT INTO bt (v) VALUES ('c')")));
    assertThat(count("bt")).isZero();
  }

  @Test
  void rollsBackOnWrongArityInALaterStatement() {
    assertThatThrownBy(
            () ->
                db.batch(
                    db.prepare("INSERT INTO bt (v) VALUES (?)").bind("a"),
                    db.prepare("INSERT INTO bt (v) VALUES (?)")))
        .isInstanceOf(D1SqlException.class)
        .hasMessage("D1_ERROR: Wrong number of parameter bindings for SQL query.");
    assertThat(count("bt")).isZero();
  }

  @Test
  void statementMayHoldSeveralStatements() {
    List<D1Result<Map<String, Object>>> rs =
        db.batch(
            db.prepare("INSERT INTO bt (v) VALUES ('a'); INSERT INTO bt (v) VALUES ('b')"),
            db.prepare("SELECT count(*) AS n FROM bt"));
    assertThat(rs.get(0).meta().changes()).isEqualTo(2);
    assertThat(rs.get(1).results()).containsExactly(row("n", 2L));
  }

  @Test
  void statementsPreparedElsewhereRunOnTheReceiver() {
    try (D1Database other = newDatabase()) {
      D1PreparedStatement foreign = other.prepare("INSERT INTO bt (v) VALUES (?)").bind("x");
      db.batch(List.of(foreign));
    }
    assertThat(count("bt")).isEqualTo(1L);
  }

  @Test
  void laterStatementsSeeEarlierWrites() {
    List<D1Result<Map<String, Object>>> rs =
        db.batch(
            db.prepare("INSERT INTO bt (v) VALUES ('a')"),
            db.prepare("UPDATE bt SET v = 'b' WHERE v = 'a'"),
            db.prepare("SELECT v FROM bt"));
    assertThat(rs.get(1).meta().changes()).isEqualTo(1);
    assertThat(rs.get(2).results()).containsExactly(row("v", "b"));
  }

  @Test
  void ddlAndInsertsReportTheirOwnMeta() {
    List<D1Result<Map<String, Object>>> rs =
        db.batch(
            db.prepare("CREATE TABLE abc (a INT, b INT, c INT);"),
            db.prepare("CREATE TABLE cde (c TEXT, d TEXT, e TEXT);"),
            db.prepare("INSERT INTO abc VALUES (1,2,3),(4,5,6);"),
            db.prepare("INSERT INTO cde VALUES ('A', 'B', 'C'),('D','E','F'),('G','H','I');"));
    assertThat(rs.get(0).meta().changedDb()).isTrue();
    assertThat(rs.get(0).meta().changes()).isZero();
    assertThat(rs.get(1).meta().changes()).isZero();
    assertThat(rs.get(2).meta().changes()).isEqualTo(2);
    assertThat(rs.get(2).meta().lastRowId()).isEqualTo(2);
    assertThat(rs.get(3).meta().changes()).isEqualTo(3);
    assertThat(rs.get(3).meta().lastRowId()).isEqualTo(3);
  }

  @Test
  void dropsStatementsThatAreOnlyAnIndentedComment() {
    List<D1Result<Map<String, Object>>> rs =
        db.batch(
            db.prepare("SELECT 1 AS v"),
            db.prepare("   -- only a comment"),
            db.prepare("SELECT 2 AS v"));
    assertThat(rs)
        .extracting(D1Result::results)
        .containsExactly(List.of(row("v", 1L)), List.of(row("v", 2L)));
  }

  @Test
  void rejectsNullList() {
    assertThatThrownBy(() -> db.batch((List<D1PreparedStatement>) null))
        .isInstanceOf(NullPointerException.class);
  }
}
