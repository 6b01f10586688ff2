package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1LimitExceededException;
import io.github.d1java.D1QuotaExceededException;
import io.github.d1java.D1TransportException;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.FakeResponse;
import io.github.d1java.testkit.server.RecordedRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The FakeD1Server examples of d1-testkit/README.md, run as written. */
class FakeD1ServerReadmeTest {

  @Test
  void startScriptFaultAndTakeRequest() {
    // snippet:start fake-server-basics
    try (FakeD1Server server = FakeD1Server.start()) {
      String id = server.createDatabase("app");
      server.database(id).exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");

      try (D1RemoteDatabase db =
          D1Remote.builder()
              .baseUrl(server.baseUrl())
              .accountId(server.accountId())
              .apiToken(server.apiToken())
              .databaseId(id)
              .initialBackoff(Duration.ofMillis(1))
              .build()) {
        db.prepare("INSERT INTO users (name) VALUES (?)").bind("Ada").run();

        // Scripted answers come first, in order; then the fake API answers for real.
        server.enqueue(FakeResponse.internalError()); // HTTP 500, D1's transient 7500
        String name = db.prepare("SELECT name FROM users WHERE id = ?").bind(1).first("name");
        assertThat(name).isEqualTo("Ada"); // a read is retried after the 500

        RecordedRequest insert = server.takeRequest(); // every request is recorded, in order
        assertThat(insert.json().get("params").get(0).asText()).isEqualTo("Ada");
        assertThat(server.takeRequest().path()).endsWith("/raw"); // the 500
        assertThat(server.takeRequest().path()).endsWith("/raw"); // the retry
      }
    }
    // snippet:end fake-server-basics
  }

  @Test
  void faultsAndLimits() {
    try (FakeD1Server server = FakeD1Server.start();
        D1RemoteDatabase db =
            D1Remote.builder()
                .baseUrl(server.baseUrl())
                .accountId(server.accountId())
                .apiToken(server.apiToken())
                .databaseId(server.createDatabase("app"))
                .maxAttempts(1)
                .build()) {
      // snippet:start fake-server-faults
      server.enqueue(FakeResponse.dropConnection());
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOf(D1TransportException.class);

      server.enqueue(FakeResponse.limitExceeded(D1LimitExceededException.Limit.DAILY_ROWS_READ));
      assertThatThrownBy(() -> db.prepare("SELECT 1").all())
          .isInstanceOfSatisfying(
              D1QuotaExceededException.class,
              e -> assertThat(e.resetAt()).isAfter(e.failedAt())); // next midnight UTC
      // snippet:end fake-server-faults
    }
  }

  @Test
  void dispatcherAndNumbers() {
    // snippet:start fake-server-dispatcher
    try (FakeD1Server server = FakeD1Server.start()) {
      String id = server.createDatabase("app");
      // A dispatcher chooses every answer; passThrough() lets the fake API answer.
      server.setDispatcher(
          request ->
              request.path().endsWith("/export")
                  ? FakeResponse.internalError()
                  : FakeResponse.passThrough());

      try (D1RemoteDatabase db =
          D1Remote.builder()
              .baseUrl(server.baseUrl())
              .accountId(server.accountId())
              .apiToken(server.apiToken())
              .databaseId(id)
              .build()) {
        // As in D1, JSON numbers are JavaScript numbers: beyond 2^53 they are rounded.
        Object big = db.prepare("SELECT 9007199254740993 AS v").first("v");
        assertThat(big).isEqualTo(9007199254740992L);
      }
    }
    // snippet:end fake-server-dispatcher
  }
}
