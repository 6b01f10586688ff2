package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ExecException;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1SqlException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteConnection;

/**
 * D1's rules as classes of statements, each answer checked against Miniflare 4.20260730 (the
 * conformance cases {@code 16-bypass-*} hold the same statements). Every refusal leaves the
 * database as it was: rows, schema, foreign keys on, {@code PRAGMA integrity_check} ok.
 */
class D1SqliteRulesTest {

  private static final String NOT_AUTHORIZED = "D1_ERROR: not authorized: SQLITE_AUTH";

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.inMemory();
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)\nINSERT INTO t VALUES (1, 'a')");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void assertRefused(String sql, String message) {
    List<Object> schema =
        db.prepare("SELECT group_concat(name) AS n FROM sqlite_schema").raw().get(0);
    assertThatThrownBy(() -> db.prepare(sql).run())
        .isInstanceOf(D1SqlException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> db.exec(sql)).isInstanceOf(D1ExecException.class);
    assertThatThrownBy(
            () -> db.batch(db.prepare("INSERT INTO t (v) VALUES ('b')"), db.prepare(sql)))
        .isInstanceOf(D1SqlException.class)
        .hasMessage(message);
    assertUnchanged();
    assertThat(db.prepare("SELECT group_concat(name) AS n FROM sqlite_schema").raw().get(0))
        .isEqualTo(schema);
  }

  private void assertUnchanged() {
    assertThat(db.prepare("SELECT id, v FROM t").raw()).containsExactly(List.of(1L, "a"));
    assertThat((Long) db.prepare("PRAGMA foreign_keys").first("foreign_keys")).isEqualTo(1L);
    assertThat(integrityCheck()).isEqualTo("ok");
  }

  /** PRAGMA integrity_check is not allowed through D1, so it runs on a copy of the file image. */
  private String integrityCheck() {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement st = c.createStatement()) {
      ((SQLiteConnection) c).deserialize("main", db.dump());
      try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Nested
  class Functions {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "SELECT \"sqlite_version\"() AS x|sqlite_version",
          "SELECT [sqlite_version]() AS x|sqlite_version",
          "SELECT `sqlite_source_id`() AS x|sqlite_source_id",
          "SELECT \"SQLite_Version\"() AS x|SQLite_Version",
          "SELECT sqlite_version /* c */ () AS x|sqlite_version",
          "SELECT json_pretty('[1]') AS x|json_pretty",
          "SELECT json_error_position('[1') AS x|json_error_position",
          "SELECT subtype(1) AS x|subtype",
          "SELECT ceiling(1.5) AS x|ceiling",
          "SELECT power(2, 3) AS x|power",
          "SELECT log10(100) AS x|log10",
          "SELECT fts5_source_id() AS x|fts5_source_id"
        })
    void thatD1HasButDoesNotAllowAreNotAuthorized(String sql, String name) {
      assertRefused(
          sql, "D1_ERROR: not authorized to use function: " + name + " at offset 7: SQLITE_ERROR");
    }

    @Test
    void deniedInsideAnUpdateChangesNothing() {
      assertRefused(
          "UPDATE t SET v = `sqlite_version`()",
          "D1_ERROR: not authorized to use function: sqlite_version at offset 17: SQLITE_ERROR");
    }

    @Test
    void deniedInsideASubqueryOrCteIsFound() {
      assertRefused(
          "SELECT (SELECT \"sqlite_version\"()) AS x",
          "D1_ERROR: not authorized to use function: sqlite_version at offset 15: SQLITE_ERROR");
      assertRefused(
          "WITH c AS (SELECT [sqlite_source_id]() AS s) SELECT s FROM c",
          "D1_ERROR: not authorized to use function: sqlite_source_id at offset 18: SQLITE_ERROR");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "replicate('a', 3)",
          "reverse('abc')",
          "padl('a', 3)",
          "padr('a', 3)",
          "padc('a', 3)",
          "proper('ab')",
          "charindex('b', 'abc')",
          "leftstr('abc', 1)",
          "rightstr('abc', 1)",
          "strfilter('abc', 'b')",
          "difference('a', 'b')",
          "square(2)",
          "cot(1)",
          "coth(1)",
          "atn2(1, 2)",
          "fts3_tokenizer('simple')",
          "rtreenode(2, x'00')",
          "rtreedepth(x'00')",
          "rtreecheck('t')",
          "stdev(1)",
          "variance(1)",
          "mode(1)",
          "median(1)",
          "lower_quartile(1)",
          "upper_quartile(1)",
          "\"reverse\"('abc')",
          "[replicate]('a', 2)",
          "REVERSE('abc')"
        })
    void thatOnlySqliteJdbcHasDoNotExist(String call) {
      String written = call.substring(0, call.indexOf('(')).replaceAll("[\"\\[\\]]", "");
      assertRefused(
          "SELECT " + call + " AS x",
          "D1_ERROR: no such function: " + written + " at offset 7: SQLITE_ERROR");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "SELECT if(1, 2, 3) AS x|D1_ERROR: no such function: if at offset 7: SQLITE_ERROR",
          "SELECT unistr('a') AS x|D1_ERROR: no such function: unistr at offset 7: SQLITE_ERROR",
          "SELECT percentile(1, 50) AS x|"
              + "D1_ERROR: no such function: percentile at offset 7: SQLITE_ERROR",
          "SELECT iif(1, 2, 3, 4, 5) AS x|"
              + "D1_ERROR: wrong number of arguments to function iif() at offset 7: SQLITE_ERROR"
        })
    void ofLaterSqliteVersionsDoNotExist(String sql, String message) {
      assertRefused(sql, message);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT 1 AS sqlite_version, 2 AS \"reverse\"",
          "SELECT 'sqlite_version()' AS s, 'reverse(1)' AS r",
          "SELECT CAST(1 AS reverse(5)) AS x",
          "WITH reverse(a) AS (SELECT 1) SELECT a FROM reverse",
          "WITH c AS (SELECT 1 AS a), reverse(b) AS (SELECT 2) SELECT a, b FROM c, reverse",
          "SELECT iif(1, 2, 3) AS x, unhex('41') AS u, concat_ws(',', 'a', 'b') AS c",
          "SELECT octet_length('ab') AS o, timediff('2024-01-02', '2024-01-01') AS d"
        })
    void namesThatAreNotCallsOrThatD1HasRun(String sql) {
      assertThat(db.prepare(sql).all().success()).isTrue();
    }

    @Test
    void asTableAndColumnTypeNamesAreNotCalls() {
      db.exec("CREATE TABLE reverse (a padl(10), b replicate(1, 2))");
      db.prepare("INSERT INTO reverse(a, b) VALUES (1, 2)").run();
      db.exec("CREATE INDEX ri ON reverse(a)");
      assertThat(db.prepare("SELECT a FROM reverse").raw()).containsExactly(List.of(1L));
    }

    @Test
    void inViewAndTriggerBodiesAreNotCheckedWhenCreated() {
      db.exec("CREATE VIEW vv AS SELECT sqlite_version() AS x");
      db.exec("CREATE TABLE c (a TEXT DEFAULT (sqlite_version()))");
      db.exec(
          "CREATE TRIGGER tr AFTER DELETE ON t WHEN sqlite_version() <> ''"
              + " BEGIN SELECT reverse('x'); END");
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM sqlite_schema").first("n"))
          .isEqualTo(4L);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "CREATE TABLE c (a TEXT CHECK (a <> sqlite_version()))",
          "CREATE TABLE c (a TEXT, b TEXT AS (sqlite_version()))",
          "CREATE INDEX ix ON t (sqlite_version())",
          "CREATE INDEX ix ON t (v) WHERE sqlite_version() <> ''"
        })
    void inSchemaExpressionsD1ResolvesAreRefusedWhenCreated(String sql) {
      assertThatThrownBy(() -> db.prepare(sql).run())
          .hasMessageStartingWith("D1_ERROR: not authorized to use function: sqlite_version at");
      assertUnchanged();
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM sqlite_schema").first("n"))
          .isEqualTo(1L);
    }
  }

  @Nested
  class Pragmas {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "PRAGMA FOREIGN_KEYS",
          "PRAGMA Foreign_Keys = OFF",
          "PRAGMA Table_Info(t)",
          "PRAGMA TABLE_LIST",
          "PRAGMA foreign_keys = 2",
          "PRAGMA foreign_keys = -1",
          "PRAGMA optimize(t)",
          "PRAGMA writable_schema = 1",
          "PRAGMA WRITABLE_SCHEMA = ON",
          "PRAGMA trusted_schema = 1",
          "PRAGMA temp.foreign_keys",
          "PRAGMA quick_check('_cf_x')",
          "PRAGMA page_size"
        })
    void outsideD1sRulesAreNotAuthorized(String sql) {
      assertRefused(sql, NOT_AUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "PRAGMA \"foreign_keys\"",
          "PRAGMA [foreign_keys]",
          "PRAGMA `table_info`(t)",
          "PRAGMA MAIN.table_list",
          "PRAGMA foreign_keys = 10",
          "PRAGMA recursive_triggers = TRUEst",
          "PRAGMA case_sensitive_like = offx",
          "PRAGMA optimize = 0x10002",
          "PRAGMA quick_check(-1)"
        })
    void thatD1sPrefixAndQuotingRulesAcceptRun(String sql) {
      assertThat(db.prepare(sql).all().success()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT * FROM pragma_database_list",
          "SELECT * FROM \"pragma_database_list\"",
          "SELECT * FROM [pragma_function_list]",
          "SELECT * FROM PRAGMA_DATABASE_LIST",
          "SELECT * FROM main.pragma_module_list",
          "SELECT * FROM pragma_compile_options()",
          "SELECT * FROM pragma_integrity_check",
          "SELECT * FROM pragma_page_count",
          "SELECT * FROM pragma_writable_schema",
          "SELECT * FROM pragma_table_info",
          "SELECT * FROM pragma_table_info('_cf_METADATA')",
          "SELECT t.id FROM t, pragma_function_list f",
          "SELECT t.id FROM t JOIN pragma_database_list d",
          "SELECT id FROM t WHERE id IN (SELECT seq FROM pragma_database_list)",
          "SELECT EXISTS (SELECT 1 FROM \"pragma_module_list\") AS e"
        })
    void asTablesOutsideTheAllowListAreNotAuthorized(String sql) {
      assertRefused(sql, NOT_AUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT name FROM pragma_table_info WHERE arg = 't'",
          "SELECT name FROM pragma_table_info AS p WHERE 't' = p.arg",
          "SELECT name FROM pragma_table_info p WHERE p.arg IN ('t', 'u')",
          "SELECT name FROM pragma_table_info WHERE pragma_table_info.arg = 't'",
          "SELECT name FROM pragma_table_info AS p WHERE p.arg = (SELECT 't')",
          "SELECT t.v, p.name FROM t JOIN pragma_table_info AS p ON p.arg = 't'"
        })
    void withoutParenthesesTakeTheirArgumentFromAnArgConstraint(String sql) {
      assertThat(db.prepare(sql).raw())
          .containsExactlyInAnyOrderElementsOf(
              sql.startsWith("SELECT t.v")
                  ? List.of(List.of("a", "id"), List.of("a", "v"))
                  : List.of(List.of("id"), List.of("v")));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT name FROM pragma_table_info AS p WHERE p.arg = '_cf_METADATA'",
          "SELECT name FROM pragma_table_info AS p WHERE p.arg IN ('t', '_cf_KV')",
          "SELECT name FROM pragma_table_info AS p WHERE p.arg LIKE 't'",
          "SELECT name FROM pragma_table_info AS p WHERE p.name = 't'"
        })
    void withoutParenthesesAndNoAllowedArgConstraintAreNotAuthorized(String sql) {
      assertRefused(sql, NOT_AUTHORIZED);
    }

    @Test
    void withoutAnArgColumnFailWithSqlitesNoSuchColumn() {
      assertRefused(
          "SELECT * FROM pragma_database_list AS d WHERE d.arg = 'x'",
          "D1_ERROR: no such column: d.arg at offset 46: SQLITE_ERROR");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT * FROM pragma_table_list",
          "SELECT * FROM \"pragma_table_list\"()",
          "SELECT * FROM PRAGMA_FOREIGN_KEYS",
          "SELECT * FROM pragma_table_info('t')",
          "SELECT * FROM PRAGMA_TABLE_XINFO('t')",
          "SELECT * FROM pragma_index_list(?)",
          "SELECT * FROM pragma_quick_check"
        })
    void asTablesOnTheAllowListRun(String sql) {
      D1PreparedStatement st = db.prepare(sql);
      assertThat((sql.contains("?") ? st.bind("t") : st).all().success()).isTrue();
    }
  }

  @Nested
  class Names {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "CREATE TABLE _cf_x (a)",
          "CREATE TABLE \"_CF_KV2\" (a)",
          "CREATE TABLE [_cf_x] (a)",
          "CREATE TABLE main.`_cf_x` (a)",
          "CREATE TABLE IF NOT EXISTS _cf_x (a)",
          "CREATE TABLE _cf_x AS SELECT 1 AS a",
          "CREATE INDEX \"_cf_i\" ON t (v)",
          "CREATE VIEW [_cf_v] AS SELECT 1",
          "CREATE TRIGGER _cf_tr AFTER INSERT ON t BEGIN SELECT 1; END",
          "CREATE VIRTUAL TABLE _cf_f USING fts5 (a)",
          "ALTER TABLE t RENAME TO \"_CF_X\"",
          "SELECT * FROM _cf_METADATA",
          "SELECT * FROM t, \"_cf_METADATA\" m",
          "SELECT * FROM (_cf_METADATA)",
          "SELECT id FROM t WHERE v IN (SELECT key FROM [_cf_metadata])",
          "SELECT * FROM t WHERE v IN main._cf_METADATA",
          "DELETE FROM _cf_METADATA"
        })
    void reservedForD1AreNotAuthorized(String sql) {
      assertRefused(sql, NOT_AUTHORIZED);
    }

    @Test
    void anFts5TableWhoseShadowTablesWouldBeReservedIsRefusedAsByFts5() {
      assertRefused(
          "CREATE VIRTUAL TABLE \"_CF\" USING fts5 (a)",
          "D1_ERROR: fts5: error creating shadow table _CF_data: not authorized: SQLITE_AUTH");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT * FROM _cf_nope",
          "INSERT INTO \"_cf_x\" VALUES (1)",
          "DROP TABLE _cf_x",
          "ALTER TABLE _cf_x RENAME TO y"
        })
    void reservedThatDoNotExistAreMissingAsInD1(String sql) {
      assertThatThrownBy(() -> db.prepare(sql).run())
          .hasMessageStartingWith("D1_ERROR: no such table: _cf_");
      assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ALTER TABLE t RENAME COLUMN v TO _cf_v",
          "ALTER TABLE t ADD COLUMN _cf_c TEXT",
          "DROP TABLE IF EXISTS _cf_x",
          "SELECT _cf_a.id FROM t AS _cf_a",
          "SELECT _cf_a.id FROM t _cf_a",
          "WITH _cf_c AS (SELECT 1 AS a) SELECT a FROM _cf_c",
          "SELECT 1 AS \"_cf_METADATA\"",
          "CREATE VIRTUAL TABLE _cf USING fts5vocab (t, row)",
          "CREATE VIRTUAL TABLE f USING fts5 (a, content='_cf_METADATA')",
          "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO _cf_x VALUES (1); END"
        })
    void reservedOnlyWhereD1ChecksThemRun(String sql) {
      assertThat(db.prepare(sql).all().success()).isTrue();
    }
  }

  @Nested
  class TempAndModules {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "CREATE TABLE temp.x (a)",
          "CREATE TABLE \"temp\".x (a)",
          "CREATE TABLE [TEMP].x (a)",
          "CREATE TABLE `temp`.t (id, v)",
          "CREATE VIEW temp.x AS SELECT 1",
          "CREATE TRIGGER temp.tr AFTER INSERT ON t BEGIN DELETE FROM t; END",
          "CREATE TRIGGER \"temp\".tr AFTER INSERT ON main.t BEGIN DELETE FROM t; END",
          "CREATE TEMPORARY TRIGGER tr BEFORE DELETE ON t BEGIN SELECT 1; END",
          "CREATE VIRTUAL TABLE temp.f USING fts5 (a)",
          "CREATE VIRTUAL TABLE r USING rtree (id, a, b)",
          "CREATE VIRTUAL TABLE r USING \"rtree_i32\" (id, a, b)",
          "CREATE VIRTUAL TABLE r USING RTREE (id, a, b)",
          "CREATE VIRTUAL TABLE r USING fts3 (a)",
          "CREATE VIRTUAL TABLE r USING fts4 (a)",
          "CREATE VIRTUAL TABLE r USING dbstat",
          "CREATE VIRTUAL TABLE r USING json_each"
        })
    void tempObjectsAndModulesD1LacksAreNotAuthorized(String sql) {
      assertRefused(sql, NOT_AUTHORIZED);
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM sqlite_temp_master").first("n"))
          .isEqualTo(0L);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "CREATE VIRTUAL TABLE x USING fts5(a, content=_cf_METADATA)",
          "CREATE VIRTUAL TABLE x USING fts5(a, content=\"_cf_KV\")",
          "CREATE VIRTUAL TABLE x USING fts5(sqlite_version)",
          "CREATE VIRTUAL TABLE x USING fts5vocab(_cf_METADATA, 'row')"
        })
    void moduleArgumentsAreTheModulesTextNotSqlTheRulesSee(String sql) {
      db.prepare(sql).run();
      assertThat(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'x'").raw())
          .containsExactly(List.of("x"));
    }

    @Test
    void aTempTriggerCannotWipeAMainTableOnTheNextInsert() {
      assertThatThrownBy(
              () -> db.exec("CREATE TEMP TRIGGER w AFTER INSERT ON t BEGIN DELETE FROM t; END"))
          .isInstanceOf(D1ExecException.class)
          .hasMessageEndingWith(": not authorized: SQLITE_AUTH");
      db.prepare("INSERT INTO t VALUES (2, 'b')").run();
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM t").first("n")).isEqualTo(2L);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "CREATE VIRTUAL TABLE f USING FTS5 (a)",
          "CREATE VIRTUAL TABLE f USING \"fts5\" (a)",
          "CREATE VIRTUAL TABLE IF NOT EXISTS main.f USING fts5 (a)"
        })
    void fts5InAnySpellingRuns(String sql) {
      db.prepare(sql).run();
      db.prepare("INSERT INTO f (a) VALUES ('hello world')").run();
      assertThat(
              (String)
                  db.prepare("SELECT highlight(f, 0, '[', ']') AS h FROM f WHERE f MATCH 'world'")
                      .first("h"))
          .isEqualTo("hello [world]");
    }
  }

  @Nested
  class SchemaObjects {

    @Test
    void aViewCallingADeniedFunctionFailsWhenUsedAsInD1() {
      db.exec("CREATE VIEW vv AS SELECT \"sqlite_version\"() AS x");
      db.exec("CREATE VIEW outer_v AS SELECT * FROM vv");
      String message = "D1_ERROR: not authorized to use function: sqlite_version: SQLITE_ERROR";
      assertThatThrownBy(() -> db.prepare("SELECT count(*) AS n FROM vv").all())
          .hasMessage(message);
      assertThatThrownBy(() -> db.prepare("SELECT * FROM t, [outer_v]").all()).hasMessage(message);
      assertThatThrownBy(() -> db.exec("SELECT * FROM vv")).isInstanceOf(D1ExecException.class);
      db.exec("DROP VIEW outer_v");
      assertUnchanged();
    }

    @Test
    void aViewOverADeniedPragmaOrAMissingFunctionFailsWhenUsed() {
      db.exec("CREATE VIEW pv AS SELECT * FROM pragma_database_list");
      db.exec("CREATE VIEW rv AS SELECT reverse('ab') AS x");
      assertThatThrownBy(() -> db.prepare("SELECT * FROM pv").all()).hasMessage(NOT_AUTHORIZED);
      assertThatThrownBy(() -> db.prepare("SELECT * FROM rv").all())
          .hasMessage("D1_ERROR: no such function: reverse: SQLITE_ERROR");
    }

    @Test
    void aTriggerCallingADeniedFunctionFailsTheWriteThatFiresItAndChangesNothing() {
      db.exec(
          "CREATE TRIGGER tr AFTER INSERT ON t WHEN sqlite_version() <> ''"
              + " BEGIN DELETE FROM t; END");
      assertThatThrownBy(() -> db.prepare("INSERT INTO t (v) VALUES ('b')").run())
          .hasMessage("D1_ERROR: not authorized to use function: sqlite_version: SQLITE_ERROR");
      assertThatThrownBy(
              () ->
                  db.batch(
                      db.prepare("UPDATE t SET v = 'c'"),
                      db.prepare("INSERT INTO t DEFAULT VALUES")))
          .isInstanceOf(D1SqlException.class);
      assertUnchanged();
      // other events and reads of the table are not affected
      db.prepare("UPDATE t SET v = 'a' WHERE id = 1").run();
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM t").first("n")).isEqualTo(1L);
    }

    @Test
    void aTriggerUsingAFunctionOnlySqliteJdbcHasFailsItsWrite() {
      db.exec("CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET v = reverse(v); END");
      assertThatThrownBy(() -> db.prepare("UPDATE t SET v = 'ab'").run())
          .hasMessage("D1_ERROR: no such function: reverse: SQLITE_ERROR");
      assertUnchanged();
    }

    @Test
    void fts5ShadowTablesAreReadOnly() {
      db.exec("CREATE VIRTUAL TABLE f USING fts5 (a)");
      db.prepare("INSERT INTO f (a) VALUES ('x')").run();
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM f_config").first("n")).isPositive();
      assertThatThrownBy(() -> db.prepare("DELETE FROM f_data").run())
          .hasMessage("D1_ERROR: table f_data may not be modified: SQLITE_ERROR");
      assertThatThrownBy(() -> db.prepare("INSERT INTO \"F_config\" VALUES ('k', 1)").run())
          .hasMessage("D1_ERROR: table f_config may not be modified: SQLITE_ERROR");
      assertThatThrownBy(() -> db.prepare("DROP TABLE f_idx").run())
          .hasMessage("D1_ERROR: table f_idx may not be dropped: SQLITE_ERROR");
      assertThat((String) db.prepare("SELECT a FROM f WHERE f MATCH 'x'").first("a"))
          .isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "SELECT * FROM dbstat",
          "SELECT * FROM dbstat('main')",
          "SELECT count(*) AS n FROM t, \"dbstat\"",
          "SELECT * FROM main.fts3tokenize"
        })
    void eponymousTablesD1LacksAreMissing(String sql) {
      String name = sql.contains("dbstat") ? "dbstat" : "fts3tokenize";
      assertThatThrownBy(() -> db.prepare(sql).all())
          .hasMessage("D1_ERROR: no such table: " + name + ": SQLITE_ERROR");
    }

    @Test
    void aUserTableNamedDbstatIsReadable() {
      db.exec("CREATE TABLE dbstat (a)\nINSERT INTO dbstat VALUES (1)");
      assertThat(db.prepare("SELECT a FROM dbstat").raw()).containsExactly(List.of(1L));
    }

    @Test
    void aRolledBackDropOfARefusedViewKeepsItRefused() {
      db.exec("CREATE VIEW vv AS SELECT sqlite_version() AS x");
      assertThatThrownBy(
              () -> db.batch(db.prepare("DROP VIEW vv"), db.prepare("SELECT nope FROM t")))
          .isInstanceOf(D1SqlException.class);
      assertThatThrownBy(() -> db.prepare("SELECT * FROM vv").all())
          .hasMessage("D1_ERROR: not authorized to use function: sqlite_version: SQLITE_ERROR");
    }
  }

  @Nested
  class Statistics {

    @Test
    void analyzeLeavesSqliteStat1AndNoStat4AsD1HasNone() {
      db.exec("CREATE INDEX t_v ON t (v)");
      for (String analyze : List.of("ANALYZE", "ANALYZE t", "PRAGMA optimize")) {
        db.prepare(analyze).run();
        assertThat(
                db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'sqlite_stat%'").raw())
            .as(analyze)
            .containsExactly(List.of("sqlite_stat1"));
      }
      db.batch(db.prepare("ANALYZE"), db.prepare("SELECT 1"));
      db.exec("ANALYZE");
      db.executeScript(List.of("ANALYZE; SELECT 1"));
      assertThat(db.prepare("SELECT tbl, idx FROM sqlite_stat1").raw())
          .containsExactly(List.of("t", "t_v"));
      assertThatThrownBy(() -> db.prepare("SELECT * FROM sqlite_stat4").all())
          .hasMessageStartingWith("D1_ERROR: no such table: sqlite_stat4");
      assertUnchanged();
    }
  }

  @Nested
  class Errors {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "SELECT abs(1, 2) AS x|"
              + "D1_ERROR: wrong number of arguments to function abs() at offset 7: SQLITE_ERROR",
          "SELECT count(count(1)) AS x|"
              + "D1_ERROR: misuse of aggregate function count() at offset 13: SQLITE_ERROR",
          "SELECT 0x1ffffffffffffffffff AS x|"
              + "D1_ERROR: hex literal too big: 0x1ffffffffffffffffff at offset 7: SQLITE_ERROR",
          "ALTER TABLE t RENAME COLUMN nope TO z|"
              + "D1_ERROR: no such column: \"nope\" at offset 28: SQLITE_ERROR",
          "SELECT 'a' = 'b' COLLATE nope AS x|D1_ERROR: no such collation sequence: nope:"
              + " SQLITE_ERROR (extended: SQLITE_ERROR_MISSING_COLLSEQ)",
          "CREATE INDEX t_x ON t (id, abs(randomblob(2)))|D1_ERROR: non-deterministic functions"
              + " prohibited in index expressions at offset 31: SQLITE_ERROR",
          "CREATE INDEX t_x ON t (id) WHERE v > random()|D1_ERROR: non-deterministic functions"
              + " prohibited in partial index WHERE clauses at offset 37: SQLITE_ERROR",
          "CREATE INDEX t_x ON t (CURRENT_TIME)|D1_ERROR: non-deterministic functions"
              + " prohibited in index expressions at offset 23: SQLITE_ERROR",
          "CREATE TABLE u (a, b AS (a + changes()))|D1_ERROR: non-deterministic functions"
              + " prohibited in generated columns at offset 29: SQLITE_ERROR",
          "CREATE INDEX t_x ON t (id) WHERE v = ?|D1_ERROR: parameters prohibited in partial index"
              + " WHERE clauses at offset 37: SQLITE_ERROR",
          "CREATE INDEX t_x ON t ((SELECT 1))|D1_ERROR: subqueries prohibited in index"
              + " expressions: SQLITE_ERROR",
          "CREATE INDEX t_x ON t (id) WHERE v = 'a' AND -id NOT IN (SELECT 1)|D1_ERROR:"
              + " subqueries prohibited in partial index WHERE clauses at offset 46: SQLITE_ERROR",
          "CREATE INDEX t_x ON t (id) WHERE abs(t.id) * 2 IN (SELECT 1)|D1_ERROR:"
              + " subqueries prohibited in partial index WHERE clauses at offset 33: SQLITE_ERROR",
          "CREATE INDEX t_x ON t (id) WHERE EXISTS (SELECT 1)|D1_ERROR: subqueries prohibited in"
              + " partial index WHERE clauses: SQLITE_ERROR"
        })
    void carryMiniflaresOffsetAndExtendedCode(String sql, String message) {
      assertThatThrownBy(() -> db.prepare(sql).run()).hasMessage(message);
      assertUnchanged();
    }
  }
}
