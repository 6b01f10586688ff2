package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1SqlException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code executeScript} applies D1's rules that depend on the schema to objects the script itself
 * makes, and reports SQLite's error for a statement it cannot bind, as {@code batch} does.
 */
class D1SqliteScriptRulesTest {

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

  private List<List<Object>> rows() {
    return db.prepare("SELECT id, v FROM t ORDER BY id").raw();
  }

  @Test
  void aTriggerTheScriptMakesAndFiresIsRefusedAndRolledBack() {
    assertThatThrownBy(
            () ->
                db.executeScript(
                    List.of(
                        "CREATE TRIGGER trg AFTER INSERT ON t BEGIN INSERT INTO t (v) SELECT name"
                            + " FROM pragma_database_list; END;",
                        "INSERT INTO t (v) VALUES ('x');")))
        .isInstanceOf(D1SqlException.class)
        .hasMessage("D1_ERROR: not authorized: SQLITE_AUTH");
    assertThat(rows()).containsExactly(List.of(1L, "a"));
    assertThat(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'trigger'").raw())
        .containsExactly(List.of(0L));
  }

  @Test
  void aViewTheScriptMakesAndReadsIsRefused() {
    assertThatThrownBy(
            () ->
                db.executeScript(
                    List.of(
                        "CREATE VIEW vv AS SELECT sqlite_version() AS s;",
                        "INSERT INTO t (v) SELECT s FROM vv;")))
        .isInstanceOf(D1SqlException.class)
        .hasMessage("D1_ERROR: not authorized to use function: sqlite_version: SQLITE_ERROR");
    assertThat(rows()).containsExactly(List.of(1L, "a"));
  }

  @Test
  void aDumpThatMakesSuchATriggerAfterItsRowsLoads() {
    // sqlite3 .dump order: rows first, triggers last; D1 creates the trigger and refuses firing it
    db.executeScript(
        List.of(
            "INSERT INTO t VALUES(2,'b');",
            "INSERT INTO t VALUES(3,'c');",
            "CREATE TRIGGER trg AFTER INSERT ON t BEGIN SELECT sqlite_version(); END;"));
    assertThat(rows()).hasSize(3);
    assertThatThrownBy(() -> db.executeScript(List.of("INSERT INTO t VALUES(4,'d');")))
        .hasMessage("D1_ERROR: not authorized to use function: sqlite_version: SQLITE_ERROR");
    assertThat(rows()).hasSize(3);
  }

  @Test
  void insertsAfterTheTriggerInTheSameScriptAreCheckedAgain() {
    assertThatThrownBy(
            () ->
                db.executeScript(
                    List.of(
                        "INSERT INTO t VALUES(2,'b');",
                        "CREATE TRIGGER trg AFTER INSERT ON t BEGIN SELECT sqlite_version(); END;",
                        "INSERT INTO t VALUES(3,'c');")))
        .hasMessage("D1_ERROR: not authorized to use function: sqlite_version: SQLITE_ERROR");
    assertThat(rows()).containsExactly(List.of(1L, "a"));
  }

  @Test
  void aParameterSqliteRefusesGivesSqlitesErrorFirst() {
    assertThatThrownBy(() -> db.executeScript(List.of("CREATE INDEX t_x ON t (id) WHERE v = ?")))
        .isInstanceOf(D1SqlException.class)
        .hasMessage(
            "D1_ERROR: parameters prohibited in partial index WHERE clauses at offset 37:"
                + " SQLITE_ERROR");
    assertThatThrownBy(() -> db.executeScript(List.of("SELECT 1; INSERT INTO t (v) VALUES (?)")))
        .hasMessage("D1_ERROR: Wrong number of parameter bindings for SQL query.");
    assertThatThrownBy(() -> db.executeScript(List.of("SELECT ?; INSERT INTO t (v) VALUES (1)")))
        .hasMessageStartingWith("D1_ERROR: When executing multiple SQL statements");
    assertThat(rows()).containsExactly(List.of(1L, "a"));
  }
}
