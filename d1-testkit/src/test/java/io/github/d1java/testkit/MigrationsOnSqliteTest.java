package io.github.d1java.testkit;

import static io.github.d1java.testkit.D1Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Exception;
import io.github.d1java.migrations.D1Migration;
import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.migrations.D1ScriptException;
import io.github.d1java.migrations.D1Scripts;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** D1Migrations and D1Scripts against the real local engine. */
class MigrationsOnSqliteTest {

  private final D1SqliteDatabase db = D1Sqlite.inMemory();

  @AfterEach
  void close() {
    db.close();
  }

  private static List<String> names(List<D1Migration> migrations) {
    return migrations.stream().map(D1Migration::name).collect(Collectors.toList());
  }

  @Nested
  class Apply {

    private final D1Migrations migrations = D1Migrations.of(Resources.path("testkit/migrations"));

    @Test
    void appliesEveryMigrationInOrderAndRecordsItsName() {
      List<D1Migration> applied = migrations.apply(db);

      assertThat(names(applied))
          .containsExactly(
              "0001_create_orders.sql", "0002_audit_trigger.sql", "0010_customers.sql");
      assertThat(migrations.applied(db)).isEqualTo(names(applied));
      assertThat(db).hasTable("orders").hasTable("audit").hasTable("customers");
    }

    @Test
    void keepsTriggerBodiesAndStripsTheTransactionPair() {
      migrations.apply(db);
      db.prepare("INSERT INTO orders (item) VALUES ('tea')").run();
      assertThat(db).table("audit").containsRow("order_id", 1, "note", "hot; drink");
    }

    @Test
    void appliesNothingTheSecondTime() {
      migrations.apply(db);
      assertThat(migrations.apply(db)).isEmpty();
      assertThat(migrations.unapplied(db)).isEmpty();
      assertThat(db).table("d1_migrations").hasRowCount(3);
    }

    @Test
    void listsOnlyUnappliedMigrationsAndCreatesTheTable(@TempDir Path dir) throws IOException {
      Files.writeString(dir.resolve("0001_a.sql"), "CREATE TABLE a (x);");
      D1Migrations local = D1Migrations.of(dir);
      assertThat(names(local.unapplied(db))).containsExactly("0001_a.sql");
      assertThat(db).hasTable("d1_migrations");
      local.apply(db);
      Files.writeString(dir.resolve("0002_b.sql"), "CREATE TABLE b (x);");
      assertThat(names(local.unapplied(db))).containsExactly("0002_b.sql");
    }

    @Test
    void createsTheTableWithWranglersDdl() {
      migrations.apply(db);
      String sql =
          db.prepare("SELECT sql FROM sqlite_master WHERE name = 'd1_migrations'").first("sql");
      assertThat(sql)
          .isEqualTo(
              "CREATE TABLE \"d1_migrations\"(\n"
                  + "\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                  + "\t\tname       TEXT UNIQUE,\n"
                  + "\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n)");
    }

    @Test
    void usesAConfiguredTableQuotedAsAnIdentifier() {
      D1Migrations custom =
          D1Migrations.builder()
              .directory(Resources.path("testkit/migrations"))
              .table("schema \"history\"")
              .build();
      custom.apply(db);
      assertThat(db).table("schema \"history\"").hasRowCount(3);
      assertThat(db)
          .table("schema \"history\"")
          .column("name")
          .startsWith("0001_create_orders.sql");
    }

    @Test
    void recordsAMigrationThatHasOnlyComments(@TempDir Path dir) throws IOException {
      D1Migration created = D1Migrations.of(dir).create("nothing yet");
      assertThat(names(D1Migrations.of(dir).apply(db))).containsExactly(created.name());
    }

    @Test
    void notifiesEachMigrationAfterItCommits() {
      List<String> seen = new ArrayList<>();
      migrations.apply(
          db, m -> seen.add(m.name() + "=" + migrations.applied(db).contains(m.name())));
      assertThat(seen)
          .containsExactly(
              "0001_create_orders.sql=true",
              "0002_audit_trigger.sql=true",
              "0010_customers.sql=true");
    }
  }

  @Nested
  class Failure {

    private final D1Migrations migrations =
        D1Migrations.of(Resources.path("testkit/bad-migrations"));

    @Test
    void stopsAtTheFirstFailureNamingFileLineAndStatement() {
      assertThatThrownBy(() -> migrations.apply(db))
          .isInstanceOf(D1ScriptException.class)
          .hasMessageStartingWith(
              "D1_SCRIPT_ERROR: 0002_fails.sql failed at line 3: INSERT INTO missing VALUES (3): "
                  + "D1_ERROR: no such table: missing")
          .satisfies(
              e -> {
                D1ScriptException failure = (D1ScriptException) e;
                assertThat(failure.script()).isEqualTo("0002_fails.sql");
                assertThat(failure.line()).isEqualTo(3);
                assertThat(failure.sqliteCode()).isEqualTo("SQLITE_ERROR");
              });
    }

