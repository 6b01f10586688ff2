package io.github.d1java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.testkit.server.FakeD1Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote commands against the fake D1 REST server on loopback. */
class RemoteCommandsTest {

  @TempDir Path dir;
  FakeD1Server server;
  String appId;
  Map<String, String> env = new HashMap<>();
  String out;
  String err;

  @BeforeEach
  void start() {
    server = FakeD1Server.start();
    appId = server.createDatabase("app");
    env.put("CLOUDFLARE_API_TOKEN", server.apiToken());
    env.put("CLOUDFLARE_ACCOUNT_ID", server.accountId());
    env.put("CLOUDFLARE_API_BASE_URL", server.baseUrl());
    env.put(D1Command.ENV_POLL_INTERVAL_MS, "1");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        D1Command.commandLine(dir, env, new PrintWriter(o), new PrintWriter(e), false, false)
            .execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  @Nested
  class Databases {
    @Test
    void createListInfoDelete() throws IOException {
      assertThat(run("create", "orders", "--location", "weur", "--binding", "ORDERS")).isZero();
      assertThat(out)
          .startsWith("✅ Successfully created DB 'orders'")
          .contains("\"binding\": \"ORDERS\"");
      String id =
          json(out.substring(out.indexOf('{')))
              .get("d1_databases")
              .get(0)
              .get("database_id")
              .asText();

      assertThat(run("list", "--json")).isZero();
      assertThat(json(out))
          .extracting(n -> n.get("name").asText())
          .containsExactlyInAnyOrder("app", "orders");

      assertThat(run("list")).isZero();
      assertThat(out).startsWith("┌").contains("│ uuid").contains(id);

      assertThat(run("info", "orders", "--json")).isZero();
      assertThat(json(out).get("uuid").asText()).isEqualTo(id);
      assertThat(json(out).has("database_size")).isTrue();

      assertThat(run("delete", "orders")).isZero();
      assertThat(out)
          .contains("? Ok to proceed?\n🤖 Using fallback value in non-interactive context: yes\n")
          .endsWith("Deleted 'orders' successfully.\n");
      assertThat(run("info", "orders")).isEqualTo(1);
      assertThat(err).isEqualTo("✘ [ERROR] Couldn't find DB with name 'orders'\n");
    }

    @Test
    void badLocationIsRefused() {
      assertThat(run("create", "x", "--location", "mars")).isEqualTo(1);
      assertThat(err).contains("Argument: location, Given: \"mars\"");
    }

    @Test
    void missingTokenIsExplained() {
      env.remove("CLOUDFLARE_API_TOKEN");

      assertThat(run("list")).isEqualTo(1);
      assertThat(err).contains("set a CLOUDFLARE_API_TOKEN environment variable");
    }

    @Test
    void missingAccountIsExplained() {
      env.remove("CLOUDFLARE_ACCOUNT_ID");

      assertThat(run("list")).isEqualTo(1);
      assertThat(err).contains("Set CLOUDFLARE_ACCOUNT_ID");
    }
  }

  @Nested
  class Execute {
    @Test
    void commandRunsRemotelyWithFullMeta() throws IOException {
      assertThat(
              run(
                  "execute",
                  "app",
                  "--remote",
                  "--json",
                  "--command",
                  "CREATE TABLE t(a); INSERT INTO t VALUES (1); SELECT a FROM t"))
          .isZero();

      JsonNode json = json(out);
      assertThat(json).hasSize(3);
      assertThat(json.get(2).get("results").get(0).get("a").asLong()).isEqualTo(1);
      assertThat(json.get(1).get("meta").has("changes")).isTrue();
      assertThat(server.database(appId).prepare("SELECT count(*) AS n FROM t").<Long>first("n"))
          .isEqualTo(1L);
    }

    @Test
    void configBindingResolvesToItsDatabaseId() throws IOException {
      Files.writeString(
          dir.resolve("wrangler.toml"),
          "[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app\"\ndatabase_id = \""
              + appId
              + "\"\n");

      assertThat(run("execute", "DB", "--remote", "--command", "SELECT 1 AS one")).isZero();
      assertThat(out)
          .startsWith("🌀 Executing on remote database DB (" + appId + "):")
          .contains("🚣 Executed 1 commands in ");
    }

    @Test
    void fileUsesTheImportApi() throws IOException {
      Files.writeString(
          dir.resolve("data.sql"),
          "CREATE TABLE f(x);\nINSERT INTO f VALUES (1);\nINSERT INTO f VALUES (2);\n");

      assertThat(run("execute", "app", "--remote", "--json", "--file", "data.sql")).isZero();

      JsonNode r = json(out).get(0);
      assertThat(r.get("results").get(0).get("Total queries executed").asLong()).isEqualTo(3);
      assertThat(r.get("results").get(0).get("Database size (MB)").isTextual()).isTrue();
      assertThat(r.get("finalBookmark").asText()).isNotEmpty();
      assertThat(server.database(appId).prepare("SELECT count(*) AS n FROM f").<Long>first("n"))
          .isEqualTo(2L);
    }

    @Test
    void fileWithoutYesShowsWranglersWarningAndNonInteractiveAnswer() throws IOException {
      Files.writeString(dir.resolve("data.sql"), "CREATE TABLE g(x);\n");

      assertThat(run("execute", "app", "--remote", "--file", "data.sql")).isZero();

      assertThat(out)
          .contains(
              "⚠️ This process may take some time, during which your D1 database will be"
                  + " unavailable to serve queries.\n? Ok to proceed?\n🤖 Using fallback value in"
                  + " non-interactive context: yes\n");
      assertThat(run("execute", "app", "--remote", "--file", "data.sql", "--yes")).isEqualTo(1);
      assertThat(out).doesNotContain("Ok to proceed?");
      assertThat(err).contains("table g already exists");
    }

    @Test
    void remoteSqlErrorsAreOneLine() {
      assertThat(run("execute", "app", "--remote", "--command", "SELECT * FROM nope")).isEqualTo(1);
      assertThat(err)
          .startsWith("✘ [ERROR] ")
          .contains("no such table: nope")
          .doesNotContain("\n\n");
    }

    @Test
    void localAndRemoteTogetherAreRefused() {
      assertThat(run("execute", "app", "--local", "--remote", "--command", "SELECT 1"))
          .isEqualTo(1);
      assertThat(err)
          .isEqualTo("✘ [ERROR] Error: can't use --local and --remote at the same time\n");
    }

    @Test
    void previewWithoutRemoteIsRefused() {
      assertThat(run("execute", "app", "--preview", "--command", "SELECT 1")).isEqualTo(1);
      assertThat(err).isEqualTo("✘ [ERROR] Cannot use --preview without --remote.\n");
    }

    @Test
    void unknownRemoteDatabaseIsNamed() {
      assertThat(run("execute", "nope", "--remote", "--command", "SELECT 1")).isEqualTo(1);
      assertThat(err).isEqualTo("✘ [ERROR] Couldn't find DB with name 'nope'\n");
    }
  }

  @Nested
  class Export {
    @Test
    void downloadsTheRemoteDump() throws IOException {
      server.database(appId).exec("CREATE TABLE e(x)");
      server.database(appId).prepare("INSERT INTO e VALUES (42)").run();

      assertThat(run("export", "app", "--remote", "--output", "remote.sql", "-y")).isZero();

      assertThat(Files.readString(dir.resolve("remote.sql")))
          .startsWith("PRAGMA defer_foreign_keys=TRUE;")
          .contains("42");
    }
  }

  @Nested
  class Migrations {
    @Test
    void applyRemotelyRecordsTheMigrationInTheRemoteDatabase() throws IOException {
      Files.writeString(
          dir.resolve("wrangler.toml"),
          "[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app\"\n");
      Files.createDirectories(dir.resolve("migrations"));
      Files.writeString(dir.resolve("migrations/0001_init.sql"), "CREATE TABLE m(x);");

      assertThat(run("migrations", "apply", "DB", "--remote")).isZero();

      assertThat(out).contains("│ 0001_init.sql │ ✅     │");
      assertThat(
              server
                  .database(appId)
                  .prepare("SELECT name FROM d1_migrations")
                  .<String>first("name"))
          .isEqualTo("0001_init.sql");
      assertThat(run("migrations", "list", "DB", "--remote")).isZero();
      assertThat(out).isEqualTo("✅ No migrations to apply!\n");
    }
  }

  @Nested
  class TimeTravel {
    @Test
    void infoThenRestore() throws IOException {
      assertThat(run("time-travel", "info", "app", "--json")).isZero();
      String bookmark = json(out).get("bookmark").asText();
      assertThat(bookmark).matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}");

      assertThat(run("time-travel", "restore", "app", "--bookmark", bookmark, "--json")).isZero();
      assertThat(json(out).get("bookmark").asText()).isNotEmpty();
      assertThat(json(out).has("previous_bookmark")).isTrue();

      assertThat(run("time-travel", "info", "app")).isZero();
      assertThat(out).startsWith("🚧 Time Traveling...\n⚡️ The current bookmark is '");
    }

    @Test
    void restoreNeedsExactlyOneTarget() {
      assertThat(run("time-travel", "restore", "app")).isEqualTo(1);
      assertThat(err).isEqualTo("✘ [ERROR] Provide either a timestamp or a bookmark.\n");
      assertThat(run("time-travel", "restore", "app", "--bookmark", "b", "--timestamp", "1"))
          .isEqualTo(1);
      assertThat(err)
          .isEqualTo("✘ [ERROR] Provide either a timestamp, or a bookmark - not both.\n");
    }

    @Test
    void badTimestampIsExplained() {
      assertThat(run("time-travel", "info", "app", "--timestamp", "yesterday")).isEqualTo(1);
      assertThat(err).startsWith("✘ [ERROR] Invalid --timestamp 'yesterday'");
    }
  }
}
