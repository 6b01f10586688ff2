package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ExecException;
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
 * Where statements start and end, and what reaches SQLite, each case observed on Miniflare
 * 4.20260730 (issue 8): statements are the lexer's, so SQLite never reads a statement the lexer did
 * not bound.
 */
class D1SqliteStatementBoundsTest {

  private static final String NOT_A_STATEMENT = "D1_ERROR: SQL code did not contain a statement.";

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.inMemory();
    db.exec("CREATE TABLE t (a INTEGER, b TEXT)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long rows() {
    Long n = db.prepare("SELECT count(*) AS n FROM t").first("n");
    return n;
  }

  @Nested
  class StatementsStartingWithALiteral {

    @ParameterizedTest
    @ValueSource(strings = {"'x'", "\"BEGIN\"", "[x]", "`x`", "'x' ; SELECT 1"})
    void areSyntaxErrorsNotNullPointerExceptions(String sql) {
      String token = sql.split(" ")[0];
      String expected = "D1_ERROR: near \"" + token + "\": syntax error at offset 0: SQLITE_ERROR";
      assertThatThrownBy(() -> db.prepare(sql).run())
          .isInstanceOf(D1SqlException.class)
          .hasMessage(expected);
      assertThatThrownBy(() -> db.prepare(sql).all()).hasMessage(expected);
      assertThatThrownBy(() -> db.batch(List.of(db.prepare(sql)))).hasMessage(expected);
    }

    @Test
    void failExecWithTheLine() {
      assertThatThrownBy(() -> db.exec("[x]"))
          .isInstanceOf(D1ExecException.class)
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: [x]: near \"[x]\": syntax error at offset 0:"
                  + " SQLITE_ERROR");
    }

