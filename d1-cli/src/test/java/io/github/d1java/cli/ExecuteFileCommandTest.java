package io.github.d1java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.wrangler.SqlImport;
import io.github.d1java.wrangler.WranglerProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code d1 execute --file} with {@code --resume} and {@code --replace-invalid-utf8}. */
class ExecuteFileCommandTest {

  @TempDir Path dir;

  private String out;
  private String err;

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        D1Command.commandLine(dir, Map.of(), new PrintWriter(o), new PrintWriter(e), false, false)
            .execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  @BeforeEach
  void config() throws IOException {
    Files.writeString(
        dir.resolve("wrangler.toml"),
        "name = \"app\"\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app-db\"\n"
            + "database_id = \"51e7c314-456e-4167-b6c3-869ad188fc23\"\n");
  }

  private Path database() {
    return WranglerProject.find(dir, null).localFile("DB", null);
  }

  private long count(String table) {
    try (D1SqliteDatabase db = D1Sqlite.open(database())) {
      return db.prepare("SELECT count(*) AS n FROM " + table).<Long>first("n");
    }
  }

  @Test
  void aFailedImportIsRefusedWithoutResumeAndContinuesWithIt() throws IOException {
    // the first run commits two chunks, then stops at a statement that fails on this database
    assertThat(
            run(
                "execute",
                "DB",
                "--command",
                "CREATE TABLE t(x UNIQUE); INSERT INTO t VALUES" + " (3)"))
        .isZero();
    Files.writeString(
        dir.resolve("dump.sql"),
        "CREATE TABLE IF NOT EXISTS t(x UNIQUE);\nINSERT INTO t VALUES (1);\n"
            + "INSERT INTO t VALUES (2);\nINSERT INTO t VALUES (3);\n");
    assertThat(run("execute", "DB", "--file", "dump.sql", "--chunk-size", "2")).isEqualTo(1);
    assertThat(err).startsWith("✘ [ERROR] Error on line 4: UNIQUE constraint failed: t.x");
    assertThat(Files.readString(SqlImport.progressFile(database()))).contains("statements=2\n");

    assertThat(run("execute", "DB", "--file", "dump.sql", "--chunk-size", "2")).isEqualTo(1);
    assertThat(err)
        .startsWith(
            "✘ [ERROR] An import of this file stopped after 2 statements"
                + " (the last one on line 2), which are committed;");

    try (D1SqliteDatabase db = D1Sqlite.open(database())) {
      db.exec("DELETE FROM t WHERE x = 3");
    }
    assertThat(run("execute", "DB", "--file", "dump.sql", "--chunk-size", "2", "--resume"))
        .as(err)
        .isZero();
    assertThat(count("t")).isEqualTo(3);
    assertThat(SqlImport.progressFile(database())).doesNotExist();
  }

  @Test
  void invalidUtf8IsRefusedUnlessReplacementIsAsked() throws IOException {
    byte[] head = "CREATE TABLE t(x);\nINSERT INTO t VALUES ('a".getBytes();
    byte[] file = new byte[head.length + 4];
    System.arraycopy(head, 0, file, 0, head.length);
    file[head.length] = (byte) 0xff;
    System.arraycopy("');".getBytes(), 0, file, head.length + 1, 3);
    Files.write(dir.resolve("latin.sql"), file);

    assertThat(run("execute", "DB", "--file", "latin.sql")).isEqualTo(1);
    assertThat(err)
        .startsWith("✘ [ERROR] Error on line 2: the file is not valid UTF-8 at byte 43.");

    assertThat(run("execute", "DB", "--file", "latin.sql", "--replace-invalid-utf8"))
        .as(err)
        .isZero();
    try (D1SqliteDatabase db = D1Sqlite.open(database())) {
      assertThat(db.prepare("SELECT x FROM t").<String>first("x")).isEqualTo("a\uFFFD");
    }
  }

  @Test
  void resumeIsForLocalFileImportsOnly() {
    assertThat(run("execute", "DB", "--command", "SELECT 1", "--resume")).isEqualTo(1);
    assertThat(err)
        .isEqualTo("✘ [ERROR] --resume and --replace-invalid-utf8 apply to --file imports only.\n");
    assertThat(run("execute", "DB", "--file", "x.sql", "--remote", "--resume")).isEqualTo(1);
    assertThat(err).isEqualTo("✘ [ERROR] --resume applies to local --file imports only.\n");
  }

  @Test
  void oneTransactionImportsCommitTheWholeFileOrNothing() throws IOException {
    StringBuilder sql = new StringBuilder("BEGIN TRANSACTION;\nCREATE TABLE t(x UNIQUE);\n");
    for (int i = 0; i < 12_000; i++) {
      sql.append("INSERT INTO t VALUES (").append(i).append(");\n");
    }
    Files.writeString(dir.resolve("good.sql"), sql.append("COMMIT;\n").toString());
    Files.writeString(
        dir.resolve("bad.sql"),
        sql.toString().replace("INSERT INTO t VALUES (11999);", "INSERT INTO t VALUES (0);"));

    assertThat(run("execute", "DB", "--file", "good.sql", "--chunk-size", "0")).as(err).isZero();
    assertThat(out).contains("12001 commands executed successfully.");
    assertThat(count("t")).isEqualTo(12_000);

    assertThat(
            run(
                "execute",
                "DB",
                "--file",
                "bad.sql",
                "--chunk-size",
                "0",
                "--local",
                "--persist-to",
                "p"))
        .isEqualTo(1);
    assertThat(err).startsWith("✘ [ERROR] Error on line 12002: UNIQUE constraint failed: t.x");
    try (D1SqliteDatabase db =
        D1Sqlite.open(
            WranglerProject.find(dir, null).localFile("DB", dir.resolve("p").toString()))) {
      assertThat(db.prepare("SELECT count(*) AS n FROM sqlite_master").<Long>first("n")).isZero();
    }
  }

  @Test
  void aLocalStateFolderThatCannotBeCreatedIsNamed() throws IOException {
    Files.writeString(dir.resolve("dump.sql"), "CREATE TABLE t(x);\n");
    Files.writeString(dir.resolve("blocked"), "a file where the state folder would go");

    assertThat(run("execute", "DB", "--file", "dump.sql", "--local", "--persist-to", "blocked"))
        .isEqualTo(1);
    assertThat(err).startsWith("✘ [ERROR] Could not create ").contains("blocked");
  }
}
