package io.github.d1java.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.D1LimitExceededException.Limit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What makes the fake answer as the real D1 REST API does (issue 13) and its dispatcher seam. */
class FakeD1ServerRealismTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  FakeD1Server server;
  String id;
  String account;
  String db;

  @BeforeEach
  void setUp() {
    server = FakeD1Server.start();
    id = server.createDatabase("app");
    account = "/accounts/" + server.accountId();
    db = account + "/d1/database/" + id;
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  HttpResponse<String> send(FakeD1Server s, String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode call(String method, String path, String body) throws Exception {
    return JSON.readTree(send(server, method, path, body, server.apiToken()).body());
  }

  @Nested
  class JavaScriptNumbers {
    @Test
    void aBoundNumberBeyond2To53IsStoredRoundedAsD1Does() throws Exception {
      call("POST", db + "/query", "{\"sql\":\"CREATE TABLE t (id INTEGER, v)\"}");
      call(
          "POST",
          db + "/query",
          "{\"sql\":\"INSERT INTO t VALUES (1, ?)\",\"params\":[9007199254740993]}");
      assertThat(
              server.database(id).prepare("SELECT v, typeof(v) AS t FROM t").all().results().get(0))
          .containsEntry("v", 9007199254740992L)
          .containsEntry("t", "integer");
    }

    @Test
    void aBoundStringInAnIntegerColumnIsStoredExactly() throws Exception {
      call("POST", db + "/query", "{\"sql\":\"CREATE TABLE t (v INTEGER)\"}");
      call(
          "POST",
          db + "/query",
          "{\"sql\":\"INSERT INTO t VALUES (?)\",\"params\":[\"9007199254740993\"]}");
      assertThat(server.database(id).prepare("SELECT v FROM t").<Long>first("v"))
          .isEqualTo(9007199254740993L);
    }

    @Test
    void integerResultsBeyond2To53ComeBackAsJavaScriptWritesThem() throws Exception {
      JsonNode r =
          call(
              "POST",
              db + "/raw",
              "{\"sql\":\"SELECT 9007199254740993 AS a, 9223372036854775807 AS b,"
                  + " -9007199254740991 AS c, 1.5 AS d\"}");
      assertThat(r.get("result").get(0).get("results").get("rows").get(0).toString())
          .isEqualTo("[9007199254740992,9223372036854776000,-9007199254740991,1.5]");
    }

    @Test
    void integralNumbersBindAsIntegerAndFractionsAsReal() throws Exception {
      JsonNode r =
          call(
              "POST",
              db + "/query",
              "{\"sql\":\"SELECT typeof(?) AS a, typeof(?) AS b, typeof(?) AS c\","
                  + "\"params\":[3, 2.5, 1e300]}");
      assertThat(r.get("result").get(0).get("results").get(0).toString())
          .isEqualTo("{\"a\":\"integer\",\"b\":\"real\",\"c\":\"real\"}");
    }

    @Test
    void exactIntegersKeepEveryBitBothWays() throws Exception {
      try (FakeD1Server exact = FakeD1Server.builder().exactIntegers(true).start()) {
        String eid = exact.createDatabase("x");
        String body =
            send(
                    exact,
                    "POST",
                    "/accounts/" + exact.accountId() + "/d1/database/" + eid + "/raw",
                    "{\"sql\":\"SELECT ? AS a, 9223372036854775807 AS b\","
                        + "\"params\":[9007199254740993]}",
                    exact.apiToken())
                .body();
        assertThat(JSON.readTree(body).get("result").get(0).get("results").get("rows").toString())
            .isEqualTo("[[9007199254740993,9223372036854775807]]");
      }
    }
  }

  @Nested
  class Envelopes {
    @Test
    void queryMetaHasTheRestApiFieldsAndNoServedBy() throws Exception {
      JsonNode meta =
          call("POST", db + "/query", "{\"sql\":\"SELECT 1\"}").get("result").get(0).get("meta");
      assertThat(meta.has("served_by")).isFalse();
      assertThat(meta.get("served_by_region").asText()).isEqualTo("ENAM");
      assertThat(meta.get("served_by_colo").asText()).isNotEmpty();
      assertThat(meta.get("served_by_primary").asBoolean()).isTrue();
      assertThat(meta.get("timings").get("sql_duration_ms").isNumber()).isTrue();
      assertThat(meta.get("timings").get("sql_duration_ms").asDouble())
          .isEqualTo(meta.get("duration").asDouble());
      List<String> names = new ArrayList<>();
      meta.fieldNames().forEachRemaining(names::add);
      assertThat(names)
          .containsExactly(
              "served_by_region",
              "served_by_colo",
              "served_by_primary",
              "timings",
              "duration",
              "changes",
              "last_row_id",
              "changed_db",
              "size_after",
              "rows_read",
              "rows_written");
    }

    @Test
    void everyFailureCarriesANullResult() throws Exception {
      assertThat(call("GET", account + "/d1/database/ghost", null).get("result").isNull()).isTrue();
      JsonNode unauth =
          JSON.readTree(send(server, "GET", account + "/d1/database", null, "wrong").body());
      assertThat(unauth.get("result").isNull()).isTrue();
      JsonNode scripted = JSON.readTree(new String(FakeResponse.internalError().body(), "UTF-8"));
      assertThat(scripted.get("result").isNull()).isTrue();
    }
  }

  @Nested
  class TokenVerify {
    @Test
    void theServedTokenIsActive() throws Exception {
      HttpResponse<String> r = send(server, "GET", "/user/tokens/verify", null, server.apiToken());
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode env = JSON.readTree(r.body());
      assertThat(env.get("success").asBoolean()).isTrue();
      assertThat(env.get("result").get("status").asText()).isEqualTo("active");
      assertThat(env.get("result").get("id").asText()).hasSize(32);
    }

    @Test
    void aWrongTokenIsInvalidWithCode1000() throws Exception {
      HttpResponse<String> r = send(server, "GET", "/user/tokens/verify", null, "wrong");
      assertThat(r.statusCode()).isEqualTo(401);
      JsonNode env = JSON.readTree(r.body());
      assertThat(env.get("errors").get(0).get("code").asInt()).isEqualTo(1000);
      assertThat(env.get("errors").get(0).get("message").asText()).isEqualTo("Invalid API Token");
      assertThat(env.get("result").isNull()).isTrue();
    }

    @Test
    void onlyGetIsRouted() throws Exception {
      HttpResponse<String> r = send(server, "POST", "/user/tokens/verify", "{}", server.apiToken());
      assertThat(r.statusCode()).isEqualTo(404);
    }
  }

  @Nested
  class RestApi2026 {
    @Test
    void createTakesJurisdictionLocationHintAndReadReplication() throws Exception {
      JsonNode r =
          call(
                  "POST",
                  account + "/d1/database",
                  "{\"name\":\"eu-db\",\"jurisdiction\":\"eu\",\"primary_location_hint\":\"weur\","
                      + "\"read_replication\":{\"mode\":\"auto\"}}")
              .get("result");
      assertThat(r.get("jurisdiction").asText()).isEqualTo("eu");
      assertThat(r.get("created_in_region").asText()).isEqualTo("WEUR");
      assertThat(r.get("read_replication").get("mode").asText()).isEqualTo("auto");
      assertThat(r.get("num_tables").asLong()).isZero();
      assertThat(r.has("file_size")).isTrue();
      JsonNode listed = call("GET", account + "/d1/database?name=eu-db", null).get("result");
      assertThat(listed.get(0).get("jurisdiction").asText()).isEqualTo("eu");
    }

    @Test
    void createRefusesUnknownJurisdictionsHintsAndModes() throws Exception {
      for (String body :
          List.of(
              "{\"name\":\"zz\",\"jurisdiction\":\"mars\"}",
              "{\"name\":\"zz\",\"primary_location_hint\":\"moon\"}",
              "{\"name\":\"zz\",\"read_replication\":{\"mode\":\"sometimes\"}}")) {
        JsonNode r = call("POST", account + "/d1/database", body);
        assertThat(r.get("success").asBoolean()).as(body).isFalse();
        assertThat(r.get("errors").get(0).get("code").asInt()).as(body).isEqualTo(7400);
      }
      assertThat(call("GET", account + "/d1/database?name=zz", null).get("result")).isEmpty();
    }

    @Test
    void getWithFieldsReturnsOnlyThoseFields() throws Exception {
      call("POST", db + "/query", "{\"sql\":\"CREATE TABLE t (x)\"}");
      JsonNode r = call("GET", db + "?fields=num_tables,file_size", null).get("result");
      List<String> names = new ArrayList<>();
      r.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("num_tables", "file_size");
      assertThat(r.get("num_tables").asLong()).isEqualTo(1);
      JsonNode bad = call("GET", db + "?fields=colour", null);
      assertThat(bad.get("errors").get(0).get("code").asInt()).isEqualTo(7400);
    }
  }

  @Nested
  class Insights {
    @Test
    void aFilteredScanIsRecommendedAnIndexWithItsRowsRead() throws Exception {
      call(
          "POST",
          db + "/query",
          "{\"sql\":\"CREATE TABLE users (id INTEGER PRIMARY KEY, email)\"}");
      call(
          "POST",
          db + "/query",
          "{\"sql\":\"INSERT INTO users (email) VALUES ('a'), ('b'), ('c'), ('d')\"}");
      long rowsRead = 0;
      for (int i = 0; i < 3; i++) {
        rowsRead +=
            call(
                    "POST",
                    db + "/query",
                    "{\"sql\":\"SELECT * FROM users WHERE email = ?\",\"params\":[\"c\"]}")
                .get("result")
                .get(0)
                .get("meta")
                .get("rows_read")
                .asLong();
      }
      call("POST", db + "/query", "{\"sql\":\"SELECT * FROM users WHERE id = 1\"}");
      JsonNode r = call("GET", db + "/insights", null).get("result");
      JsonNode top = r.get("queries").get(0);
      assertThat(top.get("query").asText()).isEqualTo("SELECT * FROM users WHERE email = ?");
      assertThat(top.get("count").asLong()).isEqualTo(3);
      assertThat(rowsRead).isPositive();
      assertThat(top.get("sum_rows_read").asLong()).isEqualTo(rowsRead);
      assertThat(top.get("sum_rows_returned").asLong()).isEqualTo(3);
      assertThat(r.get("recommendations")).hasSize(1);
      JsonNode rec = r.get("recommendations").get(0);
      assertThat(rec.get("sql").asText())
          .isEqualTo("CREATE INDEX IF NOT EXISTS idx_users_email ON users(email)");
      assertThat(rec.get("cost_impact").asLong()).isEqualTo(rowsRead);

      call("POST", db + "/query", "{\"sql\":\"" + rec.get("sql").asText() + "\"}");
      assertThat(call("GET", db + "/insights", null).get("result").get("recommendations"))
          .isEmpty();
    }

    @Test
    void queriesArePagedByCursorAndAccountWideInsightsSpanDatabases() throws Exception {
      String other = server.createDatabase("other");
      for (int i = 0; i < 3; i++) {
        call("POST", db + "/query", "{\"sql\":\"SELECT " + i + "\"}");
      }
      call("POST", account + "/d1/database/" + other + "/query", "{\"sql\":\"SELECT 'o'\"}");
      JsonNode page1 = call("GET", db + "/insights?limit=2", null);
      assertThat(page1.get("result").get("queries")).hasSize(2);
      String cursor = page1.get("result_info").get("cursor").asText();
      JsonNode page2 = call("GET", db + "/insights?limit=2&cursor=" + cursor, null);
      assertThat(page2.get("result").get("queries")).hasSize(1);
      assertThat(page2.get("result_info").get("cursor").isNull()).isTrue();
      JsonNode all = call("GET", account + "/d1/insights?limit=100", null).get("result");
      assertThat(all.get("queries")).hasSize(4);
      assertThat(
              call("GET", db + "/insights?limit=101", null)
                  .get("errors")
                  .get(0)
                  .get("code")
                  .asInt())
          .isEqualTo(7400);
    }
  }

  @Nested
  class Dispatching {
    @Test
    void aCustomDispatcherChoosesEachAnswerAndPassesTheRestThrough() throws Exception {
      AtomicInteger seen = new AtomicInteger();
      server.setDispatcher(
          request -> {
            seen.incrementAndGet();
            return request.path().endsWith("/raw")
                ? FakeResponse.internalError()
                : FakeResponse.passThrough();
          });
      assertThat(
              send(server, "POST", db + "/raw", "{\"sql\":\"SELECT 1\"}", server.apiToken())
                  .statusCode())
          .isEqualTo(500);
      assertThat(
              send(server, "POST", db + "/query", "{\"sql\":\"SELECT 1\"}", server.apiToken())
                  .statusCode())
          .isEqualTo(200);
      assertThat(seen).hasValue(2);
      assertThat(server.takeRequest().path()).endsWith("/raw");
    }

    @Test
    void aNullAnswerIsTheApisAnswer() throws Exception {
      server.setDispatcher(request -> null);
      assertThat(
              send(server, "POST", db + "/query", "{\"sql\":\"SELECT 1\"}", server.apiToken())
                  .statusCode())
          .isEqualTo(200);
    }

    @Test
    void aFailingDispatcherIsA500NamingIt() throws Exception {
      server.setDispatcher(
          request -> {
            throw new IllegalStateException("boom");
          });
      HttpResponse<String> r =
          send(server, "POST", db + "/query", "{\"sql\":\"SELECT 1\"}", server.apiToken());
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).contains("the dispatcher failed: java.lang.IllegalStateException: boom");
    }

    @Test
    void enqueueNeedsTheQueueDispatcher() {
      QueueDispatcher queue = new QueueDispatcher();
      server.setDispatcher(queue);
      server.enqueue(FakeResponse.internalError());
      assertThat(queue.pending()).isEqualTo(1);
      server.setDispatcher(request -> null);
      assertThatThrownBy(() -> server.enqueue(FakeResponse.internalError()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("enqueue needs a QueueDispatcher");
      assertThatThrownBy(() -> server.setDispatcher(null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @EnumSource(Limit.class)
    void eachLimitCanBeInjectedWithD1sText(Limit limit) throws Exception {
      server.enqueue(FakeResponse.limitExceeded(limit));
      HttpResponse<String> r =
          send(server, "POST", db + "/query", "{\"sql\":\"SELECT 1\"}", server.apiToken());
      assertThat(r.statusCode()).isEqualTo(400);
      JsonNode err = JSON.readTree(r.body()).get("errors").get(0);
      assertThat(err.get("message").asText()).contains(limit.text());
      assertThat(err.get("code").asInt()).isEqualTo(limit == Limit.DATABASE_COUNT ? 7406 : 7500);
    }
  }
}