    @Test
    void countOffsetsFromAfterThePreviousSemicolonAndItsWhitespace() {
      assertThatThrownBy(() -> db.prepare("SELECT 1;\n\n  'x'").all())
          .hasMessage("D1_ERROR: near \"'x'\": syntax error at offset 0: SQLITE_ERROR");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT 1;   SELECT nope|7",
        "SELECT 1; /* c */ SELECT nope|15",
        "'  SELECT nope'|9",
        "/* c */ SELECT nope|15",
        ";;  SELECT nope|11",
        "SELECT 1;;  SELECT nope|10",
        "SELECT 1 ; /* ; */ SELECT nope|15",
      })
  void errorOffsetsCountAsWorkerdCountsThem(String sql, int offset) {
    assertThatThrownBy(() -> db.prepare(sql).all())
        .hasMessage("D1_ERROR: no such column: nope at offset " + offset + ": SQLITE_ERROR");
  }

  @Test
  void trailingCommentsBelongToTheStatementAsInSqlite() {
    assertThat(db.prepare("SELECT 1 -- c").all().results()).containsExactly(Map.of("1 -- c", 1L));
    assertThat(db.prepare("SELECT 1 /* c */ ; ").all().results())
        .containsExactly(Map.of("1 /* c */", 1L));
    assertThat(db.prepare("SELECT 1\n-- a\n;").all().results())
        .containsExactly(Map.of("1\n-- a", 1L));
    assertThat(db.prepare("SELECT 1; SELECT 2 /* c */").all().results())
        .containsExactly(Map.of("2 /* c */", 2L));
  }

  @Nested
  class Nul {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT 1\0; SELECT 2",
          "SELECT 1;\0SELECT 2",
          "SELECT 1 \0",
          "\0SELECT 1",
          "SELECT 1; SELECT 2\0",
          "SELECT 1\0 garbage"
        })
    void endsTheSqlAndFailsTheCall(String sql) {
      assertThatThrownBy(() -> db.prepare(sql).all())
          .isInstanceOf(D1SqlException.class)
          .hasMessage(NOT_A_STATEMENT);
    }

    @Test
    void insideAStringIsTheStringsEnd() {
      assertThatThrownBy(() -> db.prepare("SELECT 'a\0b'").all())
          .hasMessage("D1_ERROR: unrecognized token: \"'a\" at offset 7: SQLITE_ERROR");
    }

    @Test
    void changesNothing() {
      assertThatThrownBy(() -> db.prepare("INSERT INTO t VALUES (1, 'nul')\0").run())
          .hasMessage(NOT_A_STATEMENT);
      assertThatThrownBy(() -> db.prepare("INSERT INTO t VALUES (1, 'a');\0DROP TABLE t").run())
          .hasMessage(NOT_A_STATEMENT);
      assertThatThrownBy(() -> db.executeScript(List.of("INSERT INTO t VALUES (1, 'b')\0")))
          .hasMessage(NOT_A_STATEMENT);
      assertThat(rows()).isZero();
    }

    @Test
    void failsExecWithTheLine() {
      assertThatThrownBy(() -> db.exec("SELECT 1\0"))
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: SELECT 1\0: SQL code did not contain a statement.");
    }
  }

  @Nested
  class Triggers {

    @Test
    void aTableNamedTriggerDoesNotHideTheStatementsAfterIt() {
      // issue 8: the old splitter saw one trigger body and SQLite prepared only the CREATE TABLE
      assertThatThrownBy(
              () ->
                  db.prepare(
                          "CREATE TABLE trigger(begin INT); COMMIT; INSERT INTO t VALUES"
                              + " (9,'hidden'); SELECT 1 AS end")
                      .run())
          .hasMessageStartingWith("D1_ERROR: To execute a transaction, please use");
      assertThat(rows()).isZero();
      assertThat(
              db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'trigger'")
                  .<Long>first("n"))
          .isZero();
    }

    @Test
    void aTriggerBodyReadingNewBeginRunsWhole() {
      db.exec("CREATE TABLE u (begin INTEGER, end INTEGER)");
      List<Map<String, Object>> results =
          db.prepare(
                  "CREATE TRIGGER tr AFTER INSERT ON u BEGIN UPDATE u SET end = new.begin + 1;"
                      + " END; SELECT 2 AS two")
              .all()
              .results();
      assertThat(results).containsExactly(Map.of("two", 2L));
      db.prepare("INSERT INTO u (begin) VALUES (4)").run();
      assertThat(db.prepare("SELECT end FROM u").<Long>first("end")).isEqualTo(5L);
    }

    @Test
    void explainCreateTriggerIsOneStatement() {
      assertThat(
              db.prepare("EXPLAIN CREATE TRIGGER tr2 AFTER INSERT ON t BEGIN SELECT 1; END")
                  .all()
                  .results())
          .isNotEmpty();
    }
  }

  @Nested
  class Variables {

    @Test
    void aTclVariableEndsAtItsParenthesisAsInSqlite() {
      // issue 8: #a(') is a variable, so the SELECT 5 after it is a second statement
      assertThatThrownBy(() -> db.prepare("SELECT #a(');SELECT 5;--')").all())
          .hasMessage(
              "D1_ERROR: When executing multiple SQL statements in a single call, only the last"
                  + " statement can have parameters.");
      assertThatThrownBy(() -> db.prepare("SELECT $a(x;y)").all())
          .hasMessage("D1_ERROR: Wrong number of parameter bindings for SQL query.");
    }
  }

  @Nested
  class Scripts {

    @Test
    void refuseAStatementTheLexerDoesNotSeeEndAndRunNothing() {
      assertThatThrownBy(
              () ->
                  db.executeScript(
                      List.of(
                          "INSERT INTO t VALUES (1, 'a')",
                          "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;",
                          "INSERT INTO t VALUES (2, 'b')")))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: incomplete input: SQLITE_ERROR");
      assertThat(rows()).isZero();
    }

    @Test
    void refuseAnUnterminatedStringWithSqlitesError() {
      assertThatThrownBy(
              () -> db.executeScript(List.of("INSERT INTO t VALUES (1, 'a')", "SELECT 'open")))
          .hasMessage("D1_ERROR: unrecognized token: \"'open\" at offset 7: SQLITE_ERROR");
      assertThat(rows()).isZero();
    }

    @Test
    void aVariableHidingStatementsIsRefusedAndChangesNothing() {
      assertThatThrownBy(
              () ->
                  db.executeScript(
                      List.of(
                          "INSERT INTO t VALUES (1, 'a')",
                          "SELECT #a(');PRAGMA foreign_keys=OFF;--')")))
          .isInstanceOf(D1SqlException.class);
      assertThat(rows()).isZero();
      assertThat(db.prepare("PRAGMA foreign_keys").<Long>first("foreign_keys")).isEqualTo(1L);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT 1__0|D1_ERROR: unrecognized token: \"1__0\": SQLITE_ERROR",
        "SELECT 1_|D1_ERROR: unrecognized token: \"1_\": SQLITE_ERROR",
        "SELECT 0x_1|D1_ERROR: unrecognized token: \"0x_1\" at offset 7: SQLITE_ERROR",
        "SELECT 12ab|D1_ERROR: unrecognized token: \"12ab\" at offset 7: SQLITE_ERROR",
        "SELECT #1|D1_ERROR: near \"#1\": syntax error at offset 7: SQLITE_ERROR",
        "SELECT x'abc'|D1_ERROR: unrecognized token: \"x'abc'\" at offset 7: SQLITE_ERROR",
        "SELECT !1|D1_ERROR: unrecognized token: \"!\" at offset 7: SQLITE_ERROR",
      })
  void tokenErrorsAreSqlitesWithD1sOffsets(String sql, String message) {
    // a misplaced digit separator is refused by SQLite's parser, not its tokenizer: no offset
    assertThatThrownBy(() -> db.prepare(sql).all()).hasMessage(message);
  }

  @Test
  void separatedNumbersAndAByteOrderMarkRead() {
    assertThat(db.prepare("\uFEFFSELECT 1_000 AS a, 0x1_0 AS b").<Long>first("a")).isEqualTo(1000L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "~~|D1_ERROR: No SQL statements detected.",
        "~   ~|D1_ERROR: No SQL statements detected.",
        "-- c|" + NOT_A_STATEMENT,
        "/* c */|" + NOT_A_STATEMENT,
        ";|" + NOT_A_STATEMENT,
        "SELECT 1; -- c|" + NOT_A_STATEMENT,
        "SELECT 1 /* c */ ;;|" + NOT_A_STATEMENT,
      })
  void emptyAndCommentOnlySqlFailsWithD1sTexts(String sql, String message) {
    assertThatThrownBy(() -> db.prepare(sql).run()).hasMessage(message);
  }
}
