package io.github.d1java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.RecordedRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code d1 create --jurisdiction}, the database limit, {@code d1 info}, {@code d1 insights}. */
class RemoteDatabaseOptionsTest {

  @TempDir Path dir;
  FakeD1Server server;
  String appId;
  Map<String, String> env = new HashMap<>();
  String out;
  String err;

  @BeforeEach
  void start() {
    server = FakeD1Server.builder().maxDatabases(3).start();
    appId = server.createDatabase("app");
    env.put("CLOUDFLARE_API_TOKEN", server.apiToken());
    env.put("CLOUDFLARE_ACCOUNT_ID", server.accountId());
    env.put("CLOUDFLARE_API_BASE_URL", server.baseUrl());
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

  private RecordedRequest lastRequest() {
    RecordedRequest last = null;
    for (RecordedRequest r = server.takeRequest(Duration.ZERO);
        r != null;
        r = server.takeRequest(Duration.ZERO)) {
      last = r;
    }
    return last;
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void createSendsTheJurisdiction() {
    assertThat(run("create", "eu-db", "--jurisdiction", "eu")).isZero();
    assertThat(lastRequest().json().toString())
        .isEqualTo("{\"name\":\"eu-db\",\"jurisdiction\":\"eu\"}");
    assertThat(out).startsWith("✅ Successfully created DB 'eu-db' in region ENAM");
  }

  @Test
  void createRefusesAnUnknownJurisdictionBeforeAnyRequest() {
    assertThat(run("create", "x", "--jurisdiction", "mars")).isEqualTo(1);
    assertThat(err)
        .contains("Argument: jurisdiction, Given: \"mars\", Choices: \"eu\", \"fedramp\", \"us\"");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void createAtTheDatabaseLimitSaysWhatToDo() {
    assertThat(run("create", "two")).isZero();
    assertThat(run("create", "three")).isZero();
    assertThat(run("create", "four")).isEqualTo(1);
    assertThat(err)
        .contains("You have reached the maximum number of D1 databases for your account.")
        .contains("https://dash.cloudflare.com/" + server.accountId() + "/workers/plans")
        .contains("To list your existing databases, run: d1 list");
  }

  @Test
  void infoShowsJurisdictionAndReadReplication() throws IOException {
    assertThat(run("create", "eu-db", "--jurisdiction", "eu")).isZero();
    assertThat(run("info", "eu-db", "--json")).isZero();
    JsonNode info = json(out);
    assertThat(info.get("jurisdiction").asText()).isEqualTo("eu");
    assertThat(info.get("read_replication").get("mode").asText()).isEqualTo("disabled");
    assertThat(run("info", "eu-db")).isZero();
    assertThat(out).contains("│ read_replication.mode │ disabled");
  }

  @Test
  void insightsPrintTheQueriesAsWranglerDoesAndTheRecommendations() throws IOException {
    server.database(appId).exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);");
    server.database(appId).prepare("INSERT INTO users (email) VALUES ('a'), ('b')").run();
    for (int i = 0; i < 3; i++) {
      assertThat(
              run(
                  "execute",
                  "app",
                  "--remote",
                  "--command",
                  "SELECT * FROM users WHERE email = 'b'",
                  "--json"))
          .isZero();
    }
    assertThat(run("execute", "app", "--remote", "--command", "SELECT 1", "--json")).isZero();

    assertThat(run("insights", "app", "--json", "--sort-by", "count")).isZero();
    JsonNode queries = json(out);
    assertThat(queries).hasSize(2);
    JsonNode top = queries.get(0);
    assertThat(top.get("query").asText()).isEqualTo("SELECT * FROM users WHERE email = 'b'");
    assertThat(top.get("numberOfTimesRun").asLong()).isEqualTo(3);
    assertThat(top.get("avgRowsRead").asDouble() * 3)
        .isEqualTo(top.get("totalRowsRead").asDouble());
    java.util.List<String> names = new java.util.ArrayList<>();
    top.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "query",
            "avgRowsRead",
            "totalRowsRead",
            "avgRowsWritten",
            "totalRowsWritten",
            "avgDurationMs",
            "totalDurationMs",
            "numberOfTimesRun",
            "queryEfficiency");
    assertThat(out).doesNotContain("CREATE INDEX");

    assertThat(run("insights", "app", "--limit", "1", "--sort-by", "count")).isZero();
    assertThat(out)
        .contains("\"numberOfTimesRun\": 3")
        .doesNotContain("\"query\": \"SELECT 1\"")
        .contains("Recommended indexes (run them with d1 execute app --remote):")
        .contains("CREATE INDEX IF NOT EXISTS idx_users_email ON users(email);");
  }

  @Test
  void insightsRefuseUnknownSortOptions() {
    assertThat(run("insights", "app", "--sort-by", "size")).isEqualTo(1);
    assertThat(err).contains("Argument: sort-by, Given: \"size\"");
    assertThat(run("insights", "app", "--limit", "0")).isEqualTo(1);
    assertThat(err).contains("--limit must be from 1 to 100, got 0");
    assertThat(server.requestCount()).isZero();
  }
}
