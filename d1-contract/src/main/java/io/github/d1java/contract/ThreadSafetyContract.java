package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One database shared by several threads, as the API promises.
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class ThreadSafetyContract extends ContractSupport {

  @Test
  void concurrentWritersAndReadersLoseNothing() throws Exception {
    sql("CREATE TABLE c (id INTEGER PRIMARY KEY, worker INTEGER, n INTEGER)");
    int workers = 4;
    int perWorker = 50;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Callable<List<Long>>> tasks = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        long worker = w;
        tasks.add(
            () -> {
              List<Long> ids = new ArrayList<>();
              D1PreparedStatement insert = db.prepare("INSERT INTO c (worker, n) VALUES (?, ?)");
              for (long n = 0; n < perWorker; n++) {
                ids.add(insert.bind(worker, n).run().meta().lastRowId());
                db.prepare("SELECT count(*) AS k FROM c WHERE worker = ?").bind(worker).first("k");
              }
              return ids;
            });
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : pool.invokeAll(tasks)) {
        all.addAll(f.get());
      }
      assertThat(all).hasSize(workers * perWorker).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("c")).isEqualTo((long) workers * perWorker);
    assertThat(db.prepare("SELECT worker, count(*) FROM c GROUP BY worker ORDER BY worker").raw())
        .containsExactly(List.of(0L, 50L), List.of(1L, 50L), List.of(2L, 50L), List.of(3L, 50L));
  }
}
