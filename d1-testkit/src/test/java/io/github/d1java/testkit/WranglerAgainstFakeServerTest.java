package io.github.d1java.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real wrangler ({@value Wrangler#VERSION}, installed as the interop tests do) against {@link
 * FakeD1Server} through {@code CLOUDFLARE_API_BASE_URL}: every command gets the answer the real API
 * would give, and the fake's databases show the effect. Skipped when node is absent.
 */
@EnabledIf("io.github.d1java.testkit.Wrangler#nodeOnPath")
class WranglerAgainstFakeServerTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path project;
  FakeD1Server server;
  String id;
  Map<String, String> env = new LinkedHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = FakeD1Server.start();
    id = server.createDatabase("compat-db");
    env.put("CLOUDFLARE_API_BASE_URL", server.baseUrl());
    env.put("CLOUDFLARE_API_TOKEN", server.apiToken());
    env.put("CLOUDFLARE_ACCOUNT_ID", server.accountId());
    Files.writeString(
        project.resolve("wrangler.toml"),
        Wrangler.WRANGLER_TOML.replace("00000000-0000-0000-0000-000000000000", id));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String wrangler(String... args) throws Exception {
    Wrangler.Outcome o = Wrangler.run(project, env, args);
    assertThat(o.exitCode()).as("wrangler %s:%n%s", String.join(" ", args), o.output()).isZero();
    return o.output();
  }

  /** The JSON document wrangler printed (stdout and stderr are merged: skip any banner). */
  private static JsonNode json(String output) throws IOException {
    int start = output.startsWith("[") || output.startsWith("{") ? 0 : -1;
    if (start < 0) {
      int a = output.indexOf("\n[");
      int b = output.indexOf("\n{");
      start = (a < 0 ? b : b < 0 ? a : Math.min(a, b)) + 1;
    }
    return JSON.readTree(output.substring(start));
  }

  private List<RecordedRequest> requests() {
    List<RecordedRequest> all = new ArrayList<>();
    for (RecordedRequest r = server.takeRequest(Duration.ZERO);
        r != null;
        r = server.takeRequest(Duration.ZERO)) {
      all.add(r);
    }
    return all;
  }

  @Test
  void listFollowsPagesAndShowsEveryDatabase() throws Exception {
    for (int i = 0; i < 11; i++) {
      server.createDatabase("extra-" + i);
    }
    JsonNode list = json(wrangler("d1", "list", "--json"));
    assertThat(list).hasSize(12);
    List<String> names = new ArrayList<>();
    list.forEach(n -> names.add(n.get("name").asText()));
    assertThat(names).contains("compat-db", "extra-0", "extra-10");
    assertThat(list.get(0).get("uuid").asText()).isEqualTo(id);
    assertThat(requests())
        .extracting(RecordedRequest::target)
        .allMatch(t -> t.contains("/d1/database?"))
        .hasSize(2);
  }

  @Test
  void infoShowsSizeTablesRegionReplicationAndTheAnalytics() throws Exception {
    server.database(id).exec("CREATE TABLE a (x); CREATE TABLE b (y);");
    server.database(id).prepare("INSERT INTO a VALUES (1)").run();
    JsonNode info = json(wrangler("d1", "info", "compat-db", "--json"));
    assertThat(info.get("uuid").asText()).isEqualTo(id);
    assertThat(info.get("num_tables").asLong()).isEqualTo(2);
    assertThat(info.get("database_size").asLong())
        .isEqualTo(server.database(id).prepare("SELECT 1").all().meta().sizeAfter());
    assertThat(info.get("running_in_region").asText()).isEqualTo("ENAM");
    assertThat(info.get("read_replication").get("mode").asText()).isEqualTo("disabled");
    assertThat(info.has("read_queries_24h")).isTrue();
  }

  @Test
  void executeCommandRoundsBigIntegersAndSendsTheRestApiMeta() throws Exception {
    JsonNode r =
        json(
            wrangler(
                "d1",
                "execute",
                "compat-db",
                "--remote",
                "--json",
                "--command",
                "SELECT 9007199254740993 AS big, 1 AS one"));
    assertThat(r.get(0).get("results").get(0).get("big").asLong()).isEqualTo(9007199254740992L);
    JsonNode meta = r.get(0).get("meta");
    assertThat(meta.has("served_by")).isFalse();
    assertThat(meta.has("served_by_region")).isTrue();
    assertThat(meta.has("served_by_colo")).isTrue();
    assertThat(meta.get("served_by_primary").asBoolean()).isTrue();
    assertThat(meta.get("timings").has("sql_duration_ms")).isTrue();
  }

  @Test
  void executeCommandReportsAnSqlErrorAsTheApiSendsIt() throws Exception {
    Wrangler.Outcome o =
        Wrangler.run(
            project,
            env,
            "d1",
            "execute",
            "compat-db",
            "--remote",
            "--command",
            "SELECT * FROM nope");
    assertThat(o.exitCode()).isNotZero();
    assertThat(o.output()).contains("no such table: nope: SQLITE_ERROR [code: 7500]");
  }

  @Test
  void executeFileImportsThroughTheWholeProtocol() throws Exception {
    Files.writeString(
        project.resolve("data.sql"),
        "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT);\n"
            + "INSERT INTO t (s) VALUES ('a'), ('b');\n"
            + "INSERT INTO t (s) VALUES ('c');\n");
    String out = wrangler("d1", "execute", "compat-db", "--remote", "--file", "data.sql", "--yes");
    assertThat(out).contains("Processed 3 queries.");
    assertThat(server.database(id).prepare("SELECT group_concat(s) AS s FROM t").<String>first("s"))
        .isEqualTo("a,b,c");
    assertThat(requests())
        .extracting(
            r -> r.method() + " " + r.path().replaceAll("^.*/(import|__fake/upload/).*$", "$1"))
        .containsSubsequence("POST import", "PUT __fake/upload/", "POST import", "POST import");
  }

  @Test
  void exportPollsAndDownloadsTheDump() throws Exception {
    server.database(id).exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT);");
    server.database(id).prepare("INSERT INTO t (s) VALUES ('it''s')").run();
    wrangler("d1", "export", "compat-db", "--remote", "--output", "out.sql");
    assertThat(Files.readString(project.resolve("out.sql")))
        .isEqualTo(
            "PRAGMA defer_foreign_keys=TRUE;\n"
                + "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT);\n"
                + "INSERT INTO \"t\" (\"id\",\"s\") VALUES(1,'it''s');");
  }

  @Test
  void migrationsApplyRemote() throws Exception {
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(
        project.resolve("db/migrations/0001_init.sql"),
        "CREATE TABLE m (id INTEGER PRIMARY KEY, v TEXT);\n");
    String out = wrangler("d1", "migrations", "apply", "compat-db", "--remote");
    assertThat(out).contains("0001_init.sql │ ✅");
    assertThat(server.database(id).prepare("SELECT name FROM d1_migrations").<String>first("name"))
        .isEqualTo("0001_init.sql");
    assertThat(
            server
                .database(id)
                .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'm'")
                .<Long>first("n"))
        .isEqualTo(1L);
  }

  @Test
  void timeTravelInfoGivesTheCurrentBookmark() throws Exception {
    String before =
        json(wrangler("d1", "time-travel", "info", "compat-db", "--json")).get("bookmark").asText();
    wrangler("d1", "execute", "compat-db", "--remote", "--command", "CREATE TABLE x (y)");
    String after =
        json(wrangler("d1", "time-travel", "info", "compat-db", "--json")).get("bookmark").asText();
    assertThat(before).matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}");
    assertThat(after).isNotEqualTo(before).isGreaterThan(before);
  }

  @Test
  void insightsShowTheQueriesThisServerRan() throws Exception {
    server.database(id).exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT);");
    for (int i = 0; i < 2; i++) {
      wrangler(
          "d1", "execute", "compat-db", "--remote", "--command", "SELECT * FROM t WHERE s = 'a'");
    }
    JsonNode insights =
        json(wrangler("d1", "insights", "compat-db", "--json", "--sort-by", "count"));
    assertThat(insights.get(0).get("query").asText()).isEqualTo("SELECT * FROM t WHERE s = 'a'");
    assertThat(insights.get(0).get("numberOfTimesRun").asLong()).isEqualTo(2);
  }

  @Test
  void deleteRemovesTheDatabase() throws Exception {
    assertThat(wrangler("d1", "delete", "compat-db", "-y"))
        .contains("Deleted 'compat-db' successfully.");
    assertThatThrownBy(() -> server.database(id)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWrongTokenIsAnAuthenticationErrorExplainedWithoutAWrongSecondError() throws Exception {
    env.put("CLOUDFLARE_API_TOKEN", "wrong-token-0123456789");
    Wrangler.Outcome o = Wrangler.run(project, env, "d1", "list");
    assertThat(o.exitCode()).isNotZero();
    assertThat(o.output())
        .contains("Authentication error [code: 10000]")
        .contains("Getting User settings...")
        .doesNotContain("No route for the URI")
        .doesNotContain("[code: 7003]");
    assertThat(requests())
        .extracting(RecordedRequest::path)
        .anyMatch(p -> p.endsWith("/user/tokens/verify"));
  }
}
