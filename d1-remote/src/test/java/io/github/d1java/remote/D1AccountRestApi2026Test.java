package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1LimitExceededException;
import io.github.d1java.D1QuotaExceededException;
import io.github.d1java.D1SqlException;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.FakeResponse;
import io.github.d1java.testkit.server.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** D1Account over the 2026 REST API, list pagination and D1's limit errors, against the fake. */
class D1AccountRestApi2026Test {

  static final ObjectMapper JSON = new ObjectMapper();
  FakeD1Server server;
  D1Account account;

  @BeforeEach
  void setUp() {
    server = FakeD1Server.builder().maxDatabases(40).start();
    account =
        D1Remote.builder()
            .baseUrl(server.baseUrl())
            .accountId(server.accountId())
            .apiToken(server.apiToken())
            .clock(new TestClock())
            .buildAccount();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  List<String> takeAllTargets() {
    List<String> targets = new ArrayList<>();
    for (RecordedRequest r = server.takeRequest(Duration.ZERO);
        r != null;
        r = server.takeRequest(Duration.ZERO)) {
      targets.add(r.method() + " " + r.target().replaceAll("^.*/d1/", ""));
    }
    return targets;
  }

  @Nested
  class Create {
    @Test
    void sendsJurisdictionLocationHintAndReadReplication() {
      D1DatabaseInfo db =
          account.create(
              D1Account.CreateOptions.named("eu-app")
                  .withJurisdiction("eu")
                  .withPrimaryLocationHint("weur")
                  .withReadReplication("auto"));
      assertThat(server.takeRequest().json().toString())
          .isEqualTo(
              "{\"name\":\"eu-app\",\"primary_location_hint\":\"weur\",\"jurisdiction\":\"eu\","
                  + "\"read_replication\":{\"mode\":\"auto\"}}");
      assertThat(db.jurisdiction()).isEqualTo("eu");
      assertThat(db.readReplication()).isEqualTo("auto");
      assertThat(db.region()).isEqualTo("WEUR");
    }

    @Test
    void optionsAreValidatedWithThePropertysName() {
      assertThatThrownBy(() -> D1Account.CreateOptions.named("x").withJurisdiction("mars"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("jurisdiction must be one of eu, fedramp, us, got mars");
      assertThatThrownBy(() -> D1Account.CreateOptions.named("x").withPrimaryLocationHint("moon"))
          .hasMessageStartingWith("primaryLocationHint must be one of");
      assertThatThrownBy(() -> D1Account.CreateOptions.named("x").withReadReplication("on"))
          .hasMessageStartingWith("readReplication must be one of");
      assertThatThrownBy(() -> D1Account.CreateOptions.named(null))
          .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theDatabaseCountLimitIsANonRetryableLimitException() {
      try (FakeD1Server small = FakeD1Server.builder().maxDatabases(1).start()) {
        small.createDatabase("one");
        D1Account a =
            D1Remote.builder()
                .baseUrl(small.baseUrl())
                .accountId(small.accountId())
                .apiToken(small.apiToken())
                .buildAccount();
        assertThatThrownBy(() -> a.create("two"))
            .isInstanceOfSatisfying(
                D1LimitExceededException.class,
                e -> {
                  assertThat(e.limit()).isEqualTo(D1LimitExceededException.Limit.DATABASE_COUNT);
                  assertThat(e.isRetryable()).isFalse();
                  assertThat(e.getCause().getCause()).isInstanceOf(D1ApiException.class);
                })
            .hasMessageContaining("System limit reached: databases per account");
        assertThat(small.requestCount()).isEqualTo(1);
      }
    }
  }

  @Nested
  class ReadReplicationAndFields {
    @Test
    void putAndPatchSwitchReadReplication() {
      String id = server.createDatabase("app");
      assertThat(account.setReadReplication(id, "auto").readReplication()).isEqualTo("auto");
      RecordedRequest put = server.takeRequest();
      assertThat(put.method()).isEqualTo("PUT");
      assertThat(put.json().toString()).isEqualTo("{\"read_replication\":{\"mode\":\"auto\"}}");
      assertThat(account.patchReadReplication(id, "disabled").readReplication())
          .isEqualTo("disabled");
      assertThat(server.takeRequest().method()).isEqualTo("PATCH");
      assertThatThrownBy(() -> account.setReadReplication(id, "sometimes"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("mode must be one of auto, disabled, got sometimes");
    }

    @Test
    void getWithFieldsAsksForThemAndLeavesTheOthersNull() {
      String id = server.createDatabase("app");
      server.database(id).exec("CREATE TABLE t (x); CREATE TABLE u (y);");
      D1DatabaseInfo info = account.get("app", List.of("num_tables")).orElseThrow();
      assertThat(server.takeRequest().target()).endsWith("/app?fields=uuid%2Cname%2Cnum_tables");
      assertThat(info.uuid()).isEqualTo(id);
      assertThat(info.numTables()).isEqualTo(2);
      assertThat(info.fileSize()).isNull();
      assertThat(info.createdAt()).isNull();
      assertThatThrownBy(() -> account.get("app", List.of("colour")))
          .isInstanceOfSatisfying(
              D1ApiException.class, e -> assertThat(e.apiCode()).isEqualTo(7400));
    }
  }

  @Nested
  class Pagination {
    /** An API that caps every page at 3 items whatever per_page asks, without result_info. */
    void capPagesAtThree() {
      server.setDispatcher(
          request -> {
            if (!request.method().equals("GET") || !request.path().endsWith("/d1/database")) {
              return FakeResponse.passThrough();
            }
            int page = Integer.parseInt(request.target().replaceAll(".*[?&]page=(\\d+).*", "$1"));
            ArrayNode items = JSON.createArrayNode();
            int i = 0;
            for (String name : List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7")) {
              if (i >= (page - 1) * 3 && i < page * 3) {
                items.addObject().put("uuid", "uuid-" + name).put("name", name);
              }
              i++;
            }
            ObjectNode env = JSON.createObjectNode();
            env.set("result", items);
            env.put("success", true);
            env.putArray("errors");
            env.putArray("messages");
            return FakeResponse.json(200, env.toString());
          });
    }

    @Test
    void aShortPageIsNotTheEndButAnEmptyPageIs() {
      capPagesAtThree();
      assertThat(account.list(null, 10))
          .extracting(D1DatabaseInfo::name)
          .containsExactly("a1", "a2", "a3", "a4", "a5", "a6", "a7");
      assertThat(takeAllTargets())
          .containsExactly(
              "GET database?page=1&per_page=10",
              "GET database?page=2&per_page=10",
              "GET database?page=3&per_page=10",
              "GET database?page=4&per_page=10");
    }

    @Test
    void resultInfoEndsTheListWithoutAnExtraRequest() {
      for (int i = 0; i < 20; i++) {
        server.createDatabase("db" + i);
      }
      assertThat(account.list(null, 10)).hasSize(20);
      assertThat(takeAllTargets())
          .containsExactly("GET database?page=1&per_page=10", "GET database?page=2&per_page=10");
    }
  }

  @Nested
  class Insights {
    @Test
    void readsQueriesAndRecommendationsFollowingTheCursor() {
      String id = server.createDatabase("app");
      try (D1RemoteDatabase db =
          D1Remote.builder()
              .baseUrl(server.baseUrl())
              .accountId(server.accountId())
              .apiToken(server.apiToken())
              .databaseId(id)
              .build()) {
        db.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)");
        db.prepare("INSERT INTO users (email) VALUES ('a'), ('b'), ('c')").run();
        for (int i = 0; i < 4; i++) {
          db.prepare("SELECT * FROM users WHERE email = ?").bind("b").all();
        }
        for (int i = 0; i < 3; i++) {
          db.prepare("SELECT " + i).all();
        }
      }
      server.setDispatcher(request -> null);
      D1Insights insights = account.insights(id, 100);
      assertThat(insights.queries()).hasSizeGreaterThanOrEqualTo(6);
      D1Insights.Query top = insights.queries().get(0);
      assertThat(top.query()).isEqualTo("SELECT * FROM users WHERE email = ?");
      assertThat(top.count()).isEqualTo(4);
      assertThat(top.rowsReturned()).isEqualTo(4);
      assertThat(top.efficiency()).isEqualTo((double) top.rowsReturned() / top.rowsRead());
      assertThat(insights.recommendations())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.sql())
                    .isEqualTo("CREATE INDEX IF NOT EXISTS idx_users_email ON users(email)");
                assertThat(r.table()).isEqualTo("users");
                assertThat(r.columns()).containsExactly("email");
                assertThat(r.costImpact()).isEqualTo(top.rowsRead());
              });

      takeAllTargets();
      assertThat(account.insights(id, 2).queries()).hasSize(2);
      assertThat(takeAllTargets()).containsExactly("GET database/" + id + "/insights?limit=2");
      assertThat(account.insights(100).queries()).hasSize(insights.queries().size());
      assertThat(takeAllTargets()).containsExactly("GET insights?limit=100");
      assertThatThrownBy(() -> account.insights(id, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("limit must be from 1 to 100, got 0");
    }
  }

  @Nested
  class Limits {
    D1RemoteDatabase db;

    @BeforeEach
    void open() {
      String id = server.createDatabase("app");
      db =
          D1Remote.builder()
              .baseUrl(server.baseUrl())
              .accountId(server.accountId())
              .apiToken(server.apiToken())
              .databaseId(id)
              .clock(new TestClock())
              .build();
    }

    @AfterEach
    void closeDb() {
      db.close();
    }

    @Test
    void theDailyReadLimitIsAQuotaExceptionThatIsNotRetried() {
      server.enqueue(FakeResponse.limitExceeded(D1LimitExceededException.Limit.DAILY_ROWS_READ));
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOfSatisfying(
              D1QuotaExceededException.class,
              e -> {
                assertThat(e.limit()).isEqualTo(D1LimitExceededException.Limit.DAILY_ROWS_READ);
                assertThat(e.resetAt())
                    .isEqualTo(D1QuotaExceededException.nextMidnightUtc(e.failedAt()));
                assertThat(e.isRetryable()).isFalse();
              })
          .hasMessageStartingWith(
              "D1_ERROR: Your account has exceeded D1's free tier daily row read limit.");
      assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void theDailyWriteAndStorageLimitsAreLimitExceptions() {
      server.enqueue(FakeResponse.limitExceeded(D1LimitExceededException.Limit.DAILY_ROWS_WRITTEN));
      server.enqueue(FakeResponse.limitExceeded(D1LimitExceededException.Limit.DATABASE_SIZE));
      server.enqueue(FakeResponse.limitExceeded(D1LimitExceededException.Limit.ACCOUNT_STORAGE));
      List<D1LimitExceededException.Limit> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        try {
          db.prepare("CREATE TABLE IF NOT EXISTS t (x)").run();
        } catch (D1LimitExceededException e) {
          assertThat(e).isInstanceOf(D1SqlException.class);
          assertThat(e.isRetryable()).isFalse();
          seen.add(e.limit());
        }
      }
      assertThat(seen)
          .containsExactly(
              D1LimitExceededException.Limit.DAILY_ROWS_WRITTEN,
              D1LimitExceededException.Limit.DATABASE_SIZE,
              D1LimitExceededException.Limit.ACCOUNT_STORAGE);
    }
  }
}
