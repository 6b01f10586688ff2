package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ColumnNotFoundException;
import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class D1SqliteQueryTest {

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.inMemory();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private String error(Runnable r) {
    try {
      r.run();
    } catch (D1Exception e) {
      return e.getMessage();
    }
    throw new AssertionError("no D1Exception");
  }

  @Nested
  class Values {

    static List<Arguments> reads() {
      return List.of(
          Arguments.of("9223372036854775807", Long.MAX_VALUE),
          Arguments.of("-9223372036854775808", Long.MIN_VALUE),
          Arguments.of("9007199254740993", 9007199254740993L),
          Arguments.of("1", 1L),
          Arguments.of("1.5", 1.5d),
          Arguments.of("1.0", 1.0d),
          Arguments.of("'hi'", "hi"),
          Arguments.of("''", ""),
          Arguments.of("NULL", null));
    }

    @ParameterizedTest
    @MethodSource("reads")
    void storageClassesReadAsJavaTypes(String literal, Object expected) {
      Object v = db.prepare("SELECT " + literal + " AS v").first("v");
      assertThat(v).isEqualTo(expected);
    }

    @Test
    void blobReadsAsByteArray() {
      assertThat((byte[]) db.prepare("SELECT x'0102ff' AS v").first("v"))
          .containsExactly(1, 2, (byte) 0xff);
      assertThat((byte[]) db.prepare("SELECT zeroblob(0) AS v").first("v")).isEmpty();
    }

    static List<Arguments> binds() {
      return List.of(
          Arguments.of(42, 42L, "integer"),
          Arguments.of(Long.MAX_VALUE, Long.MAX_VALUE, "integer"),
          Arguments.of(1.5d, 1.5d, "real"),
          Arguments.of(2.0f, 2.0d, "real"),
          Arguments.of(true, 1L, "integer"),
          Arguments.of(false, 0L, "integer"),
          Arguments.of("text", "text", "text"),
          Arguments.of(Double.NaN, null, "null"),
          Arguments.of(Double.POSITIVE_INFINITY, null, "null"));
    }

    @ParameterizedTest
    @MethodSource("binds")
    void bindsJavaValuesAsSqliteTypes(Object in, Object out, String type) {
      Map<String, Object> row = db.prepare("SELECT ? AS v, typeof(?1) AS t").bind(in).first();
      assertThat(row).containsEntry("v", out).containsEntry("t", type);
    }

    @Test
    void bindsBytesAsBlobAndNullAsNull() {
      Map<String, Object> row =
          db.prepare("SELECT ? AS b, typeof(?1) AS t, ? AS n")
              .bind(new byte[] {4, 5}, null)
              .first();
      assertThat((byte[]) row.get("b")).containsExactly(4, 5);
      assertThat(row).containsEntry("t", "blob").containsEntry("n", null);
    }

    @Test
    void dateDeclaredColumnsStillReadRawValues() {
      db.exec("CREATE TABLE d (at DATE, ts TIMESTAMP)");
      db.prepare("INSERT INTO d VALUES (?, ?)").bind(1700000000000L, "2024-01-01").run();
      assertThat(db.prepare("SELECT * FROM d").first())
          .containsEntry("at", 1700000000000L)
          .containsEntry("ts", "2024-01-01");
    }
  }

  @Nested
  class Parameters {

    @Test
    void orderedParametersBindByNumber() {
      Map<String, Object> row =
          db.prepare("SELECT ?3 AS a, ?1 AS b, ?2 AS c").bind("x", "y", "z").first();
      assertThat(row)
          .containsExactly(Map.entry("a", "z"), Map.entry("b", "x"), Map.entry("c", "y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {":", "@", "$"})
    void namedParametersBindPositionally(String prefix) {
      Map<String, Object> row =
          db.prepare("SELECT " + prefix + "a AS a, " + prefix + "b AS b, " + prefix + "a AS c")
              .bind(1, 2)
              .first();
      assertThat(row).containsEntry("a", 1L).containsEntry("b", 2L).containsEntry("c", 1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT ?", "SELECT ?2", "SELECT '?'"})
    void wrongNumberOfBindingsFails(String sql) {
      D1PreparedStatement st = db.prepare(sql);
      D1PreparedStatement bound =
          sql.equals("SELECT ?2") ? st.bind(1) : sql.contains("'") ? st.bind(1) : st;
      assertThat(error(bound::all))
          .isEqualTo("D1_ERROR: Wrong number of parameter bindings for SQL query.");
    }

    @Test
    void tooManyBindingsFails() {
      assertThat(error(() -> db.prepare("SELECT ?").bind(1, 2).all()))
          .isEqualTo("D1_ERROR: Wrong number of parameter bindings for SQL query.");
    }

    @Test
    void moreThanOneHundredVariablesFails() {
      String sql = "SELECT " + String.join(",", java.util.Collections.nCopies(101, "?"));
      Object[] values = new Object[101];
      Arrays.fill(values, 1);
      assertThat(error(() -> db.prepare(sql).bind(values).all()))
          .startsWith("D1_ERROR: too many SQL variables")
          .endsWith(": SQLITE_ERROR");
    }

    @Test
    void variableNumberAboveOneHundredFailsWithOffset() {
      assertThat(error(() -> db.prepare("SELECT ?101").all()))
          .isEqualTo(
              "D1_ERROR: variable number must be between ?1 and ?100 at offset 7: SQLITE_ERROR");
    }
  }

  @Nested
  class Results {

    @BeforeEach
    void table() {
      db.exec("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT UNIQUE, age INTEGER)");
    }

    @Test
    void allReturnsRowsAsOrderedMaps() {
      db.prepare("INSERT INTO u (name, age) VALUES ('a', 1), ('b', 2)").run();
      D1Result<Map<String, Object>> r = db.prepare("SELECT * FROM u ORDER BY id").all();
      assertThat(r.success()).isTrue();
      assertThat(r.results()).hasSize(2);
      assertThat(r.results().get(0).keySet()).containsExactly("id", "name", "age");
      assertThat(r.meta().servedBy()).isEqualTo("d1-java.sqlite");
    }

    @Test
    void runReturnsRowsLikeAll() {
      D1Result<Map<String, Object>> r =
          db.prepare("INSERT INTO u (name, age) VALUES ('c', 3) RETURNING *").run();
      assertThat(r.results()).containsExactly(Map.of("id", 1L, "name", "c", "age", 3L));
    }

    @Test
    void writeWithoutReturningHasEmptyResults() {
      assertThat(db.prepare("INSERT INTO u (name) VALUES ('x')").all().results()).isEmpty();
    }

    @Test
    void rawWithColumnNamesOnWriteIsOneEmptyHeader() {
      assertThat(db.prepare("INSERT INTO u (name) VALUES ('x')").raw(true))
          .containsExactly(List.of());
    }

    @Test
    void rawWithColumnNamesOnEmptySelectIsHeaderOnly() {
      assertThat(db.prepare("SELECT * FROM u").raw(true))
          .containsExactly(List.of("id", "name", "age"));
      assertThat(db.prepare("SELECT * FROM u").raw()).isEmpty();
    }

    @Test
    void duplicateColumnsLastWinsInObjectsButRawKeepsAll() {
      D1PreparedStatement st = db.prepare("SELECT 1 AS c, 2 AS c");
      assertThat(st.first()).containsExactly(Map.entry("c", 2L));
      assertThat((Long) st.first("c")).isEqualTo(2L);
      assertThat(st.raw(true)).containsExactly(List.of("c", "c"), List.of(1L, 2L));
    }

    @Test
    void firstOnEmptyResultIsNullEvenForMissingColumn() {
      assertThat(db.prepare("SELECT * FROM u").first()).isNull();
      assertThat((Object) db.prepare("SELECT * FROM u").first("missing")).isNull();
    }

    @Test
    void firstWithMissingColumnThrows() {
      assertThatThrownBy(() -> db.prepare("SELECT 1 AS name").first("NAME"))
          .isInstanceOf(D1ColumnNotFoundException.class)
          .hasMessage("D1_COLUMN_NOTFOUND: Column not found (NAME)");
    }

    @Test
    void firstOnWriteRunsItAndReturnsNull() {
      assertThat(db.prepare("INSERT INTO u (name) VALUES ('w')").first()).isNull();
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM u").first("n")).isEqualTo(1L);
    }

    @Test
    void expressionColumnsAreNamedBySourceText() {
      assertThat(db.prepare("SELECT 1, count(*), 1+1 FROM u").first().keySet())
          .containsExactly("1", "count(*)", "1+1");
      assertThat(db.prepare("SELECT 1 -- c").first().keySet()).containsExactly("1 -- c");
    }
  }

  @Nested
  class Meta {

    @BeforeEach
    void table() {
      db.exec("CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT UNIQUE, age INTEGER)");
    }

    @Test
    void insertReportsChangesRowIdAndChangedDb() {
      D1Meta m = db.prepare("INSERT INTO u (name, age) VALUES ('a', 1)").run().meta();
      assertThat(m.changes()).isEqualTo(1);
      assertThat(m.lastRowId()).isEqualTo(1);
      assertThat(m.changedDb()).isTrue();
      assertThat(m.rowsWritten()).as("row + UNIQUE index entry, as Miniflare").isEqualTo(2);
      assertThat(m.rowsRead()).isZero();
      assertThat(m.sizeAfter()).isPositive().isEqualTo(m.sizeAfter() / 4096 * 4096);
    }

    @Test
    void insertReturningAndIndexCountsFollowSchemaChanges() {
      D1Result<Map<String, Object>> r =
          db.prepare("INSERT INTO u (name, age) VALUES ('c', 3) RETURNING *").run();
      assertThat(r.meta().rowsWritten()).isEqualTo(2);
      assertThat(r.meta().rowsRead()).isEqualTo(1);
      db.exec("CREATE INDEX u_age ON u (age)");
      assertThat(
              db.prepare("INSERT INTO main.u (name, age) VALUES ('d', 4), ('e', 5)")
                  .run()
                  .meta()
                  .rowsWritten())
          .isEqualTo(6);
      db.exec("DROP INDEX u_age");
      assertThat(db.prepare("REPLACE INTO u (name) VALUES ('f')").run().meta().rowsWritten())
          .isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"SELECT 1 AS x; SELECT 2 AS y", "PRAGMA quick_check", "PRAGMA table_list"})
    void readsOnAFreshDatabaseDoNotChangeIt(String sql) {
      try (D1SqliteDatabase fresh = D1Sqlite.inMemory()) {
        D1Meta m = fresh.prepare(sql).all().meta();
        assertThat(m.changedDb()).isFalse();
        assertThat(m.sizeAfter()).isEqualTo(4096);
      }
    }

    @Test
    void lastRowIdIsStickyAcrossSelects() {
      db.prepare("INSERT INTO u (name) VALUES ('a'), ('b')").run();
      D1Meta m = db.prepare("SELECT * FROM u").all().meta();
      assertThat(m.lastRowId()).isEqualTo(2);
      assertThat(m.changes()).isZero();
      assertThat(m.changedDb()).isFalse();
      assertThat(m.rowsRead()).isEqualTo(2);
      assertThat(m.rowsWritten()).isZero();
    }

    @Test
    void createTableChangesDbWithoutChanges() {
      D1Meta m = db.prepare("CREATE TABLE t2 (x)").run().meta();
      assertThat(m.changes()).isZero();
      assertThat(m.changedDb()).isTrue();
    }

    @Test
    void updateMatchingNothingDoesNotChangeDb() {
      D1Meta m = db.prepare("UPDATE u SET age = 1 WHERE id = -5").run().meta();
      assertThat(m.changes()).isZero();
      assertThat(m.changedDb()).isFalse();
    }

    @Test
    void deleteReadsTheRowsItVisitsAndWritesTheDeletedRows() {
      db.prepare("INSERT INTO u (name) VALUES ('a'), ('b'), ('c')").run();
      D1Meta m = db.prepare("DELETE FROM u WHERE id <= 2").run().meta();
      assertThat(m.changes()).isEqualTo(2);
      assertThat(m.rowsWritten()).isEqualTo(2);
      assertThat(m.rowsRead()).as("Rewind, then Next onto rows 2 and 3, as Miniflare").isEqualTo(3);
    }
  }

  @Nested
  class MultipleStatements {

    @Test
    void lastStatementsRowsAreReturned() {
      assertThat(db.prepare("SELECT 1 AS x; SELECT 2 AS y").all().results())
          .containsExactly(Map.of("y", 2L));
    }

    @Test
    void allStatementsRunAndChangesCoverAll() {
      db.exec("CREATE TABLE t (v)");
      D1Meta m = db.prepare("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)").run().meta();
      assertThat(m.changes()).isEqualTo(2);
      assertThat(m.rowsWritten()).isEqualTo(1);
    }

    @Test
    void onlyTheLastMayHaveParameters() {
      assertThat(error(() -> db.prepare("SELECT ?; SELECT 2").bind(1).all()))
          .isEqualTo(
              "D1_ERROR: When executing multiple SQL statements in a single call, only the last"
                  + " statement can have parameters.");
      assertThat((Long) db.prepare("SELECT 1; SELECT ? AS v").bind(5).first("v")).isEqualTo(5L);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT 1; -- trailing",
          ";",
          "\n;\n",
          "-- only a comment",
          "/* c */",
          "SELECT 1;;",
          "SELECT 1; ;",
          "SELECT 1; /* c */"
        })
    void commentOrEmptyStatementAfterTheLastIsNotAStatement(String sql) {
      assertThat(error(() -> db.prepare(sql).all()))
          .isEqualTo("D1_ERROR: SQL code did not contain a statement.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n  -- indented comment"})
    void emptySqlIsNoStatements(String sql) {
      assertThat(error(() -> db.prepare(sql).all()))
          .isEqualTo("D1_ERROR: No SQL statements detected.");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          ";SELECT 2 AS v",
          "SELECT 1; ; SELECT 2 AS v",
          "SELECT 1;;SELECT 2 AS v",
          "SELECT 1; /* c */ SELECT 2 AS v",
          "SELECT 1; -- c\nSELECT 2 AS v",
          "SELECT 2 AS v;\n\n  "
        })
    void emptyStatementsBeforeAStatementAreSkipped(String sql) {
      assertThat(db.prepare(sql).all().results()).containsExactly(Map.of("v", 2L));
    }

    @Test
    void leadingCommentAndTrailingSemicolonAreFine() {
      assertThat((Long) db.prepare("-- hello\nSELECT 1 AS v;  ").first("v")).isEqualTo(1L);
    }

    @Test
    void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
      Map<String, Object> row = db.prepare("SELECT 'a;b' AS \"x;y\", /* ; */ 2 AS [z;]").first();
      assertThat(row).containsEntry("x;y", "a;b").containsEntry("z;", 2L);
    }

    @Test
    void triggerBodiesAreOneStatement() {
      db.exec("CREATE TABLE t (v); CREATE TABLE log (v)");
      db.prepare(
              "CREATE TRIGGER tr AFTER INSERT ON t BEGIN"
                  + " INSERT INTO log VALUES (CASE WHEN new.v > 1 THEN 'big' ELSE 'small' END);"
                  + " INSERT INTO log VALUES ('again'); END; INSERT INTO t VALUES (2)")
          .run();
      assertThat(db.prepare("SELECT v FROM log ORDER BY rowid").raw())
          .containsExactly(List.of("big"), List.of("again"));
    }
  }

  @Nested
  class Errors {

    @Test
    void syntaxErrorHasOffsetAndCode() {
      assertThat(error(() -> db.prepare("SELEC 1").all()))
          .isEqualTo("D1_ERROR: near \"SELEC\": syntax error at offset 0: SQLITE_ERROR");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "SELECT 1 FROM t WHERE WHERE|near \"WHERE\": syntax error at offset 22: SQLITE_ERROR",
          "SELECT * FROM u u u|near \"u\": syntax error at offset 18: SQLITE_ERROR",
          "SELECT (|incomplete input: SQLITE_ERROR",
          "SELECT nofn(1), nofn(2)|no such function: nofn at offset 7: SQLITE_ERROR",
          "SELECT 'abc|unrecognized token: \"'abc\" at offset 7: SQLITE_ERROR",
          "SELECT x.y.z FROM t|no such column: x.y.z at offset 7: SQLITE_ERROR",
          "SELECT t.nope FROM t|no such column: t.nope at offset 7: SQLITE_ERROR",
          "SELECT nope, nope FROM t|no such column: nope at offset 7: SQLITE_ERROR",
          "INSERT INTO nope VALUES (1)|no such table: nope: SQLITE_ERROR",
          "CREATE TABLE t (x)|table t already exists at offset 13: SQLITE_ERROR",
          "SELECT v FROM t a, t b|ambiguous column name: v at offset 7: SQLITE_ERROR"
        })
    void errorOffsetsMatchMiniflare(String sql, String message) {
      db.exec("CREATE TABLE t (v)");
      assertThat(error(() -> db.prepare(sql).all())).isEqualTo("D1_ERROR: " + message);
    }

    @Test
    void tooManyVariablesPointsAtTheHundredAndFirst() {
      String sql = "SELECT " + String.join(",", java.util.Collections.nCopies(101, "?"));
      assertThat(error(() -> db.prepare(sql).all()))
          .isEqualTo("D1_ERROR: too many SQL variables at offset 207: SQLITE_ERROR");
    }

    @Test
    void tooManyFunctionArgumentsPointsAtTheFunction() {
      String sql = "SELECT max(" + String.join(",", java.util.Collections.nCopies(128, "1")) + ")";
      assertThat(error(() -> db.prepare(sql).all()))
          .isEqualTo("D1_ERROR: too many arguments on function max at offset 7: SQLITE_ERROR");
    }

    @Test
    void missingTableHasNoOffset() {
      assertThat(error(() -> db.prepare("SELECT * FROM nope").all()))
          .isEqualTo("D1_ERROR: no such table: nope: SQLITE_ERROR");
    }

    @Test
    void missingColumnHasOffset() {
      db.exec("CREATE TABLE t (v)");
      assertThat(error(() -> db.prepare("SELECT nope FROM t").all()))
          .isEqualTo("D1_ERROR: no such column: nope at offset 7: SQLITE_ERROR");
    }

    @Test
    void uniqueViolationHasExtendedCodeAndConstraintType() {
      db.exec("CREATE TABLE u (name TEXT UNIQUE)");
      db.prepare("INSERT INTO u VALUES ('a')").run();
      assertThatThrownBy(() -> db.prepare("INSERT INTO u VALUES ('a')").run())
          .isInstanceOf(D1ConstraintException.class)
          .hasMessage(
              "D1_ERROR: UNIQUE constraint failed: u.name: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_UNIQUE)")
          .hasRootCauseInstanceOf(java.sql.SQLException.class);
    }

    @Test
    void causeMessageIsTheTextWithoutPrefix() {
      D1Exception e =
          org.junit.jupiter.api.Assertions.assertThrows(
              D1Exception.class, () -> db.prepare("SELECT * FROM nope").all());
      assertThat(e.getCause()).hasMessage("no such table: nope: SQLITE_ERROR");
    }

    @Test
    void notNullViolation() {
      db.exec("CREATE TABLE nn (x NOT NULL)");
      assertThat(error(() -> db.prepare("INSERT INTO nn VALUES (NULL)").run()))
          .isEqualTo(
              "D1_ERROR: NOT NULL constraint failed: nn.x: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_NOTNULL)");
    }

    @Test
    void strictTypeViolation() {
      db.exec("CREATE TABLE st (i INTEGER) STRICT");
      assertThat(error(() -> db.prepare("INSERT INTO st VALUES ('x')").run()))
          .isEqualTo(
              "D1_ERROR: cannot store TEXT value in INTEGER column st.i: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_DATATYPE)");
    }

    @Test
    void failedStatementLeavesNothingBehind() {
      db.exec("CREATE TABLE t (v UNIQUE)");
      error(() -> db.prepare("INSERT INTO t VALUES (1); INSERT INTO t VALUES (1)").run());
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM t").first("n")).isZero();
    }
  }
}
