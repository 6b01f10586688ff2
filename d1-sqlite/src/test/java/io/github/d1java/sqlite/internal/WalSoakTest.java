package io.github.d1java.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous writes and reads on one file: the {@code -wal} file stays within {@link
 * WalCheckpoints#BOUND_BYTES} and is gone (or small) after close. Bounded by the number of writes,
 * not by time.
 */
class WalSoakTest {

  private static final int WRITERS = 16;
  private static final int WRITES_PER_WRITER = 600;
  private static final int READERS = 4;

  @TempDir Path dir;

  @Test
  void walStaysBoundedUnderContinuousReadsAndWritesAndIsGoneAfterClose() throws Exception {
    Path file = dir.resolve("soak.db");
    Path wal = Path.of(file + "-wal");
    AtomicLong maxWal = new AtomicLong();
    AtomicBoolean writing = new AtomicBoolean(true);
    D1SqliteDatabase db = D1Sqlite.builder().file(file).readers(READERS).build();
    db.exec("CREATE TABLE k (id INTEGER PRIMARY KEY, v TEXT, n INTEGER)");
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
    List<Future<?>> writers = new ArrayList<>();
    List<Future<Long>> readers = new ArrayList<>();
    try {
      String pad = "x".repeat(400);
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < WRITES_PER_WRITER; i++) {
                    long id = (long) writer * WRITES_PER_WRITER + i;
                    db.prepare("INSERT INTO k VALUES (?, ?, ?)").bind(id, pad, i).run();
                    if (i % 4 == 0) {
                      db.prepare("UPDATE k SET n = n + 1 WHERE id = ?").bind(id / 2).run();
                    }
                    sample(wal, maxWal);
                  }
                  return null;
                }));
      }
      for (int r = 0; r < READERS; r++) {
        readers.add(
            pool.submit(
                () -> {
                  long reads = 0;
                  // keeps reading until the writers are done, so a snapshot is always held
                  while (writing.get()) {
                    db.prepare("SELECT count(*), max(n) FROM k").first();
                    reads++;
                    sample(wal, maxWal);
                  }
                  return reads;
                }));
      }
      for (Future<?> f : writers) {
        f.get();
      }
      writing.set(false);
      for (Future<Long> f : readers) {
        assertThat(f.get()).isPositive();
      }
    } finally {
      writing.set(false);
      pool.shutdown();
    }
    Long rows = db.prepare("SELECT count(*) AS n FROM k").first("n");
    assertThat(rows).isEqualTo((long) WRITERS * WRITES_PER_WRITER);
    assertThat(maxWal.get()).isLessThanOrEqualTo(WalCheckpoints.BOUND_BYTES);
    db.close();
    assertThat(!Files.exists(wal) || Files.size(wal) < (4L << 20))
        .as("-wal after close: %s bytes", Files.exists(wal) ? Files.size(wal) : -1)
        .isTrue();
  }

  private static void sample(Path wal, AtomicLong max) {
    try {
      long size = Files.size(wal);
      max.accumulateAndGet(size, Math::max);
    } catch (IOException e) {
      // between a checkpoint's truncation and the next write the file may be absent
    }
  }
}
