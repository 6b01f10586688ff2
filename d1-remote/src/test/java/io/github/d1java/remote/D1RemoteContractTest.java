package io.github.d1java.remote;

import io.github.d1java.D1Database;
import io.github.d1java.testkit.contract.D1DatabaseContract;
import io.github.d1java.testkit.server.FakeD1Server;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The backend contract suite, unchanged, against {@link D1Remote} talking to a {@link FakeD1Server}
 * over loopback HTTP: every test gets a fresh database on the server.
 */
class D1RemoteContractTest extends D1DatabaseContract {

  private static FakeD1Server server;
  private static final AtomicInteger COUNT = new AtomicInteger();

  @BeforeAll
  static void startServer() {
    server = FakeD1Server.builder().timeTravel(false).start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Override
  protected D1Database newDatabase() {
    String id = server.createDatabase("contract-" + COUNT.incrementAndGet());
    return D1Remote.builder()
        .baseUrl(server.baseUrl())
        .accountId(server.accountId())
        .apiToken(server.apiToken())
        .databaseId(id)
        .build();
  }

  @Override
  protected boolean supportsDump() {
    return false;
  }

  @Override
  protected boolean bindsUnsafeIntegersAsText() {
    return true;
  }

  @Override
  protected boolean supportsSessionBookmarks() {
    return false;
  }
}
