package io.github.d1java.wrangler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.migrations.D1Migration;
import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves Java and the real {@code wrangler} (from npm) share local databases: what one writes the
 * other reads. Runs only when {@code node} is on PATH; installs wrangler itself into {@code
 * target/wrangler-npm} (kept between runs).
 */
@EnabledIf("nodeOnPath")
class WranglerInteropTest {

  static final String WRANGLER_VERSION = "4.86.0";
  static final Path NPM_DIR = Path.of("target", "wrangler-npm").toAbsolutePath();

  @TempDir Path project;

  static boolean nodeOnPath() {
    return onPath("node") && onPath("npm");
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }

  @BeforeAll
  static void installWrangler() throws Exception {
    Path bin = NPM_DIR.resolve("node_modules/wrangler/package.json");
    if (Files.exists(bin) && Files.readString(bin).contains("\"version\": \"" + WRANGLER_VERSION + "\"")) {
      return;
    }
    Files.createDirectories(NPM_DIR);
    Files.writeString(NPM_DIR.resolve("package.json"), "{\"name\":\"wrangler-cache\",\"private\":true}");
    Result r =
        run(NPM_DIR, List.of("npm", "install", "--no-audit", "--no-fund", "wrangler@" + WRANGLER_VERSION));
    assertThat(r.exit).as("npm install failed:\n%s", r.output).isZero();
  }

  private record Result(int exit, String output, String stdout) {}

  private static Result run(Path dir, List<String> command) throws Exception {
    Path out = Files.createTempFile("wrangler", ".out");
    Path err = Files.createTempFile("wrangler", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Map<String, String> env = pb.environment();
      env.put("CI", "1");
      env.put("WRANGLER_SEND_METRICS", "false");
      env.put("XDG_CONFIG_HOME", dir.resolve(".config").toString());
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      return new Result(p.exitValue(), stdout + Files.readString(err, StandardCharsets.UTF_8), stdout);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private Result wrangler(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(NPM_DIR.resolve("node_modules/.bin/wrangler").toString());
    command.addAll(List.of(args));
    return run(project, command);
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
    Result r =
        wrangler(
            "d1", "execute", "app", "--local", "--command",
            "CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, b BLOB);"
                + " INSERT INTO t VALUES (1, 'from wrangler', X'00ff');");
    assertThat(r.exit).as(r.output).isZero();

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

    Result r =
        wrangler("d1", "execute", "DB", "--local", "--persist-to", "state", "--json",
            "--command", "SELECT * FROM j");

    assertThat(r.exit).as(r.output).isZero();
    JsonNode json = new ObjectMapper().readTree(r.stdout);
    assertThat(json.get(0).get("results").get(0).get("s").asText()).isEqualTo("from java");
    assertThat(json.get(0).get("results").get(0).get("id").asLong()).isEqualTo(7);
  }

  @Test
  void wranglerImportsOurExport() throws Exception {
    writeConfig();
    try (D1SqliteDatabase db = WranglerProject.find(project, null).openLocal("DB", "java")) {
      SqlImport.run(db, new StringReader(SqlExportTest.resource("golden.sql")),
          ImportOptions.DEFAULTS, SqlProgress.NONE, StatementListener.NONE);
      SqlExport.export(db, project.resolve("ours.sql"), ExportOptions.ALL, SqlProgress.NONE);
    }

    Result imported = wrangler("d1", "execute", "app", "--local", "--file", "ours.sql");
    assertThat(imported.exit).as(imported.output).isZero();
    Result exported = wrangler("d1", "export", "app", "--local", "--output", "theirs.sql");
    assertThat(exported.exit).as(exported.output).isZero();

    String ours = Files.readString(project.resolve("ours.sql"));
    assertThat(Files.readString(project.resolve("theirs.sql")))
        .isEqualTo(ours.replaceAll("(?m)^(INSERT INTO \"[^\"]*\") \\([^)]*\\) VALUES", "$1 VALUES"));
  }

  @Test
  void migrationsAppliedByEitherSideCountAsAppliedForTheOther() throws Exception {
    writeConfig();
    Path dir = Files.createDirectories(project.resolve("migrations"));
    Files.writeString(dir.resolve("0001_first.sql"), "CREATE TABLE first(a);\n");
    Result applied = wrangler("d1", "migrations", "apply", "app", "--local");
    assertThat(applied.exit).as(applied.output).isZero();

    Files.writeString(dir.resolve("0002_second.sql"), "CREATE TABLE second(b);\n");
    WranglerProject p = WranglerProject.find(project, null);
    D1DatabaseConfig db = p.database("app");
    D1Migrations migrations =
        D1Migrations.builder().directory(p.config().migrationsDir(db)).table(db.migrationsTable()).build();
    try (D1SqliteDatabase local = p.openLocal("app", null)) {
      assertThat(migrations.unapplied(local)).extracting(D1Migration::name).containsExactly("0002_second.sql");
      migrations.apply(local);
    }

    Result listed = wrangler("d1", "migrations", "list", "app", "--local");
    assertThat(listed.exit).as(listed.output).isZero();
    assertThat(listed.output).contains("No migrations to apply");
  }
}
