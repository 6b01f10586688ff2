package io.github.d1java.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1AuthenticationException;
import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Database;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1DumpException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1ExecException;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import io.github.d1java.D1TransportException;
import io.github.d1java.remote.D1ApiException;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.FakeResponse;
import io.github.d1java.testkit.server.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The client's side of the Worker protocol, against scripted answers from a {@link FakeD1Server}
 * (which records every request): request shapes, session bookmarks, retries, error mapping and the
 * token's secrecy. No node needed.
 */
class D1WorkerClientTest {

  static final String TOKEN = "wk-7c1e9a3f5b2d4a6c8e0f1a3b5c7d9e1f";
  static final String B1 = "00000000-00000001-00000000-00000000000000000000000000000000";
  static final String B2 = "00000000-00000002-00000000-00000000000000000000000000000000";

  FakeD1Server server;
  TestClock clock;
  D1Database db;

  @BeforeEach
  void setUp() {
    server = FakeD1Server.start();
    clock = new TestClock();
    db = client(TOKEN).build();
  }

  @AfterEach
  void tearDown() {
    db.close();
    server.close();
  }

  D1Worker.Builder client(String token) {
    return D1Worker.builder()
        .url(URI.create(server.baseUrl() + "/worker/"))
        .token(token)
        .clock(clock)
        .random(() -> 0.0);
  }

  static FakeResponse ok(String result, String bookmark) {
    return FakeResponse.json(
        200,
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":"
            + result
            + ",\"bookmark\":"
            + (bookmark == null ? "null" : "\"" + bookmark + "\"")
            + "}");
  }

  static String rows(String columns, String rows, String meta) {
    return "[{\"success\":true,\"results\":{\"columns\":"
        + columns
        + ",\"rows\":"
        + rows
        + "},\"meta\":"
        + meta
        + "}]";
  }

  static final String ONE = rows("[\"v\"]", "[[1]]", "{\"duration\":0.5,\"rows_read\":1}");

