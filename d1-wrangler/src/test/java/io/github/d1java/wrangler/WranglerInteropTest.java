package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.migrations.D1Migration;
import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.testkit.Wrangler;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves Java and the real {@code wrangler} (from npm) share local databases: what one writes the
 * other reads. Runs only when {@code node} is on PATH; wrangler {@value Wrangler#VERSION} is
 * installed once per machine by the testkit's {@link Wrangler}.
 */
@EnabledIf("io.github.d1java.testkit.Wrangler#nodeOnPath")
class WranglerInteropTest {

  @TempDir Path project;

  private String wrangler(String... args) throws Exception {
    return Wrangler.run(project, args);
  }

  private void writeConfig() throws IOException {
    Files.writeString(
        project.resolve("wrangler.jsonc"),
        "{\n  // interop test\n  \"name\": \"interop\",\n  \"compatibility_date\": \"2025-01-01\",\n"
            + "  \"d1_databases\": [{\"binding\": \"DB\", \"database_name\": \"app\","
            + " \"database_id\": \"51e7c314-456e-4167-b6c3-869ad188fc23\"},],\n}\n");
  }

  @Test
  void javaReadsWhatWranglerWrote() throws Exception {
    writeConfig();
    wrangler(
        "d1",
        "execute",
        "app",
        "--local",
        "--command",
        "CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, b BLOB);"
            + " INSERT INTO t VALUES (1, 'from wrangler', X'00ff');");

    WranglerProject p = WranglerProject.find(project, null);
    assertThat(p.localFile("DB", null))
        .exists()
        .hasFileName("08d384fb89e3dcefdd89baf9cd88912400f9e288655b803344e682244564ecff.sqlite");
    try (D1SqliteDatabase db = p.openLocal("app", null)) {
      Map<String, Object> row = db.prepare("SELECT * FROM t").first();
      assertThat(row).containsEntry("id", 1L).containsEntry("s", "from wrangler");
      assertThat((byte[]) row.get("b")).containsExactly(0, 0xff);
    }
  }

  @Test
  void wranglerReadsWhatJavaWroteIncludingUnderPersistTo() throws Exception {
    writeConfig();
    try (D1SqliteDatabase db = WranglerProject.find(project, null).openLocal("DB", "state")) {
      db.exec("CREATE TABLE j(id INTEGER PRIMARY KEY, s TEXT)");
      db.prepare("INSERT INTO j VALUES (?, ?)").bind(7, "from java").run();
    }

    String out =
        wrangler(
            "d1",
            "execute",
            "DB",
            "--local",
            "--persist-to",
            "state",
            "--json",
            "--command",
            "SELECT * FROM j");

    JsonNode json = new ObjectMapper().readTree(out);
    assertThat(json.get(0).get("results").get(0).get("s").asText()).isEqualTo("from java");
    assertThat(json.get(0).get("results").get(0).get("id").asLong()).isEqualTo(7);
  }

  @Test
  void wranglerImportsOurExport() throws Exception {
    writeConfig();
    try (D1SqliteDatabase db = WranglerProject.find(project, null).openLocal("DB", "java")) {
      SqlImport.run(
          db,
          new StringReader(SqlExportTest.resource("golden.sql")),
          ImportOptions.DEFAULTS,
          SqlProgress.NONE,
          StatementListener.NONE);
      SqlExport.export(db, project.resolve("ours.sql"), ExportOptions.ALL, SqlProgress.NONE);
    }

    wrangler("d1", "execute", "app", "--local", "--file", "ours.sql");
    wrangler("d1", "export", "app", "--local", "--output", "theirs.sql");

    // wrangler 4.125.0 writes column lists too, so its export of our import is our export
    assertThat(Files.readString(project.resolve("theirs.sql")))
        .isEqualTo(Files.readString(project.resolve("ours.sql")));
  }

  @Test
  void migrationsAppliedByEitherSideCountAsAppliedForTheOther() throws Exception {
    writeConfig();
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(dir.resolve("0001_first.sql"), "CREATE TABLE first(a);\n");
    wrangler("d1", "migrations", "apply", "app", "--local");

    Files.writeString(dir.resolve("0002_second.sql"), "CREATE TABLE second(b);\n");
    WranglerProject p = WranglerProject.find(project, null);
    D1DatabaseConfig db = p.database("app");
    D1Migrations migrations =
        D1Migrations.builder()
            .directory(p.config().migrationsDir(db))
            .table(db.migrationsTable())
            .build();
    try (D1SqliteDatabase local = p.openLocal("app", null)) {
      assertThat(migrations.unapplied(local))
          .extracting(D1Migration::name)
          .containsExactly("0002_second.sql");
      migrations.apply(local);
    }

    assertThat(wrangler("d1", "migrations", "list", "app", "--local"))
        .contains("No migrations to apply");
  }
}
