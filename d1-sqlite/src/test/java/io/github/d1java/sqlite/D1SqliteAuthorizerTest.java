package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class D1SqliteAuthorizerTest {

  D1SqliteDatabase db;

  @BeforeEach
  void open() {
    db = D1Sqlite.inMemory();
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Nested
  class Denied {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "ATTACH 'x.db' AS x",
          "DETACH x",
          "CREATE TEMP TABLE tt (x)",
          "CREATE TEMPORARY VIEW tv AS SELECT 1",
          "CREATE TABLE _cf_x (a)",
          "CREATE TABLE \"_CF_KV\" (a)",
          "SELECT * FROM _cf_METADATA",
          "CREATE INDEX _cf_i ON t (v)",
          "ALTER TABLE t RENAME TO _cf_t",
          "CREATE VIRTUAL TABLE vt USING dbstat",
          "PRAGMA journal_mode",
          "PRAGMA journal_mode = DELETE",
          "PRAGMA user_version",
          "PRAGMA cache_size = 10",
          "PRAGMA page_size = 8192",
          "PRAGMA page_size",
          "PRAGMA foreign_keys = maybe",
          "PRAGMA table_info",
          "PRAGMA index_info",
          "PRAGMA integrity_check",
          "PRAGMA data_version = 5",
          "PRAGMA table_info(_cf_x)",
          "CREATE VIRTUAL TABLE rt USING rtree(id, x0, x1)",
          "CREATE TEMP TRIGGER tt AFTER INSERT ON t BEGIN SELECT 1; END",
          "EXPLAIN CREATE TEMP TABLE x (a)",
          "PRAGMA temp.table_info(t)",
          "SELECT * FROM pragma_journal_mode()"
        })
    void isNotAuthorized(String sql) {
      assertThatThrownBy(() -> db.prepare(sql).run())
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: not authorized: SQLITE_AUTH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite_version", "sqlite_source_id", "SQLITE_COMPILEOPTION_USED"})
    void functionOutsideTheAllowListIsRejectedWithOffset(String fn) {
      // SQLite names the function as written
      assertThatThrownBy(() -> db.prepare("SELECT " + fn + "('x')").all())
          .hasMessage(
              "D1_ERROR: not authorized to use function: " + fn + " at offset 7: SQLITE_ERROR");
    }

    @Test
    void loadExtensionFails() {
      assertThatThrownBy(() -> db.prepare("SELECT load_extension('x')").all())
          .hasMessage("D1_ERROR: not authorized: SQLITE_ERROR");
    }
  }

  @Nested
  class Allowed {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "PRAGMA table_list",
          "PRAGMA table_info(t)",
          "PRAGMA main.table_info('t')",
          "PRAGMA table_xinfo(t)",
          "PRAGMA index_list(t)",
          "PRAGMA foreign_key_list(t)",
          "PRAGMA foreign_key_check",
          "PRAGMA foreign_key_check(t)",
          "PRAGMA quick_check",
          "PRAGMA optimize",
          "PRAGMA data_version",
          "PRAGMA case_sensitive_like = 'on'",
          "PRAGMA recursive_triggers = true",
          "PRAGMA defer_foreign_keys = 1",
          "PRAGMA foreign_keys",
          "SELECT * FROM pragma_table_info('t')",
          "SELECT name FROM sqlite_master",
          "SELECT name FROM sqlite_schema",
          "SELECT '_cf_x' AS s, 'sqlite_version()' AS f",
          "SELECT 1 AS _cf_x",
          "PRAGMA foreign_keys = 'off'",
          "PRAGMA optimize(0x02)",
          "PRAGMA quick_check(5)",
          "PRAGMA table_list(t)",
          "REINDEX",
          "WITH x(v) AS (SELECT 'z') INSERT INTO t (v) SELECT v FROM x",
          "SELECT json_extract('{\"a\":1}', '$.a') AS j",
          "CREATE VIRTUAL TABLE ft USING fts5(body)",
          "DROP TABLE IF EXISTS _cf_x",
          "ANALYZE",
          "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c"
        })
    void runs(String sql) {
      assertThat(db.prepare(sql).all().success()).isTrue();
    }

    @Test
    void sqliteMasterIsReadableAndHasNoInternalTables() {
      assertThat(db.prepare("SELECT name FROM sqlite_master").raw()).containsExactly(List.of("t"));
    }
  }

  @Nested
  class ForeignKeys {

    @BeforeEach
    void schema() {
      db.exec(
          "CREATE TABLE parent (id INTEGER PRIMARY KEY)\n"
              + "CREATE TABLE child (id INTEGER PRIMARY KEY,"
              + " pid INTEGER REFERENCES parent(id) ON DELETE CASCADE)");
    }

    @Test
    void areOnByDefault() {
      assertThat(db.prepare("PRAGMA foreign_keys").first()).isEqualTo(Map.of("foreign_keys", 1L));
      assertThatThrownBy(() -> db.prepare("INSERT INTO child (pid) VALUES (5)").run())
          .hasMessage(
              "D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT"
                  + " (extended: SQLITE_CONSTRAINT_FOREIGNKEY)");
    }

    @Test
    void cannotBeTurnedOff() {
      db.prepare("PRAGMA foreign_keys = off").run();
      assertThat((Long) db.prepare("PRAGMA foreign_keys").first("foreign_keys")).isEqualTo(1L);
      assertThatThrownBy(() -> db.prepare("INSERT INTO child (pid) VALUES (5)").run())
          .hasMessageContaining("FOREIGN KEY constraint failed");
    }

    @Test
    void deferLastsForTheBatchAndAllowsOutOfOrderInserts() {
      db.batch(
          db.prepare("PRAGMA defer_foreign_keys = on"),
          db.prepare("INSERT INTO child (id, pid) VALUES (1, 5)"),
          db.prepare("INSERT INTO parent (id) VALUES (5)"));
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM child").first("n")).isEqualTo(1L);
      assertThatThrownBy(() -> db.prepare("INSERT INTO child (pid) VALUES (6)").run())
          .hasMessageContaining("FOREIGN KEY constraint failed");
    }

    @Test
    void deferredViolationFailsAtCommitAndRollsBack() {
      assertThatThrownBy(
              () ->
                  db.batch(
                      db.prepare("PRAGMA defer_foreign_keys = on"),
                      db.prepare("INSERT INTO parent (id) VALUES (1)"),
                      db.prepare("INSERT INTO child (id, pid) VALUES (1, 7)")))
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT");
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM parent").first("n")).isZero();
    }

    @Test
    void cascadeStillFires() {
      db.exec("INSERT INTO parent VALUES (1)\nINSERT INTO child (pid) VALUES (1)");
      assertThat(db.prepare("DELETE FROM parent").run().meta().changes()).isEqualTo(2);
      assertThat((Long) db.prepare("SELECT count(*) AS n FROM child").first("n")).isZero();
    }
  }
}
