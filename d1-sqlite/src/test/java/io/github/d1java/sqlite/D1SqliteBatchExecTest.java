package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1ExecException;
import io.github.d1java.D1ExecResult;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class D1SqliteBatchExecTest {

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.inMemory();
    db.exec("CREATE TABLE bt (id INTEGER PRIMARY KEY, v TEXT UNIQUE)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long count() {
    return db.prepare("SELECT count(*) AS n FROM bt").first("n");
  }

  @Nested
  class Batch {

    @Test
    void returnsOneResultPerStatementInOrder() {
      D1PreparedStatement ins = db.prepare("INSERT INTO bt (v) VALUES (?)");
      List<D1Result<Map<String, Object>>> r =
          db.batch(ins.bind("a"), ins.bind("b"), db.prepare("SELECT v FROM bt ORDER BY id"));
      assertThat(r).hasSize(3);
      assertThat(r.get(0).meta().changes()).isEqualTo(1);
      assertThat(r.get(1).meta().lastRowId()).isEqualTo(2);
      assertThat(r.get(2).results()).containsExactly(Map.of("v", "a"), Map.of("v", "b"));
    }

    @Test
    void rollsBackEverythingWhenAConstraintFails() {
      D1PreparedStatement ins = db.prepare("INSERT INTO bt (v) VALUES (?)");
      assertThatThrownBy(() -> db.batch(ins.bind("a"), ins.bind("a"), ins.bind("c")))
          .isInstanceOf(D1ConstraintException.class)
          .hasMessage(
              "D1_ERROR: UNIQUE constraint failed: bt.v: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_UNIQUE)");
      assertThat(count()).isZero();
    }

    @Test
    void rollsBackEverythingWhenASyntaxErrorFollows() {
      assertThatThrownBy(
              () ->
                  db.batch(
                      db.prepare("INSERT INTO bt (v) VALUES ('a')"),
                      db.prepare("SELEC 1"),
                      db.prepare("INSERT INTO bt (v) VALUES ('b')")))
          .hasMessage("D1_ERROR: near \"SELEC\": syntax error at offset 0: SQLITE_ERROR");
      assertThat(count()).isZero();
    }

    @Test
    void emptyBatchFails() {
      assertThatThrownBy(() -> db.batch(List.of()))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: No SQL statements detected.");
    }

    @Test
    void blankStatementsAreDroppedLikeMiniflare() {
      assertThat(db.batch(db.prepare("SELECT 1 AS v"), db.prepare("   -- x"))).hasSize(1);
    }

    @Test
    void nullElementIsRejected() {
      assertThatThrownBy(() -> db.batch(java.util.Arrays.asList(db.prepare("SELECT 1"), null)))
          .isInstanceOf(NullPointerException.class);
    }

    @Test
    void statementsOfAnotherDatabaseRunOnTheReceiver() {
      try (D1SqliteDatabase other = D1Sqlite.inMemory()) {
        db.batch(other.prepare("INSERT INTO bt (v) VALUES ('x')"));
      }
      assertThat(count()).isEqualTo(1);
    }
  }

  @Nested
  class Exec {

    @Test
    void countsNonBlankLines() {
      D1ExecResult r =
          db.exec("INSERT INTO bt (v) VALUES ('1')\nINSERT INTO bt (v) VALUES ('2')\n\nSELECT 1");
      assertThat(r.count()).isEqualTo(3);
      assertThat(count()).isEqualTo(2);
    }

    @Test
    void severalStatementsOnOneLineCountAsOne() {
      assertThat(
              db.exec("INSERT INTO bt (v) VALUES ('1'); INSERT INTO bt (v) VALUES ('2')").count())
          .isEqualTo(1);
      assertThat(count()).isEqualTo(2);
    }

    @Test
    void crlfLineEndingsWork() {
      assertThat(db.exec("SELECT 1\r\nSELECT 2\r\n").count()).isEqualTo(2);
    }

    @Test
    void indentedCommentLinesAfterTheFirstAreDropped() {
      assertThat(db.exec("SELECT 1\n   -- note\nSELECT 2").count()).isEqualTo(2);
    }

    @Test
    void failureSaysLineOneAndQuotesTheFirstLineWhicheverFailed() {
      assertThatThrownBy(() -> db.exec("INSERT INTO bt (v) VALUES ('w1')\nSELEC 1"))
          .isInstanceOf(D1ExecException.class)
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: INSERT INTO bt (v) VALUES ('w1'): near \"SELEC\":"
                  + " syntax error at offset 0: SQLITE_ERROR");
      assertThat(count()).isZero();
    }

    @Test
    void statementSplitOverLinesFails() {
      assertThatThrownBy(() -> db.exec("INSERT INTO bt (v)\nVALUES ('a')"))
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: INSERT INTO bt (v): incomplete input: SQLITE_ERROR");
    }

    @Test
    void columnZeroCommentLineFails() {
      assertThatThrownBy(() -> db.exec("-- hello"))
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: -- hello: SQL code did not contain a statement.");
    }

    @Test
    void indentedCommentOnTheFirstLineIsTrimmedAndFails() {
      assertThatThrownBy(() -> db.exec("  -- c\nSELECT 1"))
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: -- c: SQL code did not contain a statement.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n  "})
    void emptyInputFails(String sql) {
      assertThatThrownBy(() -> db.exec(sql))
          .hasMessage("D1_EXEC_ERROR: Error in line 1: : No SQL statements detected.");
    }

    @Test
    void parametersAreNotAllowed() {
      assertThatThrownBy(() -> db.exec("SELECT ?"))
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: SELECT ?: Wrong number of parameter bindings for SQL"
                  + " query.");
    }

    @Test
    void causeIsTheUnderlyingD1Error() {
      D1Exception e =
          org.junit.jupiter.api.Assertions.assertThrows(
              D1ExecException.class, () -> db.exec("SELECT * FROM nope"));
      assertThat(e.getCause())
          .hasMessage("Error in line 1: SELECT * FROM nope: no such table: nope: SQLITE_ERROR");
      assertThat(e.getCause().getCause()).isInstanceOf(D1SqlException.class);
    }
  }

  @Nested
  class Script {

    @Test
    void runsEveryTextAsOneTransactionAndReportsTheTotals() {
      D1Meta meta =
          db.executeScript(
              List.of(
                  "INSERT INTO bt (v) VALUES ('a')",
                  "INSERT INTO bt (v) VALUES ('b'); INSERT INTO bt (v) VALUES ('c');",
                  "  -- only a comment",
                  "UPDATE bt SET v = v || '!' -- a comment after the last token",
                  "SELECT * FROM bt"));

      assertThat(meta.changes()).isEqualTo(6);
      assertThat(meta.rowsWritten()).isEqualTo(6);
      assertThat(meta.rowsRead()).isZero();
      assertThat(meta.lastRowId()).isEqualTo(3);
      assertThat(meta.changedDb()).isTrue();
      assertThat(meta.sizeAfter()).isPositive();
      assertThat(db.prepare("SELECT group_concat(v, ',') AS v FROM bt").<String>first("v"))
          .isEqualTo("a!,b!,c!");
    }

    @Test
    void rollsBackEverythingAndThrowsWhatBatchThrowsWhenAStatementFails() {
      assertThatThrownBy(
              () ->
                  db.executeScript(
                      List.of(
                          "INSERT INTO bt (v) VALUES ('a')", "INSERT INTO bt (v) VALUES ('a')")))
          .isInstanceOf(D1ConstraintException.class)
          .hasMessage(
              "D1_ERROR: UNIQUE constraint failed: bt.v: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_UNIQUE)");
      assertThat(count()).isZero();
      // the lost transaction left the connection usable
      assertThat(db.executeScript(List.of("INSERT INTO bt (v) VALUES ('b')")).changes()).isOne();
    }

    @Test
    void keepsD1sRules() {
      assertThatThrownBy(() -> db.executeScript(List.of("CREATE TABLE _cf_x (a)")))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: not authorized: SQLITE_AUTH");
      assertThatThrownBy(
              () ->
                  db.executeScript(List.of("INSERT INTO bt (v) VALUES ('a')", "BEGIN TRANSACTION")))
          .isInstanceOf(D1SqlException.class)
          .hasMessageStartingWith("D1_ERROR: To execute a transaction, please use");
      assertThatThrownBy(() -> db.executeScript(List.of("SELECT '" + "x".repeat(100_001) + "'")))
          .hasMessage("D1_ERROR: statement too long: SQLITE_TOOBIG");
      assertThat(count()).isZero();
    }

    @Test
    void appliesD1sLimitsInsideTheScript() {
      assertThatThrownBy(
              () ->
                  db.executeScript(
                      List.of(
                          "INSERT INTO bt (v) VALUES ('a')",
                          "SELECT 1 UNION SELECT 2 UNION"
                              + " SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6")))
          .hasMessage("D1_ERROR: too many terms in compound SELECT: SQLITE_ERROR");
      assertThat(count()).isZero();
    }

    @Test
    void refusesParametersItCannotBind() {
      assertThatThrownBy(() -> db.executeScript(List.of("INSERT INTO bt (v) VALUES (?)")))
          .hasMessage("D1_ERROR: Wrong number of parameter bindings for SQL query.");
      assertThatThrownBy(
              () -> db.executeScript(List.of("SELECT :a; INSERT INTO bt (v) VALUES ('x')")))
          .hasMessage(
              "D1_ERROR: When executing multiple SQL statements in a single call, only the last"
                  + " statement can have parameters.");
      assertThat(count()).isZero();
    }

    @Test
    void refusesAScriptOfBlankTexts() {
      assertThatThrownBy(() -> db.executeScript(List.of(" ", "  -- an indented comment")))
          .hasMessage("D1_ERROR: No SQL statements detected.");
      // as in batch, a comment at the start of a line is not blank to Miniflare
      assertThatThrownBy(() -> db.executeScript(List.of("-- nothing")))
          .hasMessage("D1_ERROR: SQL code did not contain a statement.");
      assertThatThrownBy(() -> db.batch(db.prepare("-- nothing")))
          .hasMessage("D1_ERROR: SQL code did not contain a statement.");
      assertThatThrownBy(() -> db.executeScript(List.of()))
          .hasMessage("D1_ERROR: No SQL statements detected.");
    }

    @Test
    void aTextStartingWithBackupIsSqlNotSqliteJdbcsBackupCommand() {
      // regression: sqlite-jdbc's Statement runs "backup to <file>" itself
      assertThatThrownBy(() -> db.executeScript(List.of("backup to bt_copy.db")))
          .hasMessage("D1_ERROR: near \"backup\": syntax error: SQLITE_ERROR");
    }

    @Test
    void aDeferredForeignKeyViolationRollsBack() {
      db.exec("CREATE TABLE child (id INTEGER PRIMARY KEY, p INTEGER REFERENCES bt(id))");
      assertThatThrownBy(
              () ->
                  db.executeScript(
                      List.of(
                          "PRAGMA defer_foreign_keys = on", "INSERT INTO child VALUES (1, 42)")))
          .hasMessage("D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT");
      assertThat(db.prepare("SELECT count(*) AS n FROM child").<Long>first("n")).isZero();
    }

    @Test
    void aClosedDatabaseRefuses() {
      db.close();
      assertThatThrownBy(() -> db.executeScript(List.of("SELECT 1")))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: Database is closed.");
    }
  }

  @Nested
  class Transactions {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "BEGIN",
          "BEGIN TRANSACTION",
          "COMMIT",
          "END",
          "ROLLBACK",
          "SAVEPOINT sp",
          "RELEASE sp",
          "SELECT 1; begin immediate",
          "EXPLAIN BEGIN"
        })
    void transactionStatementsAreRejected(String sql) {
      assertThatThrownBy(() -> db.prepare(sql).run())
          .hasMessageStartingWith(
              "D1_ERROR: To execute a transaction, please use the state.storage.transaction()")
          .hasMessageEndingWith("automatic atomic write coalescing.");
    }

    @Test
    void vacuumFailsInsideTheCallsTransaction() {
      assertThatThrownBy(() -> db.prepare("VACUUM").run())
          .hasMessage("D1_ERROR: cannot VACUUM from within a transaction: SQLITE_ERROR");
    }

    @Test
    void databaseStaysUsableAfterAFailure() {
      assertThatThrownBy(() -> db.prepare("INSERT INTO nope VALUES (1)").run())
          .isInstanceOf(D1SqlException.class);
      db.prepare("INSERT INTO bt (v) VALUES ('ok')").run();
      assertThat(count()).isEqualTo(1);
    }
  }
}