  @Nested
  class Requests {
    @Test
    void statementGoesToRawWithBearerTokenAndTypedParams() {
      server.enqueue(ok(ONE, null));
      Object v =
          db.prepare("SELECT ?, ?, ?, ?, ?, ?")
              .bind(1, 2.5, "x", null, new byte[] {1, (byte) 255}, Long.MAX_VALUE)
              .first("v");
      assertThat(v).isEqualTo(1L);
      RecordedRequest r = server.takeRequest();
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/client/v4/worker/raw");
      assertThat(r.header("authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(r.json().toString())
          .isEqualTo(
              "{\"sql\":\"SELECT ?, ?, ?, ?, ?, ?\",\"params\":[1,2.5,\"x\",null,[1,255],"
                  + "\"9223372036854775807\"]}");
    }

    @Test
    void batchIsOneRequestAndKeepsResultsInOrder() {
      server.enqueue(
          ok(
              "["
                  + rows("[\"a\"]", "[[1]]", "{}")
                      .substring(1, rows("[\"a\"]", "[[1]]", "{}").length() - 1)
                  + ","
                  + rows("[\"b\"]", "[[2]]", "{\"changes\":1}")
                      .substring(1, rows("[\"b\"]", "[[2]]", "{\"changes\":1}").length() - 1)
                  + "]",
              null));
      var rs = db.batch(db.prepare("SELECT 1 AS a"), db.prepare("SELECT ? AS b").bind(2));
      assertThat(rs)
          .extracting(D1Result::results)
          .containsExactly(java.util.List.of(Map.of("a", 1L)), java.util.List.of(Map.of("b", 2L)));
      assertThat(rs.get(1).meta().changes()).isEqualTo(1);
      assertThat(server.takeRequest().json().toString())
          .isEqualTo(
              "{\"batch\":[{\"sql\":\"SELECT 1 AS a\"},{\"sql\":\"SELECT ? AS b\",\"params\":[2]}]}");
    }

    @Test
    void execGoesToExecAndReturnsCountAndDuration() {
      server.enqueue(ok("{\"count\":2,\"duration\":1.5}", null));
      var r = db.exec("CREATE TABLE t (x)\nINSERT INTO t VALUES (1)");
      assertThat(r.count()).isEqualTo(2);
      assertThat(r.duration()).isEqualTo(1.5);
      RecordedRequest req = server.takeRequest();
      assertThat(req.path()).isEqualTo("/client/v4/worker/exec");
      assertThat(req.json().get("sql").asText())
          .isEqualTo("CREATE TABLE t (x)\nINSERT INTO t VALUES (1)");
    }

    @Test
    void metaKeepsReplicaFieldsWhenD1GivesThem() {
      server.enqueue(
          ok(
              rows(
                  "[\"v\"]",
                  "[[1]]",
                  "{\"served_by_region\":\"WEUR\",\"served_by_primary\":false,\"total_attempts\":2}"),
              B1));
      var m = db.withSession().prepare("SELECT 1 AS v").all().meta();
      assertThat(m.servedByRegion()).isEqualTo("WEUR");
      assertThat(m.servedByPrimary()).isEqualTo(false);
      assertThat(m.totalAttempts()).isEqualTo(2);
    }
  }

  @Nested
  class Sessions {
    @Test
    void firstCallSendsTheConstraintThenTheBookmark() {
      D1DatabaseSession s = db.withSession(D1DatabaseSession.FIRST_PRIMARY);
      assertThat(s.getBookmark()).isNull();
      server.enqueue(ok(ONE, B1));
      server.enqueue(ok(ONE, B2));
      s.prepare("SELECT 1 AS v").all();
      assertThat(s.getBookmark()).isEqualTo(B1);
      s.batch(s.prepare("SELECT 1 AS v"));
      assertThat(s.getBookmark()).isEqualTo(B2);
      assertThat(server.takeRequest().json().get("session").asText()).isEqualTo("first-primary");
      assertThat(server.takeRequest().json().get("session").asText()).isEqualTo(B1);
    }

    @Test
    void defaultSessionIsFirstUnconstrained() {
      server.enqueue(ok(ONE, B1));
      db.withSession("  ").prepare("SELECT 1 AS v").all();
      assertThat(server.takeRequest().json().get("session").asText())
          .isEqualTo("first-unconstrained");
    }

    @Test
    void bookmarkOnlyMovesForward() {
      D1DatabaseSession s = db.withSession(B2);
      assertThat(s.getBookmark()).as("a session from a bookmark has it at once").isEqualTo(B2);
      server.enqueue(ok(ONE, B1)); // an older bookmark from a lagging replica
      s.prepare("SELECT 1 AS v").all();
      assertThat(s.getBookmark()).isEqualTo(B2);
      assertThat(server.takeRequest().json().get("session").asText()).isEqualTo(B2);
    }

    @Test
    void databaseCallsCarryNoSession() {
      server.enqueue(ok(ONE, null));
      db.prepare("SELECT 1 AS v").all();
      assertThat(server.takeRequest().json().has("session")).isFalse();
    }
  }

  @Nested
  class Errors {
    @Test
    void d1ErrorsBecomeTheBindingsExceptions() {
      server.enqueue(
          FakeResponse.error(
              400, 7500, "D1_ERROR: UNIQUE constraint failed: t.x: SQLITE_CONSTRAINT"));
      assertThatThrownBy(() -> db.prepare("INSERT INTO t VALUES (1)").run())
          .isInstanceOf(D1ConstraintException.class)
          .hasMessage("D1_ERROR: UNIQUE constraint failed: t.x: SQLITE_CONSTRAINT");
    }

    @Test
    void execErrorsKeepD1sExecText() {
      server.enqueue(
          FakeResponse.error(
              400,
              7500,
              "D1_EXEC_ERROR: Error in line 1: SELECT * FROM nope: no such table: nope: SQLITE_ERROR"));
      assertThatThrownBy(() -> db.exec("SELECT * FROM nope"))
          .isInstanceOf(D1ExecException.class)
          .hasMessage(
              "D1_EXEC_ERROR: Error in line 1: SELECT * FROM nope: no such table: nope: SQLITE_ERROR");
    }

    @Test
    void wrongTokenIsAnAuthenticationErrorWithoutTheToken() {
      server.enqueue(FakeResponse.error(401, 10000, "Authentication error"));
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOf(D1AuthenticationException.class)
          .hasMessageNotContaining(TOKEN);
    }

    @Test
    void unknownPathIsAnApiError() {
      server.enqueue(FakeResponse.error(404, 7404, "Not found: use POST /raw or POST /exec"));
      assertThatThrownBy(() -> db.prepare("SELECT 1").all()).isInstanceOf(D1ApiException.class);
    }

    @Test
    void malformedResultIsATransportError() {
      server.enqueue(ok("{\"not\":\"an array\"}", null));
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOf(D1TransportException.class)
          .hasMessageContaining("malformed D1 response");
    }

    @Test
    void dumpIsNotAvailable() {
      assertThatThrownBy(() -> db.dump()).isInstanceOf(D1DumpException.class);
    }

    @Test
    void closedDatabaseRefusesCallsWithoutIo() {
      db.close();
      db.close();
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: Database is closed.");
      assertThat(server.requestCount()).isZero();
    }

    @Test
    void connectionRefusedNamesHostAndPort() throws IOException {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      D1Database down =
          D1Worker.builder()
              .url(URI.create("http://127.0.0.1:" + port))
              .token(TOKEN)
              .maxAttempts(1)
              .build();
      assertThatThrownBy(() -> down.prepare("SELECT 1").all())
          .isInstanceOf(D1TransportException.class)
          .hasMessageContaining("connection refused to 127.0.0.1:" + port)
          .hasMessageNotContaining(TOKEN)
          .hasMessageNotContaining("null");
    }
  }

  @Nested
  class Retries {
    @Test
    void readsAreRetriedAfterAServerError() {
      server.enqueue(FakeResponse.internalError());
      server.enqueue(ok(ONE, null));
      assertThat((Object) db.prepare("SELECT 1 AS v").first("v")).isEqualTo(1L);
      assertThat(server.requestCount()).isEqualTo(2);
      assertThat(clock.sleeps).hasSize(1);
    }

    @Test
    void writesAreNotRetriedSilently() {
      server.enqueue(FakeResponse.dropConnection());
      server.enqueue(ok(ONE, null));
      assertThatThrownBy(() -> db.prepare("INSERT INTO t VALUES (1)").run())
          .isInstanceOf(D1TransportException.class);
      assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void idempotentWritesAreRetried() {
      server.enqueue(FakeResponse.dropConnection());
      server.enqueue(ok(ONE, null));
      db.prepare("INSERT OR IGNORE INTO t VALUES (1)").idempotent().run();
      assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aBatchWithOneWriteIsNotRetried() {
      server.enqueue(FakeResponse.internalError());
      assertThatThrownBy(() -> db.batch(db.prepare("SELECT 1"), db.prepare("DELETE FROM t")))
          .isInstanceOf(D1Exception.class);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Nested
  class Secrecy {
    @Test
    void tokenNeverAppearsInToStringMessagesOrDebugLogs() {
      PrintStream old = System.err;
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
      try {
        server.enqueue(ok(ONE, null));
        db.prepare("SELECT ? AS v").bind(TOKEN).all();
        server.enqueue(FakeResponse.json(500, "oops " + TOKEN));
        server.enqueue(FakeResponse.json(500, "oops " + TOKEN));
        server.enqueue(FakeResponse.json(500, "oops " + TOKEN));
        assertThatThrownBy(() -> db.prepare("SELECT 1").all())
            .hasMessageNotContaining(TOKEN)
            .hasMessageContaining("***");
      } finally {
        System.setErr(old);
      }
      assertThat(buf.toString(StandardCharsets.UTF_8)).contains("POST").doesNotContain(TOKEN);
      assertThat(db.toString()).doesNotContain(TOKEN);
      assertThat(client(TOKEN).toString()).doesNotContain(TOKEN).contains("***");
    }
  }

  @Nested
  class Builder {
    @Test
    void fromEnvNamesTheMissingVariable() {
      assertThatThrownBy(() -> D1Worker.fromEnv(Map.<String, String>of()::get))
          .hasMessage("D1_WORKER_URL is not set");
      assertThatThrownBy(() -> D1Worker.fromEnv(Map.of("D1_WORKER_URL", "https://x")::get))
          .hasMessage("D1_WORKER_TOKEN is not set");
      assertThatThrownBy(
              () ->
                  D1Worker.fromEnv(
                      Map.of("D1_WORKER_URL", "not a url", "D1_WORKER_TOKEN", "t")::get))
          .hasMessageStartingWith("D1_WORKER_URL is not a valid URL");
      server.enqueue(ok(ONE, null));
      try (D1Database env =
          D1Worker.fromEnv(Map.of("D1_WORKER_URL", server.baseUrl(), "D1_WORKER_TOKEN", TOKEN)::get)
              .build()) {
        assertThat((Object) env.prepare("SELECT 1 AS v").first("v")).isEqualTo(1L);
      }
      assertThat(server.takeRequest().header("authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void theWorkerScriptShipsInTheJar() {
      String js = D1Worker.workerScript();
      assertThat(js).contains("export default").contains("D1_WORKER_TOKEN").contains("withSession");
    }
  }
}
