package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ImportOptions#SINGLE_TRANSACTION} through D1's rules ({@code d1 execute --file
 * --chunk-size 0}): the file streams chunk by chunk into one transaction of the local engine, which
 * commits or rolls back as a whole, and memory holds one chunk, not the file.
 */
class SqlImportOneTransactionTest {

  @TempDir Path dir;

  private Path file(String name, String sql) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, sql);
    return file;
  }

  private static long count(D1SqliteDatabase db, String table) {
    return db.prepare("SELECT count(*) AS n FROM " + table).<Long>first("n");
  }

  private static String export(D1SqliteDatabase db) {
    StringWriter out = new StringWriter();
    SqlExport.export(db, out, ExportOptions.ALL, SqlProgress.NONE);
    return out.toString();
  }

  @Test
  void runsChunkByChunkInOneTransactionAndAFailureLeavesTheDatabaseUntouched() throws IOException {
    StringBuilder sql = new StringBuilder("CREATE TABLE t(x UNIQUE);\n");
    for (int i = 0; i < 12_000; i++) {
      sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
    }
    Path good = file("good.sql", sql.toString());
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("one.sqlite"))) {
      ImportSummary summary =
          SqlImport.run(db, good, ImportOptions.SINGLE_TRANSACTION, SqlProgress.NONE);

      assertThat(summary.statements()).isEqualTo(12_001);
      assertThat(summary.transactions()).isEqualTo(1);
      assertThat(summary.changes()).isEqualTo(12_000);
      assertThat(summary.sizeAfter()).isPositive();
      assertThat(count(db, "t")).isEqualTo(12_000);

      StringBuilder more = new StringBuilder();
      for (int i = 1; i <= 5_001; i++) {
        more.append("INSERT INTO t VALUES (").append(-i).append(");\n");
      }
      Path bad = file("bad.sql", more.append("INSERT INTO t VALUES (5);\n").toString());
      assertThatThrownBy(
              () -> SqlImport.run(db, bad, ImportOptions.SINGLE_TRANSACTION, SqlProgress.NONE))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                // the first chunk of 5,000 ran in the transaction, the second failed on its
                // second statement
                assertThat(e.line()).isEqualTo(5_002);
                assertThat(e.committedStatements()).isZero();
                assertThat(e.failure().detail())
                    .isEqualTo(
                        "UNIQUE constraint failed: t.x: SQLITE_CONSTRAINT"
                            + " (extended: SQLITE_CONSTRAINT_UNIQUE)");
              });
      assertThat(count(db, "t")).isEqualTo(12_000);
      assertThat(db.prepare("SELECT min(x) AS m FROM t").<Long>first("m")).isZero();
    }
  }

  @Test
  void d1sRulesApplyAndARefusalRollsEverythingBack() throws IOException {
    Path sql =
        file(
            "rules.sql",
            "CREATE TABLE keep(x);\nINSERT INTO keep VALUES(1);\nCREATE TABLE _cf_x(a);\n");
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("rules.sqlite"))) {
      assertThatThrownBy(
              () -> SqlImport.run(db, sql, ImportOptions.SINGLE_TRANSACTION, SqlProgress.NONE))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.committedStatements()).isZero();
                assertThat(e.failure().detail()).endsWith("SQLITE_AUTH");
              });
      assertThat(
              db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'keep'")
                  .<Long>first("n"))
          .isZero();
    }
  }

  @Test
  void aDeferredForeignKeyViolationFailsTheCommitOnTheLastLineAndKeepsNothing() throws IOException {
    Path sql =
        file(
            "fk.sql",
            "CREATE TABLE parent(id INTEGER PRIMARY KEY);\n"
                + "CREATE TABLE child(id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent(id));\n"
                + "PRAGMA defer_foreign_keys = on;\n"
                + "INSERT INTO child VALUES(1, 42);\n"
                + "INSERT INTO parent VALUES(1);\n");
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("fk.sqlite"))) {
      assertThatThrownBy(
              () -> SqlImport.run(db, sql, ImportOptions.SINGLE_TRANSACTION, SqlProgress.NONE))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                assertThat(e.line()).isEqualTo(5);
                assertThat(e.failure().detail())
                    .isEqualTo("FOREIGN KEY constraint failed: SQLITE_CONSTRAINT");
              });
      assertThat(db.prepare("SELECT count(*) AS n FROM sqlite_master").<Long>first("n")).isZero();
      // the writer is free again
      assertThat(db.prepare("CREATE TABLE after(x)").run().success()).isTrue();
    }
  }

  @Test
  void resumesAnInterruptedChunkedImportAsOneTransaction() throws IOException {
    StringBuilder sql = new StringBuilder("BEGIN TRANSACTION;\n");
    sql.append("CREATE TABLE a(id INTEGER PRIMARY KEY, name TEXT UNIQUE);\n");
    for (int i = 1; i <= 100; i++) {
      sql.append("INSERT INTO a VALUES(").append(i).append(",'n").append(i).append("');\n");
    }
    sql.append("CREATE INDEX a_name ON a(name);\nCOMMIT;\n");
    Path file = file("dump.sql", sql.toString());
    ImportOptions chunked = new ImportOptions(7, Long.MAX_VALUE);
    String clean;
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("clean.sqlite"))) {
      SqlImport.run(db, file, chunked, SqlProgress.NONE);
      clean = export(db);
    }
    Path database = dir.resolve("resumed.sqlite");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      int[] calls = {0};
      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db,
                      file,
                      chunked,
                      (done, total) -> {
                        if (++calls[0] == 3) {
                          throw new IllegalStateException("crash");
                        }
                      }))
          .hasMessage("crash");
      assertThat(SqlImport.progressFile(database)).exists();

      ImportSummary rest =
          SqlImport.run(
              db, file, ImportOptions.SINGLE_TRANSACTION.withResume(true), SqlProgress.NONE);

      assertThat(rest.statements()).isEqualTo(102 - 21);
      assertThat(rest.transactions()).isEqualTo(1);
      assertThat(export(db)).isEqualTo(clean);
    }
    assertThat(SqlImport.progressFile(database)).doesNotExist();
  }

  /**
   * Regression: the whole transaction used to be joined into one script, so memory grew with the
   * file (2.6 GB resident for 100 MB). A child JVM with a 24 MB heap imports a 40 MB file.
   */
  @Test
  void importsAFileLargerThanTheHeapInOneTransaction() throws Exception {
    Path sql = dir.resolve("big.sql");
    int rows = 320_000;
    try (BufferedWriter w = Files.newBufferedWriter(sql, StandardCharsets.UTF_8)) {
      w.write("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
      w.write("CREATE TABLE big(id INTEGER PRIMARY KEY, note TEXT, data BLOB);\n");
      for (int i = 1; i <= rows; i++) {
        w.write("INSERT INTO big VALUES(" + i + ",'row " + i + " it''s; fine and padded',X'");
        w.write(String.format("%064x", (long) i * 2_654_435_761L));
        w.write("');\n");
      }
      w.write("CREATE INDEX big_note ON big(note);\nCOMMIT;\n");
    }
    assertThat(Files.size(sql)).isGreaterThan(40L << 20);
    Path database = dir.resolve("big.sqlite");

    String java = ChildJvm.java();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx24m",
                "-cp",
                ChildJvm.classPath(OneTransactionImportMain.class),
                OneTransactionImportMain.class.getName(),
                database.toString(),
                sql.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // a guard against a hung child, not a speed assertion
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    // the PRAGMA, the CREATE TABLE, the rows and the CREATE INDEX
    assertThat(out).contains("done " + (rows + 3) + " 1");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      assertThat(count(db, "big")).isEqualTo(rows);
    }
  }
}
