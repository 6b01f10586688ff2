package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Meta;
import io.github.d1java.D1SqlException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class D1SqliteTransactionTest {

  @TempDir Path dir;

  private D1SqliteDatabase fileDb() {
    D1SqliteDatabase db = D1Sqlite.builder().file(dir.resolve("tx.db")).build();
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
    return db;
  }

  private static long count(D1SqliteDatabase db) {
    Long n = db.prepare("SELECT count(*) AS n FROM t").first("n");
    return n;
  }

  @Nested
  class CommitAndRollback {
    @Test
    void readsSeeOwnWritesAndCommitPublishesThem() {
      try (D1SqliteDatabase db = fileDb();
          D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        tx.prepare("INSERT INTO t (name) VALUES (?)").bind("a").run();
        Long inside = tx.prepare("SELECT count(*) AS n FROM t").first("n");
        assertThat(inside).isEqualTo(1L);
        assertThat(count(db)).as("other readers see the committed state").isZero();
        tx.commit();
        assertThat(tx.isOpen()).isFalse();
        assertThat(count(db)).isEqualTo(1L);
      }
    }

    @Test
    void rollbackUndoesEveryStatement() {
      try (D1SqliteDatabase db = fileDb()) {
        D1SqliteTransaction tx = D1SqliteTransaction.begin(db);
        tx.prepare("INSERT INTO t (name) VALUES ('a')").run();
        tx.prepare("CREATE TABLE u (x)").run();
        tx.rollback();
        assertThat(count(db)).isZero();
        assertThat(db.prepare("SELECT name FROM sqlite_master WHERE name = 'u'").all().results())
            .isEmpty();
        tx.rollback(); // idempotent
      }
    }

    @Test
    void closeWithoutCommitRollsBack() {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
        try (D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
          tx.prepare("INSERT INTO t (name) VALUES ('a')").run();
        }
        assertThat(count(db)).isZero();
      }
    }

    @Test
    void aFailingCallIsUndoneButTheTransactionGoesOn() {
      try (D1SqliteDatabase db = fileDb();
          D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        tx.prepare("INSERT INTO t (name) VALUES ('a')").run();
        assertThatThrownBy(
                () ->
                    tx.batch(
                        List.of(
                            tx.prepare("INSERT INTO t (name) VALUES ('b')"),
                            tx.prepare("INSERT INTO t (name) VALUES ('a')"))))
            .isInstanceOf(D1ConstraintException.class)
            .hasMessageContaining("UNIQUE constraint failed: t.name");
        assertThat(tx.prepare("SELECT name FROM t").raw()).containsExactly(List.of("a"));
        tx.commit();
        assertThat(count(db)).isEqualTo(1L);
      }
    }

    @Test
    void usingAnEndedTransactionFails() {
      try (D1SqliteDatabase db = fileDb()) {
        D1SqliteTransaction tx = D1SqliteTransaction.begin(db);
        tx.commit();
        assertThatThrownBy(() -> tx.prepare("SELECT 1").all())
            .isInstanceOf(D1SqlException.class)
            .hasMessage("D1_ERROR: Transaction has ended.");
        assertThatThrownBy(tx::commit).hasMessage("D1_ERROR: Transaction has ended.");
      }
    }
  }

  @Nested
  class Rules {
    @Test
    void d1RulesApplyInsideTheTransaction() {
      try (D1SqliteDatabase db = fileDb();
          D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        assertThatThrownBy(() -> tx.prepare("SAVEPOINT x").run())
            .isInstanceOf(D1SqlException.class)
            .hasMessageContaining("please use the state.storage.transaction()");
        assertThatThrownBy(() -> tx.prepare("SELECT * FROM nope").all())
            .hasMessage("D1_ERROR: no such table: nope: SQLITE_ERROR");
        assertThat(tx.isOpen()).isTrue();
      }
    }

    @Test
    void onlyDatabasesOfTheLocalEngineAreAccepted() {
      assertThatThrownBy(() -> D1SqliteTransaction.begin(null))
          .isInstanceOf(NullPointerException.class);
    }
  }

  @Nested
  class Savepoints {
    @Test
    void rollbackToASavepointKeepsEarlierWork() {
      try (D1SqliteDatabase db = fileDb();
          D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        tx.prepare("INSERT INTO t (name) VALUES ('a')").run();
        tx.savepoint("s1");
        tx.prepare("INSERT INTO t (name) VALUES ('b')").run();
        tx.rollbackToSavepoint("s1");
        tx.releaseSavepoint("s1");
        tx.commit();
        assertThat(db.prepare("SELECT name FROM t").raw()).containsExactly(List.of("a"));
      }
    }

    @Test
    void badOrUnknownSavepointNamesFail() {
      try (D1SqliteDatabase db = fileDb();
          D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        assertThatThrownBy(() -> tx.savepoint("x; DROP TABLE t"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx.releaseSavepoint("nope"))
            .isInstanceOf(D1SqlException.class)
            .hasMessageContaining("no such savepoint");
      }
    }
  }

  @Nested
  class Script {
    @Test
    void scriptsRunInsideTheTransactionAndCommitWithIt() {
      try (D1SqliteDatabase db = fileDb();
          D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        D1Meta first =
            tx.executeScript(List.of("INSERT INTO t VALUES(1,'a')", "INSERT INTO t VALUES(2,'b')"));
        D1Meta second = tx.executeScript(List.of("INSERT INTO t (name) VALUES ('c')"));
        assertThat(first.changes()).isEqualTo(2);
        assertThat(first.rowsWritten()).isEqualTo(2);
        assertThat(second.changes()).isOne();
        assertThat(second.lastRowId()).isEqualTo(3);
        assertThat(count(db)).as("other readers see the committed state").isZero();
        tx.commit();
        assertThat(count(db)).isEqualTo(3L);
      }
    }

    @Test
    void aFailingScriptIsUndoneButTheTransactionGoesOn() {
      try (D1SqliteDatabase db = fileDb();
          D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        tx.executeScript(List.of("INSERT INTO t VALUES(1,'a')"));
        assertThatThrownBy(
                () ->
                    tx.executeScript(
                        List.of("INSERT INTO t VALUES(2,'b')", "INSERT INTO t VALUES(3,'a')")))
            .isInstanceOf(D1ConstraintException.class)
            .hasMessage(
                "D1_ERROR: UNIQUE constraint failed: t.name: SQLITE_CONSTRAINT"
                    + " (extended: SQLITE_CONSTRAINT_UNIQUE)");
        assertThat(tx.isOpen()).isTrue();
        tx.executeScript(List.of("INSERT INTO t VALUES(4,'d')"));
        tx.commit();
        assertThat(db.prepare("SELECT group_concat(id) AS ids FROM t").<String>first("ids"))
            .isEqualTo("1,4");
      }
    }

    @Test
    void d1RulesApplyToScripts() {
      try (D1SqliteDatabase db = fileDb();
          D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
        assertThatThrownBy(
                () ->
                    tx.executeScript(
                        List.of(
                            "INSERT INTO t VALUES(1,'a')",
                            "INSERT INTO sqlite_master VALUES(1,2,3,4,5)")))
            .isInstanceOf(D1SqlException.class)
            .hasMessage("D1_ERROR: table sqlite_master may not be modified: SQLITE_ERROR");
        assertThatThrownBy(() -> tx.executeScript(List.of("CREATE TABLE _cf_x (a)")))
            .hasMessage("D1_ERROR: not authorized: SQLITE_AUTH");
        assertThatThrownBy(() -> tx.executeScript(List.of("PRAGMA writable_schema = on")))
            .hasMessage("D1_ERROR: not authorized: SQLITE_AUTH");
        assertThatThrownBy(() -> tx.executeScript(List.of("COMMIT")))
            .hasMessageStartingWith("D1_ERROR: To execute a transaction, please use");
        assertThatThrownBy(() -> tx.executeScript(List.of(" ")))
            .hasMessage("D1_ERROR: No SQL statements detected.");
        tx.commit();
        assertThat(count(db)).isZero();
      }
    }

    @Test
    void aDeferredForeignKeyViolationFailsTheCommitAndRollsBack() {
      try (D1SqliteDatabase db = fileDb()) {
        db.exec("CREATE TABLE child (id INTEGER PRIMARY KEY, p INTEGER REFERENCES t(id))");
        D1SqliteTransaction tx = D1SqliteTransaction.begin(db);
        tx.executeScript(
            List.of(
                "PRAGMA defer_foreign_keys = on",
                "INSERT INTO t VALUES(1,'a')",
                "INSERT INTO child VALUES(1,42)"));
        assertThatThrownBy(tx::commit)
            .hasMessage("D1_ERROR: FOREIGN KEY constraint failed: SQLITE_CONSTRAINT");
        assertThat(tx.isOpen()).isFalse();
        // regression: the failed COMMIT left SQLite's transaction open on the writer
        assertThat(db.prepare("INSERT INTO t VALUES(2,'b')").run().meta().changes()).isOne();
        assertThat(db.prepare("SELECT group_concat(id) AS ids FROM t").<String>first("ids"))
            .isEqualTo("2");
        assertThat(db.prepare("SELECT count(*) AS n FROM child").<Long>first("n")).isZero();
      }
    }

    @Test
    void anEndedTransactionRefusesScripts() {
      try (D1SqliteDatabase db = fileDb()) {
        D1SqliteTransaction tx = D1SqliteTransaction.begin(db);
        tx.rollback();
        assertThatThrownBy(() -> tx.executeScript(List.of("INSERT INTO t VALUES(1,'a')")))
            .isInstanceOf(D1SqlException.class)
            .hasMessage("D1_ERROR: Transaction has ended.");
        assertThat(count(db)).isZero();
      }
    }
  }

  @Nested
  class Concurrency {
    @Test
    void anotherWriterWaitsForTheCommit() throws Exception {
      try (D1SqliteDatabase db = fileDb()) {
        D1SqliteTransaction tx = D1SqliteTransaction.begin(db);
        tx.prepare("INSERT INTO t (name) VALUES ('a')").run();
        CompletableFuture<Long> other =
            CompletableFuture.supplyAsync(
                () -> db.prepare("INSERT INTO t (name) VALUES ('b')").run().meta().changes());
        tx.commit();
        assertThat(other.get()).isEqualTo(1L);
        assertThat(count(db)).isEqualTo(2L);
      }
    }

    @Test
    void aWriterGivesUpAfterTheBusyTimeout() {
      try (D1SqliteDatabase db =
          D1Sqlite.builder().file(dir.resolve("busy.db")).busyTimeout(Duration.ZERO).build()) {
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
        try (D1SqliteTransaction tx = D1SqliteTransaction.begin(db)) {
          assertThatThrownBy(() -> db.prepare("INSERT INTO t (name) VALUES ('b')").run())
              .isInstanceOf(D1SqlException.class)
              .hasMessage("D1_ERROR: database is locked: SQLITE_BUSY");
          assertThatThrownBy(() -> D1SqliteTransaction.begin(db))
              .hasMessage("D1_ERROR: database is locked: SQLITE_BUSY");
        }
      }
    }

    @Test
    void closingTheDatabaseEndsTheTransaction() {
      D1SqliteDatabase db = fileDb();
      D1SqliteTransaction tx = D1SqliteTransaction.begin(db);
      tx.prepare("INSERT INTO t (name) VALUES ('a')").run();
      db.close();
      assertThatThrownBy(() -> tx.prepare("SELECT 1").all())
          .hasMessage("D1_ERROR: Database is closed.");
      assertThatThrownBy(tx::commit).hasMessage("D1_ERROR: Database is closed.");
      tx.rollback(); // the transaction ended with the database: nothing to undo, no error
      try (D1SqliteDatabase again = D1Sqlite.open(dir.resolve("tx.db"))) {
        assertThat(count(again)).isZero();
      }
    }
  }
}
