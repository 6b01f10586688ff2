package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Exception;
import io.github.d1java.D1RateLimitException;
import io.github.d1java.D1SqlException;
import io.github.d1java.D1TimeoutException;
import io.github.d1java.D1TransportException;
import io.github.d1java.testkit.server.FakeResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class D1RemoteRetryTest {

  RemoteFixture fx;
  D1RemoteDatabase db;

  @BeforeEach
  void setUp() {
    fx = new RemoteFixture();
    fx.server.database(fx.databaseId).exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)");
    db = fx.builder().databaseId(fx.databaseId).maxAttempts(4).build();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private long rows() {
    return (Long) fx.server.database(fx.databaseId).prepare("SELECT count(*) AS n FROM t").first("n");
  }

  @Nested
  class Reads {
    @Test
    void serverErrorsAreRetriedWithDoublingBackoff() {
      for (int i = 0; i < 3; i++) {
        fx.server.enqueue(FakeResponse.internalError());
      }
      assertThat(db.prepare("SELECT 1 AS one").first()).containsEntry("one", 1L);
      assertThat(fx.server.requestCount()).isEqualTo(4);
      assertThat(fx.clock.sleeps)
          .containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void backoffIsCappedAndJitterOnlyShortensIt() {
      D1RemoteDatabase jittery =
          fx.builder().databaseId(fx.databaseId).maxAttempts(5).maxBackoff(Duration.ofSeconds(1))
              .random(() -> 1.0).build();
      for (int i = 0; i < 4; i++) {
        fx.server.enqueue(FakeResponse.internalError());
      }
      jittery.prepare("SELECT 1").all();
      assertThat(fx.clock.sleeps)
          .containsExactly(Duration.ofMillis(375), Duration.ofMillis(750), Duration.ofMillis(750), Duration.ofMillis(750));
    }

    @Test
    void retryAfterReplacesTheBackoff() {
      fx.server.enqueue(FakeResponse.rateLimited(Duration.ofSeconds(3)));
      db.prepare("SELECT 1").all();
      assertThat(fx.clock.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void rateLimitGivesUpAfterMaxAttemptsWithRetryAfter() {
      for (int i = 0; i < 4; i++) {
        fx.server.enqueue(FakeResponse.rateLimited(Duration.ofSeconds(1)));
      }
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOfSatisfying(
              D1RateLimitException.class,
              e -> {
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                assertThat(e.isRetryable()).isTrue();
                assertThat(e).hasMessageContaining("Please wait and consider throttling your request speed");
              });
      assertThat(fx.server.requestCount()).isEqualTo(4);
    }

    @Test
    void deadlineExpiresBeforeALongRetryAfter() {
      D1RemoteDatabase tight = fx.builder().databaseId(fx.databaseId).maxAttempts(10).deadline(Duration.ofSeconds(5)).build();
      for (int i = 0; i < 10; i++) {
        fx.server.enqueue(FakeResponse.rateLimited(Duration.ofSeconds(2)));
      }
      assertThatThrownBy(() -> tight.prepare("SELECT 1").all())
          .isInstanceOf(D1TimeoutException.class)
          .hasMessageContaining("deadline of 5000 ms")
          .satisfies(e -> assertThat(e.getCause().getCause()).isInstanceOf(D1RateLimitException.class));
      assertThat(fx.clock.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
      assertThat(fx.server.requestCount()).isEqualTo(3);
    }

    @Test
    void malformedJsonIsRetried() {
      fx.server.enqueue(FakeResponse.malformedJson());
      assertThat(db.prepare("SELECT 2 AS two").first()).containsEntry("two", 2L);
      assertThat(fx.server.requestCount()).isEqualTo(2);
    }

    @Test
    void droppedConnectionIsRetried() {
      fx.server.enqueue(FakeResponse.dropConnection());
      assertThat(db.prepare("SELECT 3 AS three").first()).containsEntry("three", 3L);
      assertThat(fx.server.requestCount()).isEqualTo(2);
    }

    @Test
    void slowResponseTimesOutAndIsRetried() {
      D1RemoteDatabase quick = fx.builder().databaseId(fx.databaseId).requestTimeout(Duration.ofMillis(300)).build();
      fx.server.enqueue(FakeResponse.passThrough().withDelay(Duration.ofSeconds(30)));
      assertThat(quick.prepare("SELECT 4 AS four").first()).containsEntry("four", 4L);
      assertThat(fx.server.requestCount()).isEqualTo(2);
    }

    @Test
    void slowResponseCutByTheDeadlineIsATimeout() {
      D1RemoteDatabase quick = fx.builder().databaseId(fx.databaseId).deadline(Duration.ofMillis(300)).build();
      fx.server.enqueue(FakeResponse.passThrough().withDelay(Duration.ofSeconds(30)));
      assertThatThrownBy(() -> quick.prepare("SELECT 1").all()).isInstanceOf(D1TimeoutException.class);
    }

    @Test
    void aGatewayErrorPageIsRetriedButANotFoundPageIsNot() {
      fx.server.enqueue(FakeResponse.json(524, "<html>timeout</html>"));
      db.prepare("SELECT 1").all();
      assertThat(fx.server.requestCount()).isEqualTo(2);
      fx.server.enqueue(FakeResponse.json(404, "<html>not found</html>"));
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOfSatisfying(D1TransportException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.isRetryable()).isFalse();
          })
          .hasMessageContaining("not the D1 JSON envelope: <html>not found</html>");
      assertThat(fx.server.requestCount()).isEqualTo(3);
    }

    @Test
    void sqlErrorsAreNotRetried() {
      assertThatThrownBy(() -> db.prepare("SELECT * FROM nope").all()).isInstanceOf(D1SqlException.class);
      assertThat(fx.server.requestCount()).isEqualTo(1);
      assertThat(fx.clock.sleeps).isEmpty();
    }

    @Test
    void d1TransientMessagesAreRetried() {
      fx.server.enqueue(FakeResponse.error(500, 7500, "Network connection lost."));
      db.prepare("SELECT 1").all();
      assertThat(fx.server.requestCount()).isEqualTo(2);
    }
  }

  @Nested
  class Writes {
    @Test
    void aWriteIsNeverRetriedOnServerError() {
      fx.server.enqueue(FakeResponse.internalError());
      assertThatThrownBy(() -> db.prepare("INSERT INTO t (v) VALUES ('a')").run())
          .isInstanceOf(D1SqlException.class)
          .hasMessageContaining("internal error");
      assertThat(fx.server.requestCount()).isEqualTo(1);
      assertThat(rows()).isZero();
    }

    @Test
    void aDroppedResponseToAWriteIsReportedNotRetried() {
      fx.server.enqueue(FakeResponse.dropMidResponse());
      assertThatThrownBy(() -> db.prepare("INSERT INTO t (v) VALUES ('a')").run())
          .isInstanceOfSatisfying(D1TransportException.class, e -> assertThat(e.isRetryable()).isFalse());
      assertThat(fx.server.requestCount()).isEqualTo(1);
      assertThat(rows()).isEqualTo(1); // the server did the work: a retry would have doubled it
    }

    @Test
    void anIdempotentWriteIsRetried() {
      fx.server.enqueue(FakeResponse.dropConnection());
      db.prepare("INSERT OR IGNORE INTO t (v) VALUES ('a')").idempotent().run();
      assertThat(fx.server.requestCount()).isEqualTo(2);
      assertThat(rows()).isEqualTo(1);
    }

    @Test
    void rateLimitedWriteIsNotRetried() {
      fx.server.enqueue(FakeResponse.rateLimited(Duration.ofSeconds(1)));
      assertThatThrownBy(() -> db.prepare("DELETE FROM t").run()).isInstanceOf(D1RateLimitException.class);
      assertThat(fx.server.requestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO t (v) VALUES ('x')",
        "WITH x AS (SELECT 1) INSERT INTO t (v) SELECT 'x' FROM x",
        "SELECT 1; DELETE FROM t",
        "PRAGMA foreign_keys = OFF"})
    void statementsThatMayWriteAreNotRetried(String sql) {
      fx.server.enqueue(FakeResponse.internalError());
      assertThatThrownBy(() -> db.prepare(sql).run()).isInstanceOf(D1Exception.class);
      assertThat(fx.server.requestCount()).isEqualTo(1);
    }
  }

  @Nested
  class Batches {
    @Test
    void aReadOnlyBatchIsRetried() {
      fx.server.enqueue(FakeResponse.internalError());
      assertThat(db.batch(db.prepare("SELECT 1"), db.prepare("SELECT 2"))).hasSize(2);
      assertThat(fx.server.requestCount()).isEqualTo(2);
    }

    @Test
    void aBatchWithOneUnmarkedWriteIsNotRetried() {
      fx.server.enqueue(FakeResponse.internalError());
      assertThatThrownBy(() -> db.batch(db.prepare("SELECT 1"), db.prepare("INSERT INTO t (v) VALUES ('b')")))
          .isInstanceOf(D1SqlException.class);
      assertThat(fx.server.requestCount()).isEqualTo(1);
    }

    @Test
    void aBatchOfReadsAndIdempotentWritesIsRetried() {
      fx.server.enqueue(FakeResponse.dropConnection());
      db.batch(db.prepare("SELECT 1"), db.prepare("INSERT OR IGNORE INTO t (v) VALUES ('b')").idempotent());
      assertThat(fx.server.requestCount()).isEqualTo(2);
      assertThat(rows()).isEqualTo(1);
    }

    @Test
    void execOfWritesIsNotRetried() {
      fx.server.enqueue(FakeResponse.internalError());
      assertThatThrownBy(() -> db.exec("INSERT INTO t (v) VALUES ('c')")).isInstanceOf(D1Exception.class);
      assertThat(fx.server.requestCount()).isEqualTo(1);
    }
  }
}
