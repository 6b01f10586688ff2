package io.github.d1java.worker;

import io.github.d1java.D1Database;
import io.github.d1java.contract.D1DatabaseContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The backend contract suite, unchanged, against {@link D1Worker} calling the Worker script under
 * Miniflare, that is D1's real binding in workerd. Each test gets its own empty database. Skipped
 * when {@code node} is not installed.
 */
class D1WorkerMiniflareContractTest extends D1DatabaseContract {

  /** More than the suite's tests (and the extra databases some tests open). */
  private static final int DATABASES = 400;

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static MiniflareWorker worker;

  @BeforeAll
  static void startWorker() {
    worker = MiniflareWorker.start(MiniflareWorker.TOKEN, null, DATABASES);
  }

  @AfterAll
  static void stopWorker() {
    if (worker != null) {
      worker.close();
    }
  }

  @Override
  protected D1Database newDatabase() {
    int i = NEXT.getAndIncrement();
    if (i >= DATABASES) {
      throw new IllegalStateException("more than " + DATABASES + " databases: raise DATABASES");
    }
    return worker.client(i).build();
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
  protected boolean readsNumbersAsJavaScriptNumbers() {
    return true; // D1 itself: JSON numbers
  }

  @Override
  protected boolean bindsNumbersAsReal() {
    return true; // Miniflare's workerd: sqlite3_bind_double for every number
  }

  @Override
  protected boolean reportsDeferredViolationAsObjectReset() {
    return true; // workerd's D1 on Durable Object storage
  }
}
