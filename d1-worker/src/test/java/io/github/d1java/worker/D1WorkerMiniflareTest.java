package io.github.d1java.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1AuthenticationException;
import io.github.d1java.D1Database;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.spi.D1Bookmarks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Worker script under Miniflare (D1's binding in workerd) with the Java client: sessions,
 * security and a bounded load test. Skipped when {@code node} is not installed.
 */
class D1WorkerMiniflareTest {

  static final long MAX_BODY = 64 * 1024;
  static final AtomicInteger NEXT = new AtomicInteger();

  static MiniflareWorker worker;

  static HttpClient freshClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  static final List<String> RESPONSES = new ArrayList<>();

  @BeforeAll
  static void start() {
    worker = MiniflareWorker.start(MiniflareWorker.TOKEN, MAX_BODY, 64);
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.close();
      assertThat(worker.output()).as("Miniflare's log").doesNotContain(MiniflareWorker.TOKEN);
    }
  }

  static D1Database freshDatabase() {
    return worker.client(NEXT.getAndIncrement()).build();
  }

  static HttpResponse<String> post(URI url, String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    // a fresh connection per probe: a refused request's body is never read, so the server may
    // close the connection after answering, and a pooled connection would then be reset
    HttpResponse<String> r = freshClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    synchronized (RESPONSES) {
      RESPONSES.add(r.headers().map() + " " + r.body());
    }
    return r;
  }

  static URI raw() {
    return URI.create(worker.url() + "/raw");
  }

  @Nested
  class Sessions {
    @Test
    void bookmarkMovesForwardWithEachWrite() {
      try (D1Database db = freshDatabase()) {
        D1DatabaseSession s = db.withSession(D1DatabaseSession.FIRST_PRIMARY);
        assertThat(s.getBookmark()).isNull();
        s.prepare("CREATE TABLE t (x INTEGER)").run();
        String b1 = s.getBookmark();
        assertThat(D1Bookmarks.isBookmark(b1)).as(b1).isTrue();
        s.prepare("INSERT INTO t VALUES (1)").run();
        String b2 = s.getBookmark();
        assertThat(b2.compareTo(b1)).as(b1 + " then " + b2).isPositive();
        s.prepare("SELECT * FROM t").all();
        assertThat(s.getBookmark().compareTo(b2)).isNotNegative();
      }
    }

    @Test
    void aReadInASessionSeesTheSessionsOwnWrite() {
      try (D1Database db = freshDatabase()) {
        D1DatabaseSession s = db.withSession();
        s.batch(
            s.prepare("CREATE TABLE t (x INTEGER)"), s.prepare("INSERT INTO t VALUES (?)").bind(7));
        assertThat((Object) s.prepare("SELECT x FROM t").first("x")).isEqualTo(7L);
      }
    }

    @Test
    void withSessionOfABookmarkResumesFromIt() {
      try (D1Database db = freshDatabase()) {
        D1DatabaseSession first = db.withSession(D1DatabaseSession.FIRST_PRIMARY);
        first.prepare("CREATE TABLE t (x TEXT)").run();
        first.prepare("INSERT INTO t VALUES ('written')").run();
        String bookmark = first.getBookmark();

        D1DatabaseSession resumed = db.withSession(bookmark);
        assertThat(resumed.getBookmark()).isEqualTo(bookmark);
        assertThat((Object) resumed.prepare("SELECT x FROM t").first("x")).isEqualTo("written");
        assertThat(resumed.getBookmark().compareTo(bookmark)).isNotNegative();
      }
    }

    @Test
    void firstPrimaryStartsOnThePrimaryAndSeesEveryEarlierWrite() {
      try (D1Database db = freshDatabase()) {
        db.exec("CREATE TABLE t (x INTEGER)\nINSERT INTO t VALUES (1)");
        D1DatabaseSession s = db.withSession(D1DatabaseSession.FIRST_PRIMARY);
        assertThat((Object) s.prepare("SELECT count(*) AS n FROM t").first("n")).isEqualTo(1L);
        assertThat(D1Bookmarks.isBookmark(s.getBookmark())).isTrue();
      }
    }

    @Test
    void databaseCallsHaveNoSessionButSessionsOfTheSameDatabaseShareIt() {
      try (D1Database db = freshDatabase()) {
        db.prepare("CREATE TABLE t (x INTEGER)").run();
        D1DatabaseSession a = db.withSession();
        D1DatabaseSession b = db.withSession();
        a.prepare("INSERT INTO t VALUES (1)").run();
        b.prepare("INSERT INTO t VALUES (2)").run();
        assertThat(db.prepare("SELECT x FROM t ORDER BY x").raw())
            .containsExactly(List.of(1L), List.of(2L));
      }
    }
  }

  @Nested
  class Security {
    static final String BODY = "{\"sql\":\"SELECT 1 AS v\"}";

    @Test
    void theRightTokenIsAccepted() throws Exception {
      HttpResponse<String> r = post(raw(), "Bearer " + MiniflareWorker.TOKEN, BODY);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"rows\":[[1]]");
    }

    @Test
    void noTokenIsRefused() throws Exception {
      HttpResponse<String> r = post(raw(), null, BODY);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.body()).contains("Authentication error").doesNotContain("rows");
    }

    @Test
    void aWrongTokenIsRefused() throws Exception {
      assertThat(post(raw(), "Bearer nope", BODY).statusCode()).isEqualTo(401);
      assertThat(post(raw(), MiniflareWorker.TOKEN, BODY).statusCode())
          .as("without the Bearer scheme")
          .isEqualTo(401);
    }

    @Test
    void aTokenDifferingInOneCharacterIsRefused() throws Exception {
      String t = MiniflareWorker.TOKEN;
      String last = t.substring(0, t.length() - 1) + (t.endsWith("f") ? "e" : "f");
      String first = (t.charAt(0) == 'a' ? "b" : "a") + t.substring(1);
      assertThat(post(raw(), "Bearer " + last, BODY).statusCode()).isEqualTo(401);
      assertThat(post(raw(), "Bearer " + first, BODY).statusCode()).isEqualTo(401);
      assertThat(post(raw(), "Bearer " + t + "x", BODY).statusCode()).isEqualTo(401);
      assertThat(post(raw(), "Bearer " + t.substring(1), BODY).statusCode()).isEqualTo(401);
    }

    @Test
    void theJavaClientReportsAWrongTokenWithoutIt() {
      String wrong = MiniflareWorker.TOKEN + "0";
      D1Database db = D1Worker.builder().url(worker.url()).token(wrong).build();
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOf(D1AuthenticationException.class)
          .hasMessageNotContaining(wrong)
          .hasMessageNotContaining(MiniflareWorker.TOKEN);
    }

    @Test
    void anOversizedBodyIsRefused() throws Exception {
      String big = "{\"sql\":\"SELECT '" + "x".repeat((int) MAX_BODY) + "'\"}";
      HttpResponse<String> r = post(raw(), "Bearer " + MiniflareWorker.TOKEN, big);
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(r.body()).contains("larger than " + MAX_BODY + " bytes");
      String fits = "{\"sql\":\"SELECT '" + "x".repeat((int) MAX_BODY - 100) + "' AS v\"}";
      assertThat(post(raw(), "Bearer " + MiniflareWorker.TOKEN, fits).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyPostIsServedAndThereIsNoCors() throws Exception {
      HttpResponse<String> get =
          freshClient()
              .send(
                  HttpRequest.newBuilder(raw())
                      .header("Authorization", "Bearer " + MiniflareWorker.TOKEN)
                      .header("Origin", "https://evil.example")
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
      HttpResponse<String> preflight =
          freshClient()
              .send(
                  HttpRequest.newBuilder(raw())
                      .header("Origin", "https://evil.example")
                      .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).isEqualTo(401);
      for (HttpResponse<String> r : List.of(get, preflight)) {
        assertThat(r.headers().map().keySet())
            .noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
      }
    }

    @Test
    void malformedRequestsAreRefusedWithoutTouchingTheDatabase() throws Exception {
      String auth = "Bearer " + MiniflareWorker.TOKEN;
      assertThat(post(raw(), auth, "not json").body()).contains("Invalid property");
      assertThat(post(raw(), auth, "{\"sql\": 1}").statusCode()).isEqualTo(400);
      assertThat(post(raw(), auth, "{\"sql\":\"SELECT ?\",\"params\":[{\"a\":1}]}").body())
          .contains("Invalid property: params");
      assertThat(post(URI.create(worker.url() + "/nope"), auth, BODY).statusCode()).isEqualTo(404);
    }

    @Test
    void withoutAConfiguredTokenEveryRequestIsRefused() throws Exception {
      try (MiniflareWorker open = MiniflareWorker.start("", null, 0)) {
        URI url = URI.create(open.url() + "/raw");
        for (String auth : new String[] {null, "Bearer ", "Bearer undefined", "Bearer x"}) {
          HttpResponse<String> r = post(url, auth, BODY);
          assertThat(r.statusCode()).as(String.valueOf(auth)).isEqualTo(403);
          assertThat(r.body()).contains("D1_WORKER_TOKEN is not configured");
        }
      }
    }

    @Test
    void noResponseOrClientLogLineContainsTheToken() throws Exception {
      PrintStream old = System.err;
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
      try (D1Database db = freshDatabase()) {
        db.prepare("SELECT ? AS v").bind("x").all();
        assertThatThrownBy(() -> db.prepare("SELECT * FROM nope").all())
            .hasMessageNotContaining(MiniflareWorker.TOKEN);
      } finally {
        System.setErr(old);
      }
      assertThat(buf.toString(StandardCharsets.UTF_8))
          .contains("POST")
          .doesNotContain(MiniflareWorker.TOKEN);
      post(raw(), "Bearer " + MiniflareWorker.TOKEN, "{\"sql\":\"SELECT * FROM nope\"}");
      post(raw(), "Bearer wrong", BODY);
      synchronized (RESPONSES) {
        assertThat(RESPONSES).isNotEmpty().noneMatch(r -> r.contains(MiniflareWorker.TOKEN));
      }
    }
  }

  @Nested
  class Load {
    @Test
    void thirtyTwoConcurrentClientsLoseAndDuplicateNoWrite() throws Exception {
      int clients = 32;
      int writes = 20;
      int n = NEXT.getAndIncrement();
      try (D1Database setup = worker.client(n).build()) {
        setup
            .prepare("CREATE TABLE w (client INTEGER, seq INTEGER, PRIMARY KEY (client, seq))")
            .run();
      }
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      CountDownLatch go = new CountDownLatch(1);
      try {
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
          int client = c;
          done.add(
              pool.submit(
                  () -> {
                    try (D1Database db = worker.client(n).build()) {
                      go.await();
                      for (int i = 0; i < writes; i++) {
                        db.prepare("INSERT INTO w VALUES (?, ?)").bind(client, i).run();
                      }
                      return writes;
                    }
                  }));
        }
        go.countDown();
        int total = 0;
        for (Future<Integer> f : done) {
          total += f.get(5, TimeUnit.MINUTES); // a bound, not a speed assertion
        }
        assertThat(total).isEqualTo(clients * writes);
      } finally {
        pool.shutdownNow();
      }
      try (D1Database check = worker.client(n).build()) {
        Map<String, Object> r =
            check
                .prepare(
                    "SELECT count(*) AS n, count(DISTINCT client * 1000 + seq) AS d,"
                        + " count(DISTINCT client) AS c FROM w")
                .first();
        assertThat(r)
            .containsEntry("n", (long) clients * writes)
            .containsEntry("d", (long) clients * writes)
            .containsEntry("c", (long) clients);
      }
    }
  }
}
