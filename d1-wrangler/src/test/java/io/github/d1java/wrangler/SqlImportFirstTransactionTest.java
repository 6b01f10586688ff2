package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.wrangler.internal.ImportProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first transaction of a resumable import: its marker needs the file's SHA-256, which is
 * computed on a thread of its own, so until the hash is known the chunks run in one open
 * transaction.
 */
class SqlImportFirstTransactionTest {

  @TempDir Path dir;

  /** Holds the hashing back: the tasks are kept, never run. */
  private final List<Runnable> heldBack = new ArrayList<>();

  private final Executor never = heldBack::add;
  private final Executor atOnce = Runnable::run;
  private final ImportOptions twoPerChunk = new ImportOptions(2, Long.MAX_VALUE);

  private Path dump(int rows, String bad) throws Exception {
    StringBuilder sb = new StringBuilder("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);\n");
    for (int i = 1; i <= rows; i++) {
      sb.append(i == 6 && bad != null ? bad : "INSERT INTO t VALUES(" + i + ", 'r" + i + "')")
          .append(";\n");
    }
    Path sql = dir.resolve("dump.sql");
    Files.writeString(sql, sb);
    return sql;
  }

  private static long count(D1SqliteDatabase db, String sql) {
    return db.prepare(sql).<Number>first("n").longValue();
  }

  @Test
  void whileTheHashIsUnknownTheChunksShareOneTransactionAndTheLastCommitsThemAll()
      throws Exception {
    Path sql = dump(10, null);
    Path database = dir.resolve("db.sqlite");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      ImportSummary summary =
          SqlImport.runFile(db, sql, twoPerChunk, SqlProgress.NONE, null, never);
      assertThat(heldBack).hasSize(1);
      assertThat(summary.statements()).isEqualTo(11);
      // six chunks of at most two statements, one transaction: the last chunk needs no hash
      assertThat(summary.transactions()).isEqualTo(1);
      assertThat(summary.changes()).isEqualTo(10);
      assertThat(count(db, "SELECT count(*) AS n FROM t")).isEqualTo(10);
      assertThat(
              count(
                  db,
                  "SELECT count(*) AS n FROM sqlite_schema WHERE name = '"
                      + ImportProgress.MARKER
                      + "'"))
          .isZero();
    }
    assertThat(SqlImport.progressFile(database)).doesNotExist();
  }

  @Test
  void withTheHashKnownEveryChunkCommitsOnItsOwn() throws Exception {
    Path sql = dump(10, null);
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("db.sqlite"))) {
      ImportSummary summary =
          SqlImport.runFile(db, sql, twoPerChunk, SqlProgress.NONE, null, atOnce);
      assertThat(summary.statements()).isEqualTo(11);
      assertThat(summary.transactions()).isEqualTo(6);
      assertThat(count(db, "SELECT count(*) AS n FROM t")).isEqualTo(10);
    }
  }

  @Test
  void aFailureBeforeTheFirstCommitLeavesNothingAndRecordsNothing() throws Exception {
    Path sql = dump(10, "INSERT INTO t VALUES(1, 'duplicate key')");
    Path database = dir.resolve("db.sqlite");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      assertThatThrownBy(
              () -> SqlImport.runFile(db, sql, twoPerChunk, SqlProgress.NONE, null, never))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                assertThat(e.line()).isEqualTo(7);
                assertThat(e.committedStatements()).isZero();
                assertThat(e.failure().getMessage()).contains("UNIQUE constraint failed");
              });
      // the CREATE TABLE of the first chunk was rolled back with the rest
      assertThat(count(db, "SELECT count(*) AS n FROM sqlite_schema WHERE name = 't'")).isZero();
    }
    assertThat(SqlImport.progressFile(database)).doesNotExist();
    // nothing is recorded, so the same file imports from the start once fixed
    Path fixed = dump(10, null);
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      SqlImport.runFile(db, fixed, twoPerChunk, SqlProgress.NONE, null, atOnce);
      assertThat(count(db, "SELECT count(*) AS n FROM t")).isEqualTo(10);
    }
  }
}
