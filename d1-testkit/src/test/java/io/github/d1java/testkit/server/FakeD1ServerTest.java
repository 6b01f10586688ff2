package io.github.d1java.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FakeD1ServerTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  FakeD1Server server;
  String id;
  String db;

  @BeforeEach
  void setUp() {
    server = FakeD1Server.start();
    id = server.createDatabase("app");
    db = "/accounts/" + server.accountId() + "/d1/database/" + id;
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return send(method, path, body, server.apiToken());
  }

  HttpResponse<String> send(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
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

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Nested
  class Queries {
    @Test
    void rawReturnsColumnsRowsAndMetaInTheEnvelope() throws Exception {
      HttpResponse<String> r =
          send(
              "POST",
              db + "/raw",
              "{\"sql\":\"SELECT ? AS a, 2 AS a, x'01ff' AS b\",\"params\":[9007199254740991]}");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode env = json(r);
      assertThat(env.get("success").asBoolean()).isTrue();
      assertThat(env.get("errors")).isEmpty();
      JsonNode res = env.get("result").get(0);
      assertThat(res.get("results").toString())
          .isEqualTo("{\"columns\":[\"a\",\"a\",\"b\"],\"rows\":[[9007199254740991,2,[1,255]]]}");
      assertThat(res.get("meta").has("rows_read")).isTrue();
    }

    @Test
    void queryReturnsObjects() throws Exception {
      JsonNode env = json(send("POST", db + "/query", "{\"sql\":\"SELECT 1 AS x, 'y' AS y\"}"));
      assertThat(env.get("result").get(0).get("results").toString())
          .isEqualTo("[{\"x\":1,\"y\":\"y\"}]");
    }

    @Test
    void sqlErrorsAre400With7500AndANullResult() throws Exception {
      HttpResponse<String> r = send("POST", db + "/query", "{\"sql\":\"SELECT * FROM nope\"}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.headers().firstValue("cf-d1")).hasValue("err=7500");
      assertThat(r.body())
          .isEqualTo(
              "{\"result\":null,\"success\":false,\"errors\":[{\"code\":7500,\"message\":\"no such"
                  + " table: nope: SQLITE_ERROR\"}],\"messages\":[]}");
    }

    @Test
    void aBatchIsOneTransaction() throws Exception {
      send("POST", db + "/query", "{\"sql\":\"CREATE TABLE t(v UNIQUE)\"}");
      HttpResponse<String> r =
          send(
              "POST",
              db + "/query",
              "{\"batch\":[{\"sql\":\"INSERT INTO t VALUES (?)\",\"params\":[1]},{\"sql\":\"INSERT"
                  + " INTO t VALUES (?)\",\"params\":[1]}]}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(server.database(id).prepare("SELECT count(*) AS n FROM t").<Long>first("n"))
          .isZero();
    }

    @Test
    void severalStatementsGiveOneResultEachInOneTransaction() throws Exception {
      JsonNode env =
          json(
              send(
                  "POST",
                  db + "/query",
                  "{\"sql\":\"CREATE TABLE s(v); INSERT INTO s VALUES ('a;b'); SELECT v FROM"
                      + " s\"}"));
      assertThat(env.get("result")).hasSize(3);
      assertThat(env.get("result").get(2).get("results").toString()).isEqualTo("[{\"v\":\"a;b\"}]");
      HttpResponse<String> r =
          send(
              "POST",
              db + "/query",
              "{\"sql\":\"INSERT INTO s VALUES (1); INSERT INTO nope VALUES (1)\"}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(server.database(id).prepare("SELECT count(*) AS n FROM s").<Long>first("n"))
          .isEqualTo(1L);
    }

    @Test
    void paramsWithSeveralStatementsAreRefusedAsD1Does() throws Exception {
      HttpResponse<String> r =
          send("POST", db + "/query", "{\"sql\":\"SELECT 1; SELECT ?\",\"params\":[1]}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).get("errors").get(0).get("message").asText())
          .isEqualTo("The request is malformed: params with multiple statements is not supported");
    }

    @Test
    void malformedBodiesAre7400() throws Exception {
      assertThat(
              json(send("POST", db + "/query", "not json"))
                  .get("errors")
                  .get(0)
                  .get("code")
                  .asInt())
          .isEqualTo(7400);
      assertThat(
              json(send("POST", db + "/query", "{}")).get("errors").get(0).get("message").asText())
          .isEqualTo("Invalid property: sql => Required");
      assertThat(
              json(send("POST", db + "/query", "{\"sql\":\"SELECT ?\",\"params\":[{\"a\":1}]}"))
                  .get("errors")
                  .get(0)
                  .get("code")
                  .asInt())
          .isEqualTo(7400);
    }
  }

  @Nested
  class Access {
    @Test
    void aMissingOrWrongTokenIs401() throws Exception {
      assertThat(send("POST", db + "/query", "{\"sql\":\"SELECT 1\"}", null).statusCode())
          .isEqualTo(401);
      HttpResponse<String> r = send("POST", db + "/query", "{\"sql\":\"SELECT 1\"}", "wrong");
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(json(r).get("errors").get(0).get("code").asInt()).isEqualTo(10000);
    }

    @Test
    void anotherAccountIs403() throws Exception {
      HttpResponse<String> r = send("GET", "/accounts/other/d1/database", null);
      assertThat(r.statusCode()).isEqualTo(403);
      assertThat(json(r).get("errors").get(0).get("code").asInt()).isEqualTo(7403);
    }

    @Test
    void unknownRoutesAre7003AndUnknownDatabases7404() throws Exception {
      HttpResponse<String> r = send("GET", "/accounts/" + server.accountId() + "/nothing", null);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(json(r).get("errors").get(0).get("message").asText())
          .isEqualTo("No route for the URI");
      HttpResponse<String> g =
          send("GET", "/accounts/" + server.accountId() + "/d1/database/ghost", null);
      assertThat(json(g).get("errors").get(0).get("code").asInt()).isEqualTo(7404);
    }

    @Test
    void aFailureInsideTheFakeIsA500NamingIt() throws Exception {
      // a malformed %-escape, which java.net.URI refuses to send, so this goes over a raw socket
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
        String req =
            "GET /client/v4/accounts/"
                + server.accountId()
                + "/d1/database?name=%zz HTTP/1.1\r\n"
                + "Host: x\r\nAuthorization: Bearer "
                + server.apiToken()
                + "\r\nConnection: close\r\n\r\n";
        s.getOutputStream().write(req.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        String answer =
            new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answer)
            .startsWith("HTTP/1.1 500 ")
            .contains("\"message\":\"FakeD1Server failed: ");
      }
    }

    @Test
    void anyBasePrefixIsAccepted() throws Exception {
      HttpRequest req =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + server.port() + "/other/prefix" + db))
              .header("Authorization", "Bearer " + server.apiToken())
              .GET()
              .build();
      assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
  }

  @Nested
  class Databases {
    @Test
    void createReturnsUuidAndRegionAndRefusesDuplicates() throws Exception {
      String path = "/accounts/" + server.accountId() + "/d1/database";
      JsonNode created = json(send("POST", path, "{\"name\":\"second\"}")).get("result");
      assertThat(created.get("uuid").asText()).hasSize(36);
      assertThat(created.get("created_in_region").asText()).isEqualTo("ENAM");
      assertThat(
              json(send("POST", path, "{\"name\":\"second\"}"))
                  .get("errors")
                  .get(0)
                  .get("code")
                  .asInt())
          .isEqualTo(7502);
      assertThat(json(send("POST", path, "{}")).get("errors").get(0).get("message").asText())
          .isEqualTo("Invalid property: name => Required");
    }

    @Test
    void theAccountLimitIs7406() throws Exception {
      try (FakeD1Server small = FakeD1Server.builder().maxDatabases(1).start()) {
        small.createDatabase("one");
        HttpRequest req =
            HttpRequest.newBuilder(
                    URI.create(small.baseUrl() + "/accounts/" + small.accountId() + "/d1/database"))
                .header("Authorization", "Bearer " + small.apiToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"two\"}"))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(json(r).get("errors").get(0).get("message").asText())
            .isEqualTo("System limit reached: databases per account (1)");
      }
    }

    @Test
    void listPagesAndFillsResultInfo() throws Exception {
      for (int i = 0; i < 11; i++) {
        server.createDatabase("x" + i);
      }
      String path = "/accounts/" + server.accountId() + "/d1/database?per_page=10&page=2";
      JsonNode env = json(send("GET", path, null));
      assertThat(env.get("result")).hasSize(2);
      assertThat(env.get("result_info").toString())
          .isEqualTo(
              "{\"page\":2,\"per_page\":10,\"count\":2,\"total_count\":12,\"total_pages\":2}");
      assertThat(
              json(send("GET", "/accounts/" + server.accountId() + "/d1/database?per_page=5", null))
                  .get("errors")
                  .get(0)
                  .get("code")
                  .asInt())
          .isEqualTo(7400);
    }

    @Test
    void putAndPatchUpdateReadReplication() throws Exception {
      JsonNode put =
          json(send("PUT", db, "{\"read_replication\":{\"mode\":\"auto\"}}")).get("result");
      assertThat(put.get("read_replication").get("mode").asText()).isEqualTo("auto");
      JsonNode patch = json(send("PATCH", db, "{}")).get("result");
      assertThat(patch.get("read_replication").get("mode").asText()).isEqualTo("auto");
      HttpResponse<String> bad = send("PUT", db, "{\"read_replication\":{\"mode\":\"sometimes\"}}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(json(bad).get("errors").get(0).get("code").asInt()).isEqualTo(7400);
    }

    @Test
    void getAcceptsTheNameAndDeleteRemoves() throws Exception {
      JsonNode info =
          json(send("GET", "/accounts/" + server.accountId() + "/d1/database/app", null))
              .get("result");
      assertThat(info.get("uuid").asText()).isEqualTo(id);
      assertThat(info.get("version").asText()).isEqualTo("production");
      assertThat(send("DELETE", db, null).statusCode()).isEqualTo(200);
      assertThat(send("GET", db, null).statusCode()).isEqualTo(404);
      assertThatThrownBy(() -> server.database(id)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class ExportImportTimeTravel {
    @Test
    void exportAnswers202ThenCompleteWithASignedUrlServedWithoutAuth() throws Exception {
      server.database(id).exec("CREATE TABLE t(v)\nINSERT INTO t VALUES (1.5)");
      HttpResponse<String> first =
          send("POST", db + "/export", "{\"output_format\":\"polling\",\"dump_options\":{}}");
      assertThat(first.statusCode()).isEqualTo(202);
      JsonNode r1 = json(first).get("result");
      assertThat(r1.get("status").asText()).isEqualTo("active");
      String bookmark = r1.get("at_bookmark").asText();
      JsonNode r2 =
          json(send(
                  "POST",
                  db + "/export",
                  "{\"output_format\":\"polling\",\"current_bookmark\":\"" + bookmark + "\"}"))
              .get("result");
      assertThat(r2.get("status").asText()).isEqualTo("complete");
      String url = r2.get("result").get("signed_url").asText();
      String sql =
          http.send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(sql)
          .isEqualTo(
              "PRAGMA defer_foreign_keys=TRUE;\n"
                  + "CREATE TABLE t(v);\n"
                  + "INSERT INTO \"t\" (\"v\") VALUES(1.5);");
      assertThat(
              json(send("POST", db + "/export", "{\"output_format\":\"json\"}"))
                  .get("errors")
                  .get(0)
                  .get("code")
                  .asInt())
          .isEqualTo(7400);
    }

    @Test
    void uploadAnswersTheQuotedMd5AsETag() throws Exception {
      byte[] file = "CREATE TABLE z(x);".getBytes();
      String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(file));
      JsonNode init =
          json(send("POST", db + "/import", "{\"action\":\"init\",\"etag\":\"" + md5 + "\"}"))
              .get("result");
      HttpResponse<String> put =
          http.send(
              HttpRequest.newBuilder(URI.create(init.get("upload_url").asText()))
                  .PUT(HttpRequest.BodyPublishers.ofByteArray(file))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.headers().firstValue("etag")).hasValue("\"" + md5 + "\"");
      JsonNode ingest =
          json(send(
                  "POST",
                  db + "/import",
                  "{\"action\":\"ingest\",\"etag\":\""
                      + md5
                      + "\",\"filename\":\""
                      + init.get("filename").asText()
                      + "\"}"))
              .get("result");
      assertThat(ingest.get("status").asText()).isEqualTo("active");
      String poll =
          "{\"action\":\"poll\",\"current_bookmark\":\""
              + ingest.get("at_bookmark").asText()
              + "\"}";
      JsonNode done = json(send("POST", db + "/import", poll)).get("result");
      assertThat(done.get("status").asText()).isEqualTo("complete");
      assertThat(done.get("result").get("num_queries").asInt()).isEqualTo(1);
      assertThat(json(send("POST", db + "/import", poll)).get("result").get("error").asText())
          .isEqualTo("Not currently importing anything.");
    }

    @Test
    void restoreNeedsABookmarkOrATimestamp() throws Exception {
      HttpResponse<String> r = send("POST", db + "/time_travel/restore", null);
      assertThat(r.statusCode()).isEqualTo(400);
      JsonNode b = json(send("GET", db + "/time_travel/bookmark", null)).get("result");
      assertThat(b.get("bookmark").asText())
          .matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}");
    }

    @Test
    void timeTravelCanBeTurnedOff() throws Exception {
      try (FakeD1Server off = FakeD1Server.builder().timeTravel(false).start()) {
        String other = off.createDatabase("a");
        HttpRequest req =
            HttpRequest.newBuilder(
                    URI.create(
                        off.baseUrl()
                            + "/accounts/"
                            + off.accountId()
                            + "/d1/database/"
                            + other
                            + "/time_travel/bookmark?timestamp=2026-01-01T00:00:00Z"))
                .header("Authorization", "Bearer " + off.apiToken())
                .build();
        assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).body())
            .contains("Time travel is disabled");
      }
    }
  }

  @Nested
  class Scripting {
    @Test
    void scriptedAnswersComeFirstInOrderThenTheApi() throws Exception {
      server.enqueue(FakeResponse.rateLimited(Duration.ofMillis(1500)));
      server.enqueue(FakeResponse.internalError());
      HttpResponse<String> r1 = send("POST", db + "/raw", "{\"sql\":\"SELECT 1\"}");
      assertThat(r1.statusCode()).isEqualTo(429);
      assertThat(r1.headers().firstValue("retry-after")).hasValue("2");
      assertThat(json(r1).get("errors").get(0).get("code").asInt()).isEqualTo(971);
      HttpResponse<String> r2 = send("POST", db + "/raw", "{\"sql\":\"SELECT 1\"}");
      assertThat(r2.statusCode()).isEqualTo(500);
      assertThat(json(r2).get("errors").get(0).get("message").asText())
          .startsWith("internal error; reference = ");
      assertThat(send("POST", db + "/raw", "{\"sql\":\"SELECT 1\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsNotJson() throws Exception {
      server.enqueue(FakeResponse.malformedJson());
      String body = send("POST", db + "/raw", "{\"sql\":\"SELECT 1\"}").body();
      assertThatThrownBy(() -> JSON.readTree(body)).isInstanceOf(IOException.class);
    }

    @Test
    void droppedConnectionsFailTheExchange() {
      server.enqueue(FakeResponse.dropConnection());
      assertThatThrownBy(() -> send("POST", db + "/raw", "{\"sql\":\"SELECT 1\"}"))
          .isInstanceOf(IOException.class);
      server.enqueue(FakeResponse.dropMidResponse());
      assertThatThrownBy(() -> send("POST", db + "/raw", "{\"sql\":\"CREATE TABLE done(x)\"}"))
          .isInstanceOf(IOException.class);
      assertThat(
              server
                  .database(id)
                  .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'done'")
                  .<Long>first("n"))
          .isEqualTo(1L);
    }

    @Test
    void aSlowResponseOutlastsAShortClientTimeout() {
      server.enqueue(FakeResponse.passThrough().withDelay(Duration.ofSeconds(30)));
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(server.baseUrl() + db + "/raw"))
              .timeout(Duration.ofMillis(200))
              .header("Authorization", "Bearer " + server.apiToken())
              .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT 1\"}"))
              .build();
      assertThatThrownBy(() -> http.send(req, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void requestsAreRecorded() throws Exception {
      send("POST", db + "/raw", "{\"sql\":\"SELECT 1\"}");
      RecordedRequest r = server.takeRequest();
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/client/v4" + db + "/raw");
      assertThat(r.header("Authorization")).isEqualTo("Bearer " + server.apiToken());
      assertThat(r.json().get("sql").asText()).isEqualTo("SELECT 1");
      assertThat(r.connection()).isEqualTo(1);
      assertThat(server.takeRequest(Duration.ZERO)).isNull();
      assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void scriptedResponsesValidateTheirInput() {
      assertThatThrownBy(() -> FakeResponse.passThrough().withDelay(Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> FakeD1Server.builder().maxDatabases(0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
