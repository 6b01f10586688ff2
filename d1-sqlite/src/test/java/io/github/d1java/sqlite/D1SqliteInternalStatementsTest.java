package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ExecException;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements whose answer depends on what D1's database and workerd hold beyond the user's schema:
 * maintenance of D1's internal {@code _cf_METADATA} table, and a call whose statement other than
 * the last writes and is still in progress. Every answer was read from Miniflare 4.20260730 (the
 * conformance cases {@code 16-bypass-maintenance.json} and {@code 16-bypass-in-progress.json}).
 */
class D1SqliteInternalStatementsTest {

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.inMemory();
    db.exec(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)\n"
            + "INSERT INTO t VALUES (1, 'a')\n"
            + "CREATE TABLE u (a TEXT)\n"
            + "CREATE INDEX ui ON u(a)\n"
            + "INSERT INTO u VALUES ('x'),('y'),('x')");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private String statTables() {
    return db.prepare(
            "SELECT group_concat(name) AS n FROM sqlite_schema WHERE name = 'sqlite_stat1'")
        .first("n");
  }

  private String rows() {
    return db.prepare("SELECT group_concat(id || ':' || v, ' ') AS r FROM t").first("r");
  }

  @Nested
  class MaintenanceOfD1sInternalTable {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "REINDEX _cf_METADATA",
          "REINDEX main._cf_METADATA",
          "REINDEX \"_cf_METADATA\"",
          "REINDEX _CF_METADATA",
        })
    void reindexSucceedsAndChangesNothing(String sql) {
      D1Result<Map<String, Object>> r = db.prepare(sql).run();
      assertThat(r.meta().changes()).isZero();
      assertThat(r.meta().changedDb()).isFalse();
      assertThat(statTables()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ANALYZE _cf_METADATA",
          "ANALYZE main._cf_METADATA",
          "ANALYZE [_cf_METADATA]",
          "ANALYZE \"main\".[_cf_METADATA]",
          "ANALYZE _cf_metadata;",
        })
    void analyzeSucceedsAndCreatesSqliteStat1AsTheFirstAnalyzeDoes(String sql) {
      assertThat(db.prepare(sql).run().meta().changedDb()).isTrue();
      assertThat(statTables()).isEqualTo("sqlite_stat1");
      assertThat(db.prepare("SELECT count(*) AS n FROM sqlite_stat1").<Long>first("n")).isZero();
      assertThat(db.prepare(sql).run().meta().changedDb()).isFalse();
    }

    @Test
    void throughExecBatchAndMultiStatementCalls() {
      assertThat(db.exec("ANALYZE _cf_METADATA;\nREINDEX _cf_METADATA").count()).isEqualTo(2);
      List<D1Result<Map<String, Object>>> r =
          db.batch(db.prepare("ANALYZE _cf_METADATA"), db.prepare("REINDEX _cf_METADATA"));
      assertThat(r.get(1).meta().changedDb()).isFalse();
      assertThat(db.prepare("ANALYZE _cf_METADATA; SELECT 1 AS one").<Long>first("one"))
          .isEqualTo(1L);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "ANALYZE temp | not authorized: SQLITE_AUTH",
          "ANALYZE \"temp\" | not authorized: SQLITE_AUTH",
          "ANALYZE TEMP | not authorized: SQLITE_AUTH",
          "ANALYZE sqlite_temp_schema | not authorized: SQLITE_AUTH",
          "ANALYZE temp.sqlite_temp_master | not authorized: SQLITE_AUTH",
          "ANALYZE temp.t | no such table: temp.t: SQLITE_ERROR",
          "REINDEX temp._cf_METADATA | unable to identify the object to be reindexed: SQLITE_ERROR",
          "REINDEX _cf_KV | unable to identify the object to be reindexed: SQLITE_ERROR",
          "ANALYZE main._cf_KV | no such table: main._cf_KV: SQLITE_ERROR",
          "ANALYZE _cf_METADATA.x | unknown database _cf_METADATA at offset 8: SQLITE_ERROR",
          "REINDEX main | unable to identify the object to be reindexed: SQLITE_ERROR",
        })
    void otherNamesAreD1sAnswer(String sql, String detail) {
      assertThatThrownBy(() -> db.prepare(sql).run())
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: " + detail);
      assertThat(statTables()).isNull();
    }

    @Test
    void otherReferencesToTheInternalTableStayRefused() {
      assertThatThrownBy(() -> db.prepare("SELECT * FROM _cf_METADATA").run())
          .hasMessage("D1_ERROR: not authorized: SQLITE_AUTH");
      assertThatThrownBy(() -> db.prepare("DELETE FROM _cf_METADATA").run())
          .hasMessage("D1_ERROR: not authorized: SQLITE_AUTH");
    }
  }

  @Nested
  class AWriteStillInProgress {

    private static final String IN_PROGRESS =
        "D1_ERROR: internal error: a statement that writes and returns rows (EXPLAIN of a write,"
            + " or RETURNING) can only be the last statement of a call; D1 cannot commit while it"
            + " is in progress and fails the call: SQLITE_BUSY";

    @ParameterizedTest
    @ValueSource(
        strings = {
          "EXPLAIN CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END; SELECT 2 AS two",
          "EXPLAIN CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END; /* c */ SELECT 2 AS two",
          "EXPLAIN CREATE TABLE x(a); SELECT 2 AS two",
          "EXPLAIN INSERT INTO t VALUES (5,'e'); SELECT 2 AS two",
          "EXPLAIN UPDATE t SET v = 'q'; SELECT v FROM t",
          "EXPLAIN DROP TABLE t; SELECT 2 AS two",
          "EXPLAIN ANALYZE; SELECT 2 AS two",
          "EXPLAIN REINDEX; SELECT 2 AS two",
          "EXPLAIN VACUUM; SELECT 2 AS two",
          "EXPLAIN QUERY PLAN DELETE FROM t; SELECT 2 AS two",
          "EXPLAIN QUERY PLAN UPDATE t SET v='q'; SELECT 2 AS two",
          "EXPLAIN WITH x AS (SELECT 1) INSERT INTO t SELECT 9, 'i' FROM x; SELECT 2 AS two",
          "INSERT INTO t VALUES (5,'e') RETURNING id; SELECT 2 AS two",
          "INSERT INTO t VALUES (5,'e') RETURNING id; INSERT INTO t VALUES (6,'f')",
          "DELETE FROM t WHERE id = 1 RETURNING id; SELECT 2 AS two",
          "UPDATE t SET v='z' RETURNING id; SELECT 2 AS two",
          "SELECT 1; DELETE FROM t WHERE id = 1 RETURNING id; SELECT 2 AS two",
        })
    void failsTheCallAndRollsItBack(String sql) {
      assertThatThrownBy(() -> db.prepare(sql).run())
          .isInstanceOf(D1SqlException.class)
          .hasMessage(IN_PROGRESS);
      assertThatThrownBy(() -> db.exec(sql))
          .isInstanceOf(D1ExecException.class)
          .hasMessage("D1_EXEC_ERROR: Error in line 1: " + sql + ": " + IN_PROGRESS.substring(10));
      assertThat(rows()).isEqualTo("1:a");
      assertThat(
              db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('tr', 'x')")
                  .<Long>first("n"))
          .isZero();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "EXPLAIN SELECT 1; SELECT 2 AS two",
          "EXPLAIN QUERY PLAN SELECT 1; SELECT 2 AS two",
          "EXPLAIN PRAGMA foreign_keys; SELECT 2 AS two",
          "DELETE FROM t WHERE id = 99 RETURNING id; SELECT 2 AS two",
          "WITH x AS (SELECT 1) SELECT * FROM x; SELECT 2 AS two",
          "SELECT 2 AS two; EXPLAIN INSERT INTO t VALUES (5,'e')",
          "EXPLAIN CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END",
          "INSERT INTO t VALUES (5,'e'); SELECT 2 AS two",
        })
    void isFineWhenTheStatementIsReadOnlyHaltedOrLast(String sql) {
      assertThat(db.prepare(sql).run().success()).isTrue();
    }

    @Test
    void aBatchRunsEachStatementAsItsOwnQuery() {
      List<D1Result<Map<String, Object>>> r =
          db.batch(
              db.prepare("EXPLAIN CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END"),
              db.prepare("INSERT INTO t VALUES (5,'e') RETURNING id"),
              db.prepare("SELECT 2 AS two"));
      assertThat(r.get(1).results()).containsExactly(Map.of("id", 5L));
      assertThat(rows()).isEqualTo("1:a 5:e");
    }

    @Test
    void anErrorOfALaterStatementComesFirst() {
      assertThatThrownBy(
              () ->
                  db.prepare("INSERT INTO t VALUES (5,'e') RETURNING id; SELECT * FROM nope").run())
          .hasMessage("D1_ERROR: no such table: nope: SQLITE_ERROR");
      assertThatThrownBy(() -> db.prepare("EXPLAIN CREATE TABLE x(a); SELECT 1; ;").run())
          .hasMessage("D1_ERROR: SQL code did not contain a statement.");
      assertThat(rows()).isEqualTo("1:a");
    }
  }
}
