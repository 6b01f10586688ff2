package io.github.d1java.jdbc;

import io.github.d1java.worker.MiniflareWorker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract on {@code jdbc:d1:worker:<url>} against the real Worker script ({@code
 * d1-worker/worker/d1-worker.js}) under Miniflare, that is D1's binding in workerd, started by
 * d1-worker's own harness ({@link MiniflareWorker}, from its test-jar). Each test gets its own
 * empty database ({@code <url>/db<i>}). Skipped, with the reason, when {@code node} is not
 * installed; {@link WorkerUrlTest} covers the URL kind against scripted replies regardless.
 *
 * <p>Where D1's real binding legitimately differs from the local engine, the contract's hooks say
 * so: every bound number reaches SQLite as REAL ({@link #bindsNumbersAsReal()}) and numbers come
 * back as JavaScript numbers ({@link #readsNumbersAsJavaScriptNumbers()}). The Worker has no {@code
 * dump()} either, but no JDBC check uses it. Transactions are buffered and sent as one batch at
 * commit, as for {@code jdbc:d1:remote:}.
 */
class WorkerJdbcContractTest extends JdbcContract {

  /** More than the contract's tests; each opens one database. */
  private static final int DATABASES = 200;

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static MiniflareWorker worker;
  private String url;

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
  Connection connect() throws SQLException {
    if (url == null) {
      int i = NEXT.getAndIncrement();
      if (i >= DATABASES) {
        throw new IllegalStateException("more than " + DATABASES + " databases: raise DATABASES");
      }
      url = "jdbc:d1:worker:" + worker.url() + "/db" + i;
    }
    Properties p = new Properties();
    p.setProperty("token", MiniflareWorker.TOKEN);
    return DriverManager.getConnection(url, p);
  }

  @Override
  boolean interactive() {
    return false;
  }

  @Override
  boolean bindsNumbersAsReal() {
    return true; // workerd's D1 binding: sqlite3_bind_double for every number
  }

  @Override
  boolean readsNumbersAsJavaScriptNumbers() {
    return true; // D1 itself: results are JSON numbers
  }
}
