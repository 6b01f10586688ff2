package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ExecException;
import io.github.d1java.D1Meta;
import io.github.d1java.D1SqlException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * D1's authorizer: PRAGMA allow-list, transactions, ATTACH, TEMP, {@code _cf_} names.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class AuthorizerContract extends ContractSupport {

  @BeforeEach
  void tables() {
    sql(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, pid INTEGER REFERENCES"
            + " parent(id))");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRAGMA table_list",
        "PRAGMA table_info(t)",
        "PRAGMA table_xinfo(t)",
        "PRAGMA foreign_key_list(t)",
        "PRAGMA index_list(t)",
        "PRAGMA index_info(sqlite_autoindex_t_1)",
        "PRAGMA foreign_key_check",
        "PRAGMA foreign_key_check(t)",
        "PRAGMA quick_check",
        "PRAGMA data_version",
        "PRAGMA case_sensitive_like = true",
        "PRAGMA recursive_triggers = off",
        "PRAGMA defer_foreign_keys",
        "PRAGMA optimize"
      })
  void allowsListedPragmas(String pragma) {
    assertThat(db.prepare(pragma).all().success()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "PRAGMA journal_mode",
        "PRAGMA journal_mode = delete",
        "PRAGMA user_version",
        "PRAGMA user_version = 3",
        "PRAGMA cache_size",
        "PRAGMA max_page_count",
        "PRAGMA page_size",
        "PRAGMA page_size = 8192",
        "PRAGMA table_info(_cf_KV)",
        "PRAGMA writable_schema = on"
      })
  void deniesOtherPragmas(String pragma) {
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: not authorized: SQLITE_AUTH",
        () -> db.prepare(pragma).all());
  }

  @Test
  void recursiveTriggersAreOffByDefault() {
    assertThat(db.prepare("PRAGMA recursive_triggers").raw()).containsExactly(List.of(0L));
  }

  @Test
  void tableInfoListsColumns() {
    assertThat(db.prepare("PRAGMA table_info(parent)").raw())
        .containsExactly(Arrays.asList(0L, "id", "INTEGER", 0L, null, 1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"BEGIN", "BEGIN TRANSACTION", "SAVEPOINT sp", "COMMIT", "ROLLBACK"})
  void rejectsTransactionStatements(String sql) {
    assertD1Error(D1SqlException.class, TRANSACTION_MESSAGE, () -> db.prepare(sql).run());
  }

  @Test
  void rejectsTransactionStatementsInExecAndBatch() {
    assertThatThrownBy(() -> db.exec("BEGIN;\nINSERT INTO parent VALUES (1);\nCOMMIT;"))
        .isInstanceOf(D1ExecException.class)
        .hasMessage("D1_EXEC_ERROR: Error in line 1: BEGIN;: " + TRANSACTION_MESSAGE.substring(10));
    assertThatThrownBy(
            () -> db.batch(db.prepare("INSERT INTO parent VALUES (1)"), db.prepare("BEGIN")))
        .hasMessage(TRANSACTION_MESSAGE);
    assertThat(count("parent")).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ATTACH DATABASE ':memory:' AS other",
        "CREATE TEMP TABLE tt (v TEXT)",
        "CREATE TEMPORARY VIEW tv AS SELECT 1",
        "CREATE TABLE _cf_mine (v TEXT)",
        "CREATE TABLE _CF_Mine (v TEXT)",
        "CREATE INDEX _cf_idx ON t (name)",
        "ALTER TABLE t RENAME TO _cf_t"
      })
  void deniesAttachTempAndReservedNames(String sql) {
    assertD1Error(
        D1SqlException.class, "D1_ERROR: not authorized: SQLITE_AUTH", () -> db.prepare(sql).run());
  }

  @Test
  void reservedWordInsideAStringIsNotAName() {
    sql("INSERT INTO t (name) VALUES ('_cf_value; BEGIN')");
    assertThat((String) db.prepare("SELECT name FROM t").first("name"))
        .isEqualTo("_cf_value; BEGIN");
  }

  @Test
  void deniesFunctionsOutsideTheAllowList() {
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: not authorized to use function: sqlite_version at offset 7: SQLITE_ERROR",
        () -> db.prepare("SELECT sqlite_version()").all());
  }

  @Test
  void deniesOtherInternalFunctionsAndExtensionLoading() {
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: not authorized to use function: sqlite_source_id at offset 7: SQLITE_ERROR",
        () -> db.prepare("SELECT sqlite_source_id()").all());
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: not authorized: SQLITE_ERROR",
        () -> db.prepare("SELECT load_extension('x')").all());
  }

  @Test
  void unknownFunctionIsAnSqlError() {
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: no such function: nope at offset 7: SQLITE_ERROR",
        () -> db.prepare("SELECT nope(1)").all());
  }

  @Test
  void allowsFts5UpsertAndAutoincrement() {
    D1Meta fts = db.prepare("CREATE VIRTUAL TABLE ft USING fts5(body)").run().meta();
    assertThat(fts.changes()).isEqualTo(3);
    db.prepare("INSERT INTO ft (body) VALUES ('hello world'), ('goodbye moon')").run();
    assertThat(db.prepare("SELECT body FROM ft WHERE ft MATCH 'hello'").raw())
        .containsExactly(List.of("hello world"));
    sql("CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER)");
    String upsert =
        "INSERT INTO kv VALUES ('a', 1) ON CONFLICT (k) DO UPDATE SET v = v + 1 RETURNING *";
    assertThat(db.prepare(upsert).run().results()).containsExactly(row("k", "a", "v", 1L));
    assertThat(db.prepare(upsert).run().results()).containsExactly(row("k", "a", "v", 2L));
    D1Meta ignored = db.prepare("INSERT OR IGNORE INTO kv VALUES ('a', 9)").run().meta();
    assertThat(ignored.changes()).isZero();
    assertThat(ignored.changedDb()).isFalse();
    sql("CREATE TABLE ai (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)");
    db.prepare("INSERT INTO ai (v) VALUES ('a'), ('b')").run();
    assertThat(db.prepare("SELECT name, seq FROM sqlite_sequence").raw())
        .containsExactly(List.of("ai", 2L));
  }

  @Test
  void rejectsVacuum() {
    assertD1Error(
        D1SqlException.class,
        "D1_ERROR: cannot VACUUM from within a transaction: SQLITE_ERROR",
        () -> db.prepare("VACUUM").run());
  }

  @Test
  void schemaTablesAreReadable() {
    assertThat(
            db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 't'").raw())
        .containsExactly(List.of("t"));
  }

  @Test
  void allowsRecursiveCtesJsonAndGeneratedColumns() {
    assertThat(
            db.prepare(
                    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3)"
                        + " SELECT x FROM n")
                .raw())
        .containsExactly(List.of(1L), List.of(2L), List.of(3L));
    assertThat(db.prepare("SELECT json_extract('{\"a\":[1,2]}', '$.a[1]') AS v").first())
        .isEqualTo(row("v", 2L));
    sql("CREATE TABLE g (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL)");
    db.prepare("INSERT INTO g (a) VALUES (?)").bind(21).run();
    assertThat(db.prepare("SELECT b FROM g").raw()).containsExactly(List.of(42L));
  }
}
