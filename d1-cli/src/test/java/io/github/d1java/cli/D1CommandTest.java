package io.github.d1java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.wrangler.WranglerProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class D1CommandTest {

  @TempDir Path dir;

  private String out;
  private String err;

  private int run(boolean tty, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        D1Command.commandLine(dir, Map.of(), new PrintWriter(o), new PrintWriter(e), tty, tty)
            .execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private int run(String... args) {
    return run(false, args);
  }

  @BeforeEach
  void config() throws IOException {
    Files.writeString(
        dir.resolve("wrangler.toml"),
        "name = \"app\"\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app-db\"\n"
            + "database_id = \"51e7c314-456e-4167-b6c3-869ad188fc23\"\n");
  }

  private D1SqliteDatabase open() {
    return D1Sqlite.open(WranglerProject.find(dir, null).localFile("DB", null));
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  @Nested
  class Execute {
    @Test
    void jsonPrintsWranglersShapeOnly() throws IOException {
      int code =
          run(
              "execute",
              "app-db",
              "--json",
              "--command",
              "CREATE TABLE t(a, b); INSERT INTO t VALUES (1, X'0102ff'), (2.5, NULL); SELECT * FROM t");

      assertThat(code).isZero();
      assertThat(err).isEmpty();
      JsonNode json = json(out);
      assertThat(json).hasSize(3);
      assertThat(json.get(2).get("results").toString())
          .isEqualTo("[{\"a\":1,\"b\":\"[1, 2, 255]\"},{\"a\":2.5,\"b\":null}]");
      assertThat(json.get(2).get("success").asBoolean()).isTrue();
      assertThat(json.get(2).get("meta").fieldNames()).toIterable().containsExactly("duration");
      assertThat(out).startsWith("[\n  {\n    \"results\": [],\n    \"success\": true,");
    }

    @Test
    void withoutATerminalLogsThenPrintsJson() {
      int code = run("execute", "DB", "--command", "SELECT 1 AS one;");

      assertThat(code).isZero();
      assertThat(out)
          .startsWith(
              "🌀 Executing on local database app-db (51e7c314-456e-4167-b6c3-869ad188fc23) from"
                  + " .wrangler/state/v3/d1:\n")
          .contains(
              "🚣 1 command executed successfully.\n[\n  {\n    \"results\": [\n      {\n"
                  + "        \"one\": 1\n      }\n    ],");
    }

    @Test
    void onATerminalDrawsBoxedTablesForResultsWithRows() {
      int code =
          run(
              true,
              "execute",
              "DB",
              "--command",
              "SELECT 1 AS a, 'x' AS b, NULL AS c UNION ALL SELECT 9007199254740992, 'x', NULL;"
                  + " SELECT 1 WHERE 0; SELECT 2 AS two");

      assertThat(code).isZero();
      assertThat(out)
          .endsWith(
              "🚣 3 commands executed successfully.\n"
                  + "┌──────────────────┬───┬──────┐\n"
                  + "│ a                │ b │ c    │\n"
                  + "├──────────────────┼───┼──────┤\n"
                  + "│ 1                │ x │ null │\n"
                  + "├──────────────────┼───┼──────┤\n"
                  + "│ 9007199254740992 │ x │ null │\n"
                  + "└──────────────────┴───┴──────┘\n"
                  + "┌─────┐\n"
                  + "│ two │\n"
                  + "├─────┤\n"
                  + "│ 2   │\n"
                  + "└─────┘\n");
    }

    @Test
    void writesTheFileWranglerUses() {
      run("execute", "DB", "--command", "CREATE TABLE t(a); INSERT INTO t VALUES ('cli')");

      try (D1SqliteDatabase db = open()) {
        assertThat(db.prepare("SELECT a FROM t").<String>first("a")).isEqualTo("cli");
      }
    }

    @Test
    void persistToMovesTheState() {
      int code =
          run(
              "execute",
              "DB",
              "--local",
              "--persist-to",
              "elsewhere",
              "--command",
              "CREATE TABLE t(a)");

      assertThat(code).isZero();
      assertThat(dir.resolve("elsewhere/v3/d1/miniflare-D1DatabaseObject")).isDirectory();
      assertThat(dir.resolve(".wrangler")).doesNotExist();
    }

    @Test
    void fileImportsAnyDumpAndPrintsASummary() throws IOException {
      Files.writeString(
          dir.resolve("dump.sql"),
          "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(a);\n"
              + "INSERT INTO t VALUES(1);\nINSERT INTO t VALUES(2);\nCOMMIT;\n");

      int code = run("execute", "DB", "--file", "dump.sql", "--chunk-size", "2");

      assertThat(code).isZero();
      assertThat(out).contains("🚣 4 commands executed successfully.\n[");
      JsonNode summary = json(out.substring(out.indexOf("\n[") + 1)).get(0).get("results").get(0);
      assertThat(summary.get("Total queries executed").asLong()).isEqualTo(4);
      assertThat(summary.get("Rows read").asLong()).isZero();
      assertThat(summary.get("Rows written").asLong()).isEqualTo(2);
      assertThat(summary.get("Database size (MB)").asText()).isEqualTo("0.01");
      try (D1SqliteDatabase db = open()) {
        assertThat(db.prepare("SELECT count(*) AS n FROM t").<Long>first("n")).isEqualTo(2L);
      }
    }

    @Test
    void directFileImportLandsInTheSameFile() throws IOException {
      Files.writeString(dir.resolve("dump.sql"), "CREATE TABLE t(a);\nINSERT INTO t VALUES(1);\n");

      assertThat(run("execute", "DB", "--file", "dump.sql", "--direct")).isZero();

      JsonNode summary = json(out.substring(out.indexOf("\n[") + 1)).get(0).get("results").get(0);
      assertThat(summary.get("Rows written").asLong()).isEqualTo(1);
      try (D1SqliteDatabase db = open()) {
        assertThat(db.prepare("SELECT count(*) AS n FROM t").<Long>first("n")).isEqualTo(1L);
      }
    }

    @Test
    void forcedProgressDrawsOnStderr() throws IOException {
      Files.writeString(dir.resolve("dump.sql"), "CREATE TABLE t(a);\nINSERT INTO t VALUES(1);\n");

      int code = run("execute", "DB", "--file", "dump.sql", "--progress");

      assertThat(code).isZero();
      assertThat(err).startsWith("\r[##############################] 100%").endsWith("\n");
    }
  }

  @Nested
  class ExecuteErrors {
    @Test
    void badSqlIsOneLineOnStderrWithExitCode1() {
      int code = run("execute", "DB", "--command", "SELEC 1");

      assertThat(code).isEqualTo(1);
      assertThat(err)
          .isEqualTo("✘ [ERROR] near \"SELEC\": syntax error at offset 0: SQLITE_ERROR\n");
    }

    @Test
    void badSqlWithJsonIsAnErrorObjectOnStdout() throws IOException {
      int code = run("execute", "DB", "--json", "--command", "SELEC 1");

      assertThat(code).isEqualTo(1);
      assertThat(err).isEmpty();
      assertThat(out)
          .isEqualTo(
              "{\n  \"error\": {\n    \"text\": \"near \\\"SELEC\\\": syntax error at offset"
                  + " 0: SQLITE_ERROR\"\n  }\n}\n");
    }

    @Test
    void badSqlInAFileNamesTheLine() throws IOException {
      Files.writeString(
          dir.resolve("bad.sql"), "CREATE TABLE t(a);\n\nINSERT INTO nope VALUES (1);\n");

      int code = run("execute", "DB", "--file", "bad.sql");

      assertThat(code).isEqualTo(1);
      assertThat(err).isEqualTo("✘ [ERROR] Error on line 3: no such table: nope: SQLITE_ERROR\n");
    }

    @Test
    void missingFileIsNamed() {
      int code = run("execute", "DB", "--file", "missing.sql");

      assertThat(code).isEqualTo(1);
      assertThat(err)
          .isEqualTo(
              "✘ [ERROR] Unable to read SQL text file \""
                  + dir.resolve("missing.sql")
                  + "\": no such file.\n");
    }

    @Test
    void unknownBindingGivesWranglersMessage() {
      int code = run("execute", "nope", "--command", "SELECT 1");

      assertThat(code).isEqualTo(1);
      assertThat(err)
          .isEqualTo(
              "✘ [ERROR] Couldn't find a D1 DB with the name or binding 'nope' in your"
                  + " wrangler.toml file.\n");
    }

    @Test
    void missingConfigIsExplained() throws IOException {
      Files.delete(dir.resolve("wrangler.toml"));

      int code = run("execute", "DB", "--command", "SELECT 1");

      assertThat(code).isEqualTo(1);
      assertThat(err)
          .startsWith(
              "✘ [ERROR] No wrangler config (wrangler.json, wrangler.jsonc or"
                  + " wrangler.toml) found in ");
    }

    @Test
    void commandAndFileTogetherAreRefused() {
      assertThat(run("execute", "DB", "--command", "SELECT 1", "--file", "x.sql")).isEqualTo(1);
      assertThat(err).isEqualTo("✘ [ERROR] Error: can't provide both --command and --file.\n");
    }

    @Test
    void neitherCommandNorFileIsRefused() {
      assertThat(run("execute", "DB")).isEqualTo(1);
      assertThat(err).startsWith("✘ [ERROR] Missing required option --command or --file.");
    }

    @Test
    void persistToWithoutLocalIsRefusedAsWranglerDoes() {
      assertThat(run("execute", "DB", "--persist-to", "x", "--command", "SELECT 1")).isEqualTo(1);
      assertThat(err).isEqualTo("✘ [ERROR] Error: can't use --persist-to without --local\n");
    }

    @Test
    void binarySqliteFileIsRefused() throws IOException {
      Files.write(
          dir.resolve("db.sqlite"),
          "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

      assertThat(run("execute", "DB", "--file", "db.sqlite")).isEqualTo(1);
      assertThat(err).startsWith("✘ [ERROR] Provided file is a binary SQLite database file");
    }

    @Test
    void negativeChunkSizeIsRefused() {
      assertThat(run("execute", "DB", "--file", "x.sql", "--chunk-size", "-1")).isEqualTo(1);
      assertThat(err).isEqualTo("✘ [ERROR] --chunk-size must be 0 or more: -1\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
      assertThat(run("execute", "DB", "--bogus")).isEqualTo(2);
      assertThat(err).contains("Unknown option: '--bogus'");
    }
  }

  @Nested
  class Export {
    @Test
    void writesWranglersFormatAndLogsLikeWrangler() throws IOException {
      run("execute", "DB", "--command", "CREATE TABLE t(a); INSERT INTO t VALUES (1)");

      int code = run("export", "app-db", "--output", "out.sql");

      assertThat(code).isZero();
      assertThat(Files.readString(dir.resolve("out.sql")))
          .isEqualTo(
              "PRAGMA defer_foreign_keys=TRUE;\nCREATE TABLE t(a);\nINSERT INTO \"t\" (\"a\") VALUES(1);");
      assertThat(out)
          .contains(
              "🌀 Exporting local database app-db (51e7c314-456e-4167-b6c3-869ad188fc23) from"
                  + " .wrangler/state/v3/d1:\n")
          .contains("🌀 Exporting SQL to " + dir.resolve("out.sql") + "...\n")
          .endsWith("Done!\n");
    }

    @Test
    void tablesAndNoDataAreHonoured() throws IOException {
      run(
          "execute",
          "DB",
          "--command",
          "CREATE TABLE a(x); CREATE TABLE b(y); INSERT INTO a VALUES (1)");

      assertThat(run("export", "DB", "--output", "a.sql", "--table", "a", "--no-data")).isZero();

      assertThat(Files.readString(dir.resolve("a.sql")))
          .isEqualTo("PRAGMA defer_foreign_keys=TRUE;\nCREATE TABLE a(x);");
    }

    @Test
    void noSchemaAndNoDataTogetherAreRefused() {
      assertThat(run("export", "DB", "--output", "a.sql", "--no-schema", "--no-data")).isEqualTo(1);
      assertThat(err).startsWith("✘ [ERROR] Cannot use --no-schema and --no-data together.");
      assertThat(dir.resolve("a.sql")).doesNotExist();
    }

    @Test
    void outputIsRequired() {
      assertThat(run("export", "DB")).isEqualTo(2);
      assertThat(err).contains("Missing required option: '--output=<output>'");
    }

    @Test
    void aDirectoryOutputIsRefused() {
      assertThat(run("export", "DB", "--output", ".")).isEqualTo(1);
      assertThat(err)
          .isEqualTo("✘ [ERROR] Please specify a file path for --output, not a directory.\n");
    }
  }

  @Nested
  class Migrations {
    @Test
    void createListApplyAsWranglerDoes() throws IOException {
      Files.createDirectories(dir.resolve("migrations"));

      assertThat(run("migrations", "create", "DB", "add users")).isZero();
      Path file = dir.resolve("migrations/0001_add_users.sql");
      assertThat(out)
          .startsWith("✅ Successfully created Migration '0001_add_users.sql'!")
          .contains(file.toString());
      Files.writeString(
          file,
          "CREATE TABLE users(id INTEGER PRIMARY KEY);\n",
          java.nio.file.StandardOpenOption.APPEND);

      assertThat(run("migrations", "list", "DB")).isZero();
      assertThat(out)
          .isEqualTo(
              "Migrations to be applied:\n┌────────────────────┐\n│ Name               │\n"
                  + "├────────────────────┤\n│ 0001_add_users.sql │\n└────────────────────┘\n");

      assertThat(run("migrations", "apply", "DB")).isZero();
      assertThat(out)
          .endsWith(
              "┌────────────────────┬────────┐\n│ name               │ status │\n"
                  + "├────────────────────┼────────┤\n│ 0001_add_users.sql │ ✅     │\n"
                  + "└────────────────────┴────────┘\n");

      assertThat(run("migrations", "apply", "DB")).isZero();
      assertThat(out).isEqualTo("✅ No migrations to apply!\n");
      try (D1SqliteDatabase db = open()) {
        assertThat(db.prepare("SELECT name FROM d1_migrations").<String>first("name"))
            .isEqualTo("0001_add_users.sql");
      }
    }

    @Test
    void aFailingMigrationIsMarkedAndStopsTheRun() throws IOException {
      Path migrations = Files.createDirectories(dir.resolve("migrations"));
      Files.writeString(migrations.resolve("0001_ok.sql"), "CREATE TABLE a(x);");
      Files.writeString(
          migrations.resolve("0002_bad.sql"), "CREATE TABLE b(x);\nINSERT INTO nope VALUES (1);");
      Files.writeString(migrations.resolve("0003_later.sql"), "CREATE TABLE c(x);");

      assertThat(run("migrations", "apply", "DB")).isEqualTo(1);

      assertThat(out)
          .contains("│ 0001_ok.sql  │ ✅     │")
          .contains("│ 0002_bad.sql │ ❌     │")
          .contains("Migration 0002_bad.sql failed with the following errors:");
      assertThat(err).startsWith("✘ [ERROR] 0002_bad.sql failed at line 2");
      try (D1SqliteDatabase db = open()) {
        assertThat(
                db.prepare(
                        "SELECT group_concat(name) AS n FROM sqlite_schema WHERE type = 'table'"
                            + " AND name IN ('a', 'b', 'c')")
                    .<String>first("n"))
            .isEqualTo("a");
      }
    }

    @Test
    void missingDirectoryIsNamed() {
      assertThat(run("migrations", "list", "DB")).isEqualTo(1);
      assertThat(err)
          .isEqualTo("✘ [ERROR] No migrations present at " + dir.resolve("migrations") + ".\n");
    }

    @Test
    void aMessageWithASlashIsRefused() {
      assertThat(run("migrations", "create", "DB", "a/b")).isEqualTo(1);
      assertThat(err).contains("may not contain '/'");
    }
  }

  @Test
  void cwdRunsAsIfStartedThere() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.move(dir.resolve("wrangler.toml"), sub.resolve("wrangler.toml"));
    Files.writeString(sub.resolve("q.sql"), "CREATE TABLE moved(a);");

    assertThat(run("--cwd", "sub", "execute", "DB", "--file", "q.sql")).isZero();

    assertThat(sub.resolve(".wrangler/state/v3/d1/miniflare-D1DatabaseObject")).isDirectory();
  }

  @Test
  void explicitConfigAndEnvironmentAreUsed() throws IOException {
    Files.writeString(
        dir.resolve("other.toml"),
        "[env.staging]\n[[env.staging.d1_databases]]\nbinding = \"STAGE\"\n");

    assertThat(
            run("-c", "other.toml", "-e", "staging", "execute", "STAGE", "--command", "SELECT 1"))
        .isZero();
    assertThat(run("-c", "other.toml", "execute", "STAGE", "--command", "SELECT 1")).isEqualTo(1);
    assertThat(err)
        .contains(
            "Couldn't find a D1 DB with the name or binding 'STAGE' in your other.toml file.");
  }

  @Test
  void withoutASubcommandPrintsUsage() {
    assertThat(run()).isZero();
    assertThat(out)
        .contains("Usage: d1")
        .contains("execute")
        .contains("export")
        .contains("migrations");
  }
}
