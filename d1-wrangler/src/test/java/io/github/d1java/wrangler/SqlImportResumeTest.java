package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resumable imports: the progress file beside the database and {@link ImportOptions#resume()}. */
class SqlImportResumeTest {

  @TempDir Path dir;

  /** Stands for the process dying right after a chunk's progress was recorded. */
  private static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private Path dump(int rows) throws IOException {
    StringBuilder sql = new StringBuilder("BEGIN TRANSACTION;\n");
    sql.append("CREATE TABLE a(id INTEGER PRIMARY KEY, name TEXT UNIQUE);\n");
    sql.append("CREATE TABLE b(a_id INTEGER REFERENCES a(id), note);\n");
    for (int i = 1; i <= rows; i++) {
      sql.append("INSERT INTO a VALUES(").append(i).append(",'n").append(i).append("');\n");
      sql.append("INSERT INTO b VALUES(").append(i).append(",X'0").append(i % 10).append("');\n");
    }
    sql.append("CREATE INDEX b_note ON b(note);\nCOMMIT;\n");
    Path file = dir.resolve("dump.sql");
    Files.writeString(file, sql);
    return file;
  }

  private static String export(D1SqliteDatabase db) {
    StringWriter out = new StringWriter();
    SqlExport.export(db, out, ExportOptions.ALL, SqlProgress.NONE);
    return out.toString();
  }

  /** Imports until the progress listener has been called {@code after} times, then "crashes". */
  private static void importCrashingAfter(
      D1SqliteDatabase db, Path file, ImportOptions options, int after) {
    int[] calls = {0};
    assertThatThrownBy(
            () ->
                SqlImport.run(
                    db,
                    file,
                    options,
                    (done, total) -> {
                      if (++calls[0] == after) {
                        throw new Crash();
                      }
                    }))
        .isInstanceOf(Crash.class);
  }

  @Test
  void anInterruptedImportResumesToTheSameDatabaseAsACleanOne() throws IOException {
    Path file = dump(100);
    ImportOptions options = new ImportOptions(7, Long.MAX_VALUE);
    String clean;
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("clean.sqlite"))) {
      SqlImport.run(db, file, options, SqlProgress.NONE);
      clean = export(db);
    }
    Path database = dir.resolve("resumed.sqlite");
    Path progress = SqlImport.progressFile(database);
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      importCrashingAfter(db, file, options, 3);
      assertThat(Files.readString(progress)).contains("statements=21\n", "line=22\n");
      importCrashingAfter(db, file, options.withResume(true), 10);
      assertThat(Files.readString(progress)).contains("statements=91\n");

      ImportSummary rest = SqlImport.run(db, file, options.withResume(true), SqlProgress.NONE);

      assertThat(rest.statements()).isEqualTo(203 - 91);
      assertThat(export(db)).isEqualTo(clean);
    }
    assertThat(progress).doesNotExist();
  }

  @Test
  void aProgressFileOneChunkBehindTheDatabaseRepeatsNothing() throws IOException {
    // a kill between a chunk's commit and the progress file's update leaves the file behind
    Path file = dump(40);
    ImportOptions options = new ImportOptions(9, Long.MAX_VALUE);
    String clean;
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("clean.sqlite"))) {
      SqlImport.run(db, file, options, SqlProgress.NONE);
      clean = export(db);
    }
    Path database = dir.resolve("db.sqlite");
    Path progress = SqlImport.progressFile(database);
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      importCrashingAfter(db, file, options, 2);
      String behind = Files.readString(progress);
      importCrashingAfter(db, file, options.withResume(true), 1);
      Files.writeString(progress, behind);

      SqlImport.run(db, file, options.withResume(true), SqlProgress.NONE);

      assertThat(export(db)).isEqualTo(clean);
    }
  }

  @Test
  void theRecordOfProgressDoesNotCountAsChanges() throws IOException {
    Path file = dump(20);
    ImportOptions options = new ImportOptions(4, Long.MAX_VALUE);
    ImportSummary inMemory;
    try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
      inMemory = SqlImport.run(db, file, options, SqlProgress.NONE);
    }
    for (ImportOptions o : List.of(options, options.withDirect(true))) {
      Path database = Files.createTempFile(dir, "db", ".sqlite");
      Files.delete(database);
      try (D1SqliteDatabase db = D1Sqlite.open(database)) {
        assertThat(SqlImport.run(db, file, o, SqlProgress.NONE).changes())
            .isEqualTo(inMemory.changes());
        List<Long> changes = new ArrayList<>();
        Path again = Files.createTempFile(dir, "db", ".sqlite");
        Files.delete(again);
        try (D1SqliteDatabase other = D1Sqlite.open(again)) {
          SqlImport.run(
              other, file, o, SqlProgress.NONE, (st, r) -> changes.add(r.meta().changes()));
        }
        assertThat(changes).hasSize(41 + 2).containsOnly(0L, 1L);
      }
    }
  }

  @Test
  void theTableAloneIsEnoughToResumeWhenTheProgressFileIsLost() throws IOException {
    Path file = dump(10);
    Path database = dir.resolve("db.sqlite");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      importCrashingAfter(db, file, new ImportOptions(5, Long.MAX_VALUE), 2);
      Files.delete(SqlImport.progressFile(database));

      ImportSummary rest =
          SqlImport.run(db, file, ImportOptions.DEFAULTS.withResume(true), SqlProgress.NONE);

      assertThat(rest.statements()).isEqualTo(23 - 10);
      assertThat(db.prepare("SELECT count(*) AS n FROM b").<Long>first("n")).isEqualTo(10L);
    }
  }

  @Test
  void aProgressFileWithoutItsTableMeansTheImportHadFinished() throws IOException {
    Path file = dump(3);
    Path database = dir.resolve("db.sqlite");
    Path progress = SqlImport.progressFile(database);
    Files.writeString(progress, "file=x\nsize=1\nsha256=00\nstatements=4\nline=5\n");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      assertThat(SqlImport.run(db, file, ImportOptions.DEFAULTS, null).statements()).isEqualTo(9);
    }
    assertThat(progress).doesNotExist();
  }

  @Test
  void progressBeyondTheEndOfTheFileIsRefused() throws IOException {
    Path file = dump(10);
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("db.sqlite"))) {
      importCrashingAfter(db, file, new ImportOptions(5, Long.MAX_VALUE), 1);
      db.exec("UPDATE _d1_import_progress SET statements = 999");

      assertThatThrownBy(
              () -> SqlImport.run(db, file, ImportOptions.DEFAULTS.withResume(true), null))
          .isInstanceOfSatisfying(
              WranglerException.class,
              e ->
                  assertThat(e.detail())
                      .isEqualTo(
                          "The recorded progress (999 statements) is beyond the end of the file."));
    }
  }

  @Test
  void anUnreadableOrDamagedProgressFileIsNamed() throws IOException {
    Path file = dump(1);
    Path database = dir.resolve("db.sqlite");
    Path progress = SqlImport.progressFile(database);
    Files.writeString(progress, "statements=\\u12");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, null))
          .isInstanceOfSatisfying(
              WranglerException.class,
              e ->
                  assertThat(e.detail())
                      .isEqualTo(
                          "The import progress file "
                              + progress
                              + " is damaged; delete it to"
                              + " import from the start."));
      Files.delete(progress);
      Files.createDirectory(progress);
      assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, null))
          .isInstanceOfSatisfying(
              WranglerException.class,
              e ->
                  assertThat(e.detail())
                      .startsWith("Could not read the import progress file " + progress + ": "));
    }
  }

  @Test
  void runningAnInterruptedFileAgainWithoutResumeIsRefusedAndChangesNothing() throws IOException {
    Path file = dump(10);
    Path database = dir.resolve("db.sqlite");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      importCrashingAfter(db, file, new ImportOptions(5, Long.MAX_VALUE), 1);
      String before = export(db);

      assertThatThrownBy(() -> SqlImport.run(db, file, ImportOptions.DEFAULTS, SqlProgress.NONE))
          .isInstanceOfSatisfying(
              WranglerException.class,
              e ->
                  assertThat(e.detail())
                      .isEqualTo(
                          "An import of this file stopped after 5 statements (the last one on line 6), which"
                              + " are committed; running it from the start would repeat them. Add --resume"
                              + " (ImportOptions.withResume) to continue after them, or import the file into a"
                              + " new database."));
      assertThat(export(db)).isEqualTo(before);
    }
  }

  @Test
  void anotherFileIsNeverResumed() throws IOException {
    Path file = dump(10);
    Path database = dir.resolve("db.sqlite");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      importCrashingAfter(db, file, new ImportOptions(5, Long.MAX_VALUE), 1);
      String before = export(db);
      // the same size, one byte different
      String changed = Files.readString(file).replace("'n9'", "'m9'");
      Files.writeString(file, changed);

      assertThatThrownBy(
              () ->
                  SqlImport.run(
                      db, file, ImportOptions.DEFAULTS.withResume(true), SqlProgress.NONE))
          .isInstanceOf(WranglerException.class)
          .hasMessageStartingWith(
              "D1_WRANGLER_ERROR: Cannot resume: "
                  + SqlImport.progressFile(database)
                  + " records an import of another file")
          .hasMessageContaining("stopped after 5 statements (the last one on line 6)");
      assertThat(export(db)).isEqualTo(before);
    }
  }

  @Test
  void resumeWithNothingRecordedImportsFromTheStart() throws IOException {
    Path file = dump(3);
    try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("db.sqlite"))) {
      ImportSummary summary =
          SqlImport.run(db, file, ImportOptions.DEFAULTS.withResume(true), SqlProgress.NONE);

      assertThat(summary.statements()).isEqualTo(9);
      assertThat(db.prepare("SELECT count(*) AS n FROM b").<Long>first("n")).isEqualTo(3L);
    }
  }

  @Test
  void aFailedChunkedImportKeepsItsProgressAndAFinishedOneRemovesIt() throws IOException {
    Path file = dir.resolve("f.sql");
    Files.writeString(
        file,
        "CREATE TABLE t(x UNIQUE);\nINSERT INTO t VALUES (1);\n" + "INSERT INTO t VALUES (1);\n");
    Path database = dir.resolve("db.sqlite");
    try (D1SqliteDatabase db = D1Sqlite.open(database)) {
      assertThatThrownBy(() -> SqlImport.run(db, file, new ImportOptions(1, Long.MAX_VALUE), null))
          .isInstanceOf(SqlImportException.class);
      assertThat(Files.readString(SqlImport.progressFile(database))).contains("statements=2\n");

      Files.writeString(file, "INSERT INTO t VALUES (2);\n");
      SqlImport.run(db, file, new ImportOptions(1, Long.MAX_VALUE), null);

      assertThat(SqlImport.progressFile(database)).doesNotExist();
    }
  }
}
