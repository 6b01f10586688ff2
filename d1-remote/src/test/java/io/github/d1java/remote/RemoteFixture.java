package io.github.d1java.remote;

import io.github.d1java.testkit.server.FakeD1Server;
import java.time.Duration;

/** A fake server with one database and a client on it that never really sleeps. */
final class RemoteFixture implements AutoCloseable {
  final FakeD1Server server = FakeD1Server.builder().exactIntegers(true).start();
  final String databaseId = server.createDatabase("app");
  final TestClock clock = new TestClock();

  D1Remote.Builder builder() {
    return D1Remote.builder()
        .baseUrl(server.baseUrl())
        .accountId(server.accountId())
        .apiToken(server.apiToken())
        .pollInterval(Duration.ofMillis(10))
        .clock(clock)
        .random(() -> 0.0);
  }

  D1RemoteDatabase database() {
    return builder().databaseId(databaseId).build();
  }

  @Override
  public void close() {
    server.close();
  }
}