    @Test
    void rollsBackTheFailingMigrationAndKeepsEarlierOnes() {
      assertThatThrownBy(() -> migrations.apply(db)).isInstanceOf(D1ScriptException.class);

      assertThat(migrations.applied(db)).containsExactly("0001_ok.sql");
      assertThat(db).table("t").hasNoRows();
      assertThat(
              db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'never'")
                  .<Long>first("n"))
          .isZero();
    }

    @Test
    void namesTheBookkeepingInsertWhenTheMigrationRecordsItself(@TempDir Path dir)
        throws IOException {
      Files.writeString(
          dir.resolve("0001_self.sql"),
          D1Migrations.createTableSql("d1_migrations")
              + "\nINSERT INTO d1_migrations (name) VALUES ('0001_self.sql');");
      assertThatThrownBy(() -> D1Migrations.of(dir).apply(db))
          .isInstanceOf(D1ScriptException.class)
          .hasMessageContaining(
              "0001_self.sql failed: INSERT INTO \"d1_migrations\" (name)\nvalues (?)")
          .hasMessageContaining("UNIQUE constraint failed")
          .cause()
          .hasCauseInstanceOf(D1ConstraintException.class);
    }

    @Test
    void reportsAnUnterminatedStringWithItsLine(@TempDir Path dir) throws IOException {
      Files.writeString(
          dir.resolve("0001_open.sql"), "CREATE TABLE a (x);\nINSERT INTO a VALUES ('x);");
      assertThatThrownBy(() -> D1Migrations.of(dir).apply(db))
          .isInstanceOf(D1ScriptException.class)
          .hasMessage(
              "D1_SCRIPT_ERROR: 0001_open.sql failed at line 2: "
                  + "D1_ERROR: unterminated string literal starting at line 2: 'x);");
      assertThat(db).table("d1_migrations").hasNoRows();
    }

    @Test
    void refusesAMigrationWithSeveralTransactions(@TempDir Path dir) throws IOException {
      Files.writeString(
          dir.resolve("0001_two.sql"),
          "BEGIN TRANSACTION;\nSELECT 1;\nCOMMIT;\nBEGIN TRANSACTION;\nSELECT 2;\nCOMMIT;");
      assertThatThrownBy(() -> D1Migrations.of(dir).apply(db))
          .isInstanceOf(D1ScriptException.class)
          .hasMessageContaining("0001_two.sql failed at line 4")
          .hasMessageContaining("as it contains several transactions");
    }
  }

  @Nested
  class Scripts {

    @Test
    void runsAllStatementsAsOneBatch() {
      List<?> results =
          D1Scripts.run(
              db, "s.sql", "CREATE TABLE t (a);\nINSERT INTO t VALUES (1), (2);\nSELECT * FROM t;");
      assertThat(results).hasSize(3);
      assertThat(db).table("t").column("a").containsExactly(1, 2);
    }

    @Test
    void commitsNothingWhenAStatementFails() {
      assertThatThrownBy(
              () ->
                  D1Scripts.run(
                      db,
                      "s.sql",
                      "CREATE TABLE t (a UNIQUE);\nINSERT INTO t VALUES (1);\n\n  INSERT INTO t VALUES (1);"))
          .isInstanceOf(D1ScriptException.class)
          .hasMessageStartingWith(
              "D1_SCRIPT_ERROR: s.sql failed at line 4: INSERT INTO t VALUES (1): "
                  + "D1_ERROR: UNIQUE constraint failed: t.a")
          .extracting(e -> ((D1Exception) e).sqliteCode())
          .isEqualTo("SQLITE_CONSTRAINT");
      assertThat(
              db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'")
                  .<Long>first("n"))
          .isZero();
    }

    @Test
    void findsTheFailingStatementAmongMany() {
      StringBuilder sql = new StringBuilder("CREATE TABLE t (a);\n");
      for (int i = 0; i < 100; i++) {
        sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
      }
      sql.append("INSERT INTO t VALUES (nope);\n");
      for (int i = 0; i < 20; i++) {
        sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
      }
      assertThatThrownBy(() -> D1Scripts.run(db, "big.sql", sql.toString()))
          .isInstanceOf(D1ScriptException.class)
          .hasMessageStartingWith(
              "D1_SCRIPT_ERROR: big.sql failed at line 102: INSERT INTO t VALUES (nope): ");
    }

    @Test
    void doesNothingForAScriptWithoutStatements() {
      assertThat(D1Scripts.run(db, "empty.sql", "-- nothing\n")).isEmpty();
    }

    @Test
    void readsAFileAndNamesItByFileName(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("seed.sql"), "SELECT * FROM nowhere;");
      assertThatThrownBy(() -> D1Scripts.run(db, file))
          .isInstanceOf(D1ScriptException.class)
          .hasMessageStartingWith(
              "D1_SCRIPT_ERROR: seed.sql failed at line 1: SELECT * FROM nowhere: ");
    }
  }
}
