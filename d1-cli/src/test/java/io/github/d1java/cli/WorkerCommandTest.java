package io.github.d1java.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.RecordedRequest;
import io.github.d1java.worker.D1Worker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code d1 worker init|deploy}, deploy against the fake Workers API on loopback. */
class WorkerCommandTest {

  static final String WORKER_TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef";

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

  private List<RecordedRequest> requests() {
    List<RecordedRequest> all = new ArrayList<>();
    for (RecordedRequest r = server.takeRequest(Duration.ZERO);
        r != null;
        r = server.takeRequest(Duration.ZERO)) {
      all.add(r);
    }
    return all;
  }

  @Nested
  class Init {
    @Test
    void writesAWranglerProjectWithTheD1BindingAndTheScript() throws IOException {
      assertThat(run("worker", "init", "edge", "--database", "app", "--database-id", appId))
          .as(err)
          .isZero();
      JsonNode config = new ObjectMapper().readTree(dir.resolve("edge/wrangler.json").toFile());
      assertThat(config.path("name").asText()).isEqualTo("d1-worker");
      assertThat(config.path("main").asText()).isEqualTo("src/d1-worker.js");
      JsonNode db = config.path("d1_databases").path(0);
      assertThat(db.path("binding").asText()).isEqualTo("DB");
      assertThat(db.path("database_name").asText()).isEqualTo("app");
      assertThat(db.path("database_id").asText()).isEqualTo(appId);
      assertThat(Files.readString(dir.resolve("edge/src/d1-worker.js"), StandardCharsets.UTF_8))
          .isEqualTo(D1Worker.workerScript());
      assertThat(out).contains("wrangler secret put D1_WORKER_TOKEN").contains("wrangler deploy");
    }

    @Test
    void refusesToOverwriteAnExistingProject() throws IOException {
      Files.createDirectories(dir.resolve("edge"));
      Files.writeString(dir.resolve("edge/wrangler.json"), "{}");
      assertThat(run("worker", "init", "edge")).isEqualTo(1);
      assertThat(err).contains("already exists");
      assertThat(Files.readString(dir.resolve("edge/wrangler.json"))).isEqualTo("{}");
    }
  }

  @Nested
  class Deploy {
    @Test
    void uploadsTheModuleWithBindingsEnablesWorkersDevAndPrintsTheUrl() {
      env.put("D1_WORKER_TOKEN", WORKER_TOKEN);
      assertThat(run("worker", "deploy", "--name", "edge-db", "app")).as(err).isZero();
      assertThat(out)
          .contains("https://edge-db.d1-java-fake.workers.dev")
          .contains("D1_WORKER_URL=https://edge-db.d1-java-fake.workers.dev")
          .doesNotContain(WORKER_TOKEN)
          .doesNotContain(server.apiToken());
      List<RecordedRequest> rs = requests();
      RecordedRequest upload =
          rs.stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
      assertThat(upload.path())
          .endsWith("/accounts/" + server.accountId() + "/workers/scripts/edge-db");
      assertThat(upload.header("content-type")).startsWith("multipart/form-data; boundary=");
      String body = upload.bodyText();
      assertThat(body)
          .contains("name=\"metadata\"")
          .contains("\"main_module\":\"d1-worker.js\"")
          .contains("{\"type\":\"d1\",\"name\":\"DB\",\"id\":\"" + appId + "\"}")
          .contains(
              "{\"type\":\"secret_text\",\"name\":\"D1_WORKER_TOKEN\",\"text\":\""
                  + WORKER_TOKEN
                  + "\"}")
          .contains("Content-Type: application/javascript+module")
          .contains(D1Worker.workerScript());
      assertThat(rs)
          .anySatisfy(
              r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).endsWith("/workers/scripts/edge-db/subdomain");
                assertThat(r.json().get("enabled").asBoolean()).isTrue();
              });
    }

    @Test
    void withoutAWorkerTokenItSaysHowToMakeOne() {
      assertThat(run("worker", "deploy", "--name", "edge-db", "app")).isEqualTo(1);
      assertThat(err).contains("Set D1_WORKER_TOKEN").contains("openssl rand -hex 32");
      assertThat(requests()).isEmpty();
    }

    @Test
    void aShortTokenIsRefusedBeforeUploading() {
      env.put("D1_WORKER_TOKEN", "short");
      assertThat(run("worker", "deploy", "--name", "edge-db", "app")).isEqualTo(1);
      assertThat(err).contains("at least 32 characters").doesNotContain("short");
      assertThat(requests()).noneMatch(r -> r.method().equals("PUT"));
    }

    @Test
    void anInvalidScriptNameIsRefused() {
      env.put("D1_WORKER_TOKEN", WORKER_TOKEN);
      assertThat(run("worker", "deploy", "--name", "Edge_DB", "app")).isEqualTo(1);
      assertThat(err).contains("script name must be lowercase");
    }

    @Test
    void anUnknownDatabaseIsNamed() {
      env.put("D1_WORKER_TOKEN", WORKER_TOKEN);
      assertThat(run("worker", "deploy", "--name", "edge-db", "nope")).isEqualTo(1);
      assertThat(err).contains("Couldn't find DB with name 'nope'");
    }

    @Test
    void aRejectedApiTokenIsReportedWithoutSecrets() {
      env.put("D1_WORKER_TOKEN", WORKER_TOKEN);
      env.put("CLOUDFLARE_API_TOKEN", "wrong-token-value");
      assertThat(run("worker", "deploy", "--name", "edge-db", "app")).isEqualTo(1);
      assertThat(err).contains("Authentication error").doesNotContain("wrong-token-value");
    }
  }
}
