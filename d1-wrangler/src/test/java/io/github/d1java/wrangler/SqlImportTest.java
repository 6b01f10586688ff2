package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Database;
import io.github.d1java.sql.SqlSplitException;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlImportTest {

  private final D1Database db = D1Sqlite.inMemory();
  @TempDir Path dir;

  @AfterEach
  void close() {
    db.close();
  }

  private Path file(String sql) throws IOException {
    Path file = dir.resolve("in.sql");
    Files.writeString(file, sql);
    return file;
  }

  private long count(String table) {
    return db.prepare("SELECT count(*) AS n FROM " + table).<Long>first("n");
  }

  /** What {@code sqlite3 db .dump} prints, verbatim. */
  private static final String SQLITE3_DUMP =
      "PRAGMA foreign_keys=OFF;\n"
          + "BEGIN TRANSACTION;\n"
          + "CREATE TABLE t(id INTEGER PRIMARY KEY AUTOINCREMENT, s TEXT, b BLOB);\n"
          + "INSERT INTO t VALUES(1,'a;b',X'00ff');\n"
          + "INSERT INTO t VALUES(2,replace('x\\ny','\\n',char(10)),NULL);\n"
          + "DELETE FROM sqlite_sequence;\n"
          + "INSERT INTO sqlite_sequence VALUES('t',2);\n"
          + "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET s = 'x;' WHERE id = NEW.id; END;\n"
          + "COMMIT;\n";

  @Nested
  class Files_ {
    @Test
    void acceptsSqlite3DumpOutputAsIs() throws IOException {
      ImportSummary summary =
          SqlImport.run(
              db,
              file(SQLITE3_DUMP),
              ImportOptions.DEFAULTS,
              SqlProgress.NONE,
              StatementListener.NONE);

      assertThat(summary.statements()).isEqualTo(7);
      assertThat(db.prepare("SELECT s FROM t WHERE id = 2").<String>first("s")).isEqualTo("x\ny");
      assertThat(db.prepare("SELECT b FROM t WHERE id = 1").<byte[]>first("b"))
          .containsExactly(0, 0xff);
      assertThat(db.prepare("SELECT seq FROM sqlite_sequence").<Long>first("seq")).isEqualTo(2L);
    }

    @Test
    void runsInChunksReportingProgressInBytesAndResultsInOrder() throws IOException {
      StringBuilder sql = new StringBuilder("CREATE TABLE t(x);\n");
      for (int i = 0; i < 25; i++) {
        sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
      }
      sql.append("SELECT count(*) AS n FROM t;");
      Path file = file(sql.toString());
      List<long[]> progress = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      List<Object> last = new ArrayList<>();

      ImportSummary summary =
          SqlImport.run(
              db,
              file,
              new ImportOptions(10, Long.MAX_VALUE),
              (done, total) -> progress.add(new long[] {done, total}),
              (statement, result) -> {
                lines.add(statement.line());
                last.add(result.results().isEmpty() ? null : result.results().get(0).get("n"));
              });

      assertThat(summary.statements()).isEqualTo(27);
      assertThat(summary.transactions()).isEqualTo(3);
      assertThat(summary.changes()).isEqualTo(25);
      assertThat(summary.sizeAfter()).isPositive();
      assertThat(lines).hasSize(27).startsWith(1L, 2L).endsWith(27L);
      assertThat(last.get(26)).isEqualTo(25L);
      assertThat(progress).hasSize(3);
      assertThat(progress.get(2)).containsExactly(Files.size(file), Files.size(file));
    }

    @Test
    void aFailingStatementNamesItsLineAndKeepsEarlierChunks() throws IOException {
      String sql =
          "CREATE TABLE t(x UNIQUE);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n"
              + "INSERT INTO t VALUES (3);\nINSERT INTO t VALUES (4);\n"
              + "INSERT INTO t\n  VALUES (1);\nINSERT INTO t VALUES (6);\n";
      Path file = file(sql);

      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db,
                      file,
                      new ImportOptions(4, Long.MAX_VALUE),
                      SqlProgress.NONE,
                      StatementListener.NONE))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                assertThat(e.line()).isEqualTo(6);
                assertThat(e.committedStatements()).isEqualTo(4);
                assertThat(e.detail())
                    .isEqualTo(
                        "Error on line 6: D1_ERROR: UNIQUE constraint failed: t.x:"
                            + " SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)");
              });
      assertThat(count("t")).isEqualTo(3);
    }

    @Test
    void asOneTransactionAFailureLeavesTheDatabaseUntouched() throws IOException {
      db.exec("CREATE TABLE keep(x)");
      Path file = file("INSERT INTO keep VALUES (1);\nSELEC 2;\n");

      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db,
                      file,
                      ImportOptions.SINGLE_TRANSACTION,
                      SqlProgress.NONE,
                      StatementListener.NONE))
          .isInstanceOfSatisfying(SqlImportException.class, e -> assertThat(e.line()).isEqualTo(2))
          .hasMessageContaining("syntax error");
      assertThat(count("keep")).isZero();
    }

    @Test
    void binarySqliteFilesAreRefusedWithWranglersMessage() throws IOException {
      Path file = dir.resolve("db.sqlite");
      Files.write(file, "SQLite format 3\0rest".getBytes(StandardCharsets.ISO_8859_1));

      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db, file, ImportOptions.DEFAULTS, SqlProgress.NONE, StatementListener.NONE))
          .isInstanceOf(WranglerException.class)
          .hasMessageContaining(SqlImport.BINARY_FILE_MESSAGE);
    }

    @Test
    void aMissingFileIsNamed() {
      Path file = dir.resolve("missing.sql");

      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db, file, ImportOptions.DEFAULTS, SqlProgress.NONE, StatementListener.NONE))
          .isInstanceOf(WranglerException.class)
          .hasMessage(
              "D1_WRANGLER_ERROR: Unable to read SQL text file \"" + file + "\": no such file.");
    }

    @Test
    void aDirectoryIsRefused() {
      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db, dir, ImportOptions.DEFAULTS, SqlProgress.NONE, StatementListener.NONE))
          .isInstanceOf(WranglerException.class)
          .hasMessageEndingWith("it is a directory.");
    }

    @Test
    void severalTransactionsAreRefusedBeforeAnythingRuns() throws IOException {
      Path file =
          file("BEGIN TRANSACTION;\nCREATE TABLE a(x);\nCOMMIT;\nBEGIN TRANSACTION;\nCOMMIT;\n");

      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db, file, ImportOptions.DEFAULTS, SqlProgress.NONE, StatementListener.NONE))
          .isInstanceOf(SqlSplitException.class)
          .hasMessageContaining("contains several transactions");
      assertThat(
              db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'a'")
                  .<Long>first("n"))
          .isZero();
    }
  }

  @Nested
  class Readers {
    @Test
    void reportsProgressInStatements() {
      List<long[]> progress = new ArrayList<>();

      SqlImport.run(
          db,
          new StringReader(
              "CREATE TABLE t(x); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);"),
          new ImportOptions(2, Long.MAX_VALUE),
          (done, total) -> progress.add(new long[] {done, total}),
          StatementListener.NONE);

      assertThat(progress).extracting(p -> p[0]).containsExactly(2L, 3L);
      assertThat(progress).extracting(p -> p[1]).containsOnly(-1L);
    }

    @Test
    void chunksAreCutEarlyByCharacterCount() {
      ImportSummary summary =
          SqlImport.run(
              db,
              new StringReader(
                  "CREATE TABLE t(x); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);"),
              new ImportOptions(100, 10),
              SqlProgress.NONE,
              StatementListener.NONE);

      assertThat(summary.statements()).isEqualTo(3);
      assertThat(summary.transactions()).isEqualTo(3);
    }
  }

  /** The form without a listener: each chunk runs as one SQLite script, with D1's rules. */
  @Nested
  class Script {

    @Test
    void importsADumpAndReportsTotals() throws IOException {
      ImportSummary summary =
          SqlImport.run(
              db, file(SQLITE3_DUMP), new ImportOptions(3, Long.MAX_VALUE), SqlProgress.NONE);

      assertThat(summary.statements()).isEqualTo(7);
      assertThat(summary.transactions()).isEqualTo(3);
      assertThat(summary.changes()).isEqualTo(4);
      assertThat(summary.sizeAfter()).isPositive();
      assertThat(db.prepare("SELECT s FROM t WHERE id = 2").<String>first("s")).isEqualTo("x\ny");
      assertThat(db.prepare("SELECT b FROM t WHERE id = 1").<byte[]>first("b"))
          .containsExactly(0, 0xff);
    }

    @Test
    void aFailingStatementNamesItsLineWithD1sExactErrorAndKeepsEarlierChunks() throws IOException {
      Path file =
          file(
              "CREATE TABLE t(x UNIQUE);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n"
                  + "INSERT INTO t VALUES (3);\nINSERT INTO t VALUES (4);\n"
                  + "INSERT INTO t\n  VALUES (1);\nINSERT INTO t VALUES (6);\n");

      assertThatThrownBy(
              () -> SqlImport.run(db, file, new ImportOptions(4, Long.MAX_VALUE), SqlProgress.NONE))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                assertThat(e.line()).isEqualTo(6);
                assertThat(e.committedStatements()).isEqualTo(4);
                assertThat(e.detail())
                    .isEqualTo(
                        "Error on line 6: D1_ERROR: UNIQUE constraint failed: t.x:"
                            + " SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)");
              });
      assertThat(count("t")).isEqualTo(3);
    }

    @Test
    void syntaxErrorsCarryD1sOffset() throws IOException {
      assertChunkFailsOnLine(
          "CREATE TABLE t(x);\nINSERT INTO t VALUES (1);\nSELEC 2;\n",
          3,
          "D1_ERROR: near \"SELEC\": syntax error at offset 0: SQLITE_ERROR",
          "t");
    }

    @Test
    void keepsD1sRules() throws IOException {
      assertChunkFailsOnLine(
          "CREATE TABLE ok(x);\nCREATE TABLE _cf_x(a);\n",
          2,
          "D1_ERROR: not authorized: SQLITE_AUTH",
          "ok");
    }

    /**
     * Imports {@code sql} as one chunk, which must fail on {@code line} and leave no {@code table}.
     */
    private void assertChunkFailsOnLine(String sql, long line, String message, String table)
        throws IOException {
      Path file = file(sql);
      assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, SqlProgress.NONE))
          .isInstanceOfSatisfying(
              SqlImportException.class,
              e -> {
                assertThat(e.line()).isEqualTo(line);
                assertThat(e.failure().getMessage()).isEqualTo(message);
              });
      assertThat(
              db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = ?")
                  .bind(table)
                  .<Long>first("n"))
          .isZero();
    }

    @Test
    void readersReportProgressInStatements() {
      List<long[]> progress = new ArrayList<>();

      ImportSummary summary =
          SqlImport.run(
              db,
              new StringReader(
                  "CREATE TABLE t(x); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);"),
              new ImportOptions(2, Long.MAX_VALUE),
              (done, total) -> progress.add(new long[] {done, total}));

      assertThat(summary.changes()).isEqualTo(2);
      assertThat(progress).extracting(p -> p[0]).containsExactly(2L, 3L);
      assertThat(count("t")).isEqualTo(2);
    }
  }

  @Nested
  class Direct {
    private final ImportOptions direct = new ImportOptions(3, Long.MAX_VALUE, true);

    @Test
    void importsADumpIntoAFileDatabaseVisibleToTheEngine() throws IOException {
      Path sql = file(SQLITE3_DUMP);
      try (D1SqliteDatabase fileDb = D1Sqlite.open(dir.resolve("d.sqlite"))) {
        List<Long> changes = new ArrayList<>();
        ImportSummary summary =
            SqlImport.run(
                fileDb, sql, direct, SqlProgress.NONE, (st, r) -> changes.add(r.meta().changes()));

        assertThat(summary.statements()).isEqualTo(7);
        assertThat(summary.transactions()).isEqualTo(3);
        assertThat(summary.changes()).isEqualTo(4);
        assertThat(summary.sizeAfter())
            .isGreaterThan(4096)
            .isEqualTo(summary.sizeAfter() / 4096 * 4096);
        assertThat(changes).containsExactly(0L, 0L, 1L, 1L, 1L, 1L, 0L);
        assertThat(fileDb.prepare("SELECT s FROM t WHERE id = 1").<String>first("s"))
            .isEqualTo("a;b");
      }
    }

    @ParameterizedTest(name = "with a listener: {0}")
    @ValueSource(booleans = {true, false})
    void aFailingStatementNamesItsLineWithD1sWordingAndKeepsEarlierChunks(boolean listener)
        throws IOException {
      Path sql =
          file(
              "CREATE TABLE t(x UNIQUE);\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n"
                  + "INSERT INTO t VALUES (3);\nINSERT INTO t VALUES (1);\n");
      try (D1SqliteDatabase fileDb = D1Sqlite.open(dir.resolve("d.sqlite"))) {
        assertThatThrownBy(
                () -> {
                  if (listener) {
                    SqlImport.run(fileDb, sql, direct, SqlProgress.NONE, StatementListener.NONE);
                  } else {
                    // one script per chunk, rerun statement by statement after the failure
                    SqlImport.run(fileDb, sql, direct, SqlProgress.NONE);
                  }
                })
            .isInstanceOfSatisfying(
                SqlImportException.class,
                e -> {
                  assertThat(e.line()).isEqualTo(5);
                  assertThat(e.committedStatements()).isEqualTo(3);
                  assertThat(e.failure().detail())
                      .isEqualTo(
                          "UNIQUE constraint failed: t.x: SQLITE_CONSTRAINT (extended: SQLITE_CONSTRAINT_UNIQUE)");
                });
        assertThat(fileDb.prepare("SELECT count(*) AS n FROM t").<Long>first("n")).isEqualTo(2L);
      }
    }

    @Test
    void syntaxErrorsUseSqlitesTextAndPrimaryCode() throws IOException {
      Path sql = file("SELEC 1;");
      try (D1SqliteDatabase fileDb = D1Sqlite.open(dir.resolve("d.sqlite"))) {
        assertThatThrownBy(
                () -> SqlImport.run(fileDb, sql, direct, SqlProgress.NONE, StatementListener.NONE))
            .isInstanceOfSatisfying(
                SqlImportException.class,
                e ->
                    assertThat(e.failure().detail())
                        .isEqualTo("near \"SELEC\": syntax error: SQLITE_ERROR"));
      }
    }

    @Test
    void withoutAListenerRunsScriptsAndReportsTotals() throws IOException {
      try (D1SqliteDatabase fileDb = D1Sqlite.open(dir.resolve("d.sqlite"))) {
        ImportSummary summary = SqlImport.run(fileDb, file(SQLITE3_DUMP), direct, SqlProgress.NONE);

        assertThat(summary.statements()).isEqualTo(7);
        assertThat(summary.transactions()).isEqualTo(3);
        assertThat(summary.changes()).isEqualTo(4);
        assertThat(fileDb.prepare("SELECT s FROM t WHERE id = 1").<String>first("s"))
            .isEqualTo("a;b");
      }
    }

    @Test
    void asOneTransactionRunsChunkByChunkAndAFailureLeavesTheDatabaseUntouched()
        throws IOException {
      StringBuilder sql = new StringBuilder("CREATE TABLE t(x UNIQUE);\n");
      for (int i = 0; i < 12_000; i++) {
        sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
      }
      Path good = file(sql.toString());
      try (D1SqliteDatabase fileDb = D1Sqlite.open(dir.resolve("one.sqlite"))) {
        ImportOptions one = ImportOptions.SINGLE_TRANSACTION.withDirect(true);
        ImportSummary summary = SqlImport.run(fileDb, good, one, SqlProgress.NONE);

        assertThat(summary.statements()).isEqualTo(12_001);
        assertThat(summary.transactions()).isEqualTo(1);
        assertThat(summary.changes()).isEqualTo(12_000);
        assertThat(summary.sizeAfter()).isPositive();

        StringBuilder more = new StringBuilder();
        for (int i = 1; i <= 5_001; i++) {
          more.append("INSERT INTO t VALUES (").append(-i).append(");\n");
        }
        Path bad = file(more.append("INSERT INTO t VALUES (5);\n").toString());
        assertThatThrownBy(() -> SqlImport.run(fileDb, bad, one, SqlProgress.NONE))
            .isInstanceOfSatisfying(
                SqlImportException.class,
                e -> {
                  // the first chunk of 5,000 ran, the second failed on its second statement
                  assertThat(e.line()).isEqualTo(5_002);
                  assertThat(e.committedStatements()).isZero();
                  assertThat(e.explanation()).startsWith("UNIQUE constraint failed: t.x");
                });
        assertThat(fileDb.prepare("SELECT count(*) AS n FROM t").<Long>first("n"))
            .isEqualTo(12_000L);
      }
    }

    @Test
    void isIgnoredForInMemoryDatabasesWhichKeepD1sRules() {
      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db,
                      new StringReader("CREATE TABLE _cf_x(a);"),
                      direct,
                      SqlProgress.NONE,
                      StatementListener.NONE))
          .isInstanceOf(SqlImportException.class)
          .hasMessageContaining("SQLITE_AUTH");
    }
  }

  @Nested
  class Options {
    @Test
    void nonPositiveChunkSizesAreRefusedByName() {
      assertThatThrownBy(() -> new ImportOptions(0, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("chunkStatements must be at least 1: 0");
      assertThatThrownBy(() -> new ImportOptions(1, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("chunkChars must be at least 1: 0");
    }
  }
}
