package io.github.d1java.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1Exception;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1SqlException;
import io.github.d1java.spi.D1Bookmarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class D1SqliteLifecycleTest {

  @TempDir Path dir;

  @Nested
  class Sessions {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "first-primary", "first-unconstrained", " first-primary "})
    void constraintSessionHasNoBookmarkUntilTheFirstResponse(String constraint) {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        D1DatabaseSession s = db.withSession(constraint);
        assertThat(s.getBookmark()).isNull();
        s.prepare("SELECT 1").all();
        assertThat(s.getBookmark()).matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}");
      }
    }

    @Test
    void bookmarkGrowsWithEachWrite() {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        D1DatabaseSession s = db.withSession();
        s.prepare("CREATE TABLE t (v)").run();
        String first = s.getBookmark();
        s.batch(s.prepare("INSERT INTO t VALUES (1)"));
        assertThat(s.getBookmark()).isGreaterThan(first);
      }
    }

    @Test
    void sessionFromBookmarkReturnsItAtOnceAndKeepsTheGreater() {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        D1DatabaseSession s = db.withSession("garbage-bookmark");
        assertThat(s.getBookmark()).isEqualTo("garbage-bookmark");
        s.prepare("CREATE TABLE t (v)").run();
        assertThat(s.getBookmark()).isEqualTo("garbage-bookmark");

        String old = D1Bookmarks.format(0);
        D1DatabaseSession s2 = db.withSession(old);
        assertThat(s2.getBookmark()).isEqualTo(old);
        s2.prepare("INSERT INTO t VALUES (1)").run();
        assertThat(s2.getBookmark()).isGreaterThan(old);
      }
    }

    @Test
    void olderBookmarksNeverReplaceNewerOnes() {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        String future = D1Bookmarks.format(1_000_000);
        D1DatabaseSession s = db.withSession(future);
        s.prepare("CREATE TABLE t (v)").run();
        assertThat(s.getBookmark()).isEqualTo(future);
      }
    }

    @Test
    void statementsPreparedOnASessionCanBeBoundAndSeeDatabaseWrites() {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        db.exec("CREATE TABLE t (v)");
        D1DatabaseSession s = db.withSession("first-primary");
        s.prepare("INSERT INTO t VALUES (?)").bind(7).run();
        assertThat((Long) db.prepare("SELECT v FROM t").first("v")).isEqualTo(7L);
      }
    }

    @Test
    void failedCallsDoNotAdvanceTheBookmark() {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        D1DatabaseSession s = db.withSession();
        assertThatThrownBy(() -> s.prepare("SELEC").all()).isInstanceOf(D1SqlException.class);
        assertThat(s.getBookmark()).isNull();
      }
    }
  }

  @Nested
  class FileDatabases {

    @Test
    void fileDatabaseIsCreatedAndPersists() {
      Path file = dir.resolve("app.db");
      try (D1SqliteDatabase db = D1Sqlite.open(file)) {
        assertThat(db.file()).isEqualTo(file);
        db.exec("CREATE TABLE t (v)\nINSERT INTO t VALUES ('kept')");
        assertThat(Files.exists(dir.resolve("app.db-wal"))).as("WAL mode").isTrue();
      }
      assertThat(Files.exists(file)).isTrue();
      try (D1SqliteDatabase db = D1Sqlite.open(file)) {
        assertThat((String) db.prepare("SELECT v FROM t").first("v")).isEqualTo("kept");
        assertThat((String) db.prepare("SELECT v FROM t").first("v")).isEqualTo("kept");
      }
    }

    @Test
    void readsOnReaderConnectionsSeeCommittedWritesAndStickyMeta() {
      try (D1SqliteDatabase db = D1Sqlite.builder().file(dir.resolve("r.db")).readers(2).build()) {
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v)");
        db.prepare("INSERT INTO t (v) VALUES ('a'), ('b')").run();
        var r = db.prepare("SELECT * FROM t").all();
        assertThat(r.results()).hasSize(2);
        assertThat(r.meta().lastRowId()).isEqualTo(2);
        assertThat(r.meta().sizeAfter()).isPositive();
        assertThat(r.meta().changedDb()).isFalse();
      }
    }

    @Test
    void connectionStateFunctionsReportTheWritersState() {
      try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("s.db"))) {
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v)");
        db.prepare("INSERT INTO t (v) VALUES (1), (2), (3)").run();
        assertThat(db.prepare("SELECT last_insert_rowid() AS r, changes() AS c").first())
            .containsEntry("r", 3L)
            .containsEntry("c", 3L);
      }
    }

    @Test
    void interruptedReaderWaitFailsClearlyAndKeepsTheInterruptFlag() {
      try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("i.db"))) {
        Thread.currentThread().interrupt();
        try {
          assertThatThrownBy(() -> db.prepare("SELECT 1").all())
              .isInstanceOf(D1SqlException.class)
              .hasMessage("D1_ERROR: Interrupted while waiting for a connection.");
          assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
          Thread.interrupted();
        }
        assertThat((Long) db.prepare("SELECT 1 AS v").first("v")).isEqualTo(1L);
      }
    }

    @Test
    void readerConnectionsApplyTheSameLimits() {
      try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("l.db"))) {
        String six = String.join(" UNION ", java.util.Collections.nCopies(6, "SELECT 1"));
        assertThatThrownBy(() -> db.prepare(six).all())
            .hasMessage("D1_ERROR: too many terms in compound SELECT: SQLITE_ERROR");
      }
    }

    @Test
    void missingDirectoryFailsClearly() {
      assertThatThrownBy(() -> D1Sqlite.open(dir.resolve("no/such/dir/x.db")))
          .isInstanceOf(D1Exception.class)
          .hasMessageContaining("unable to open database file")
          .hasMessageContaining("SQLITE_CANTOPEN");
    }

    @Test
    void manyThreadsWritingAtOnceNeverSeeBusy() throws Exception {
      int threads = 8;
      int perThread = 50;
      try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("busy.db"))) {
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, who INTEGER)");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          CountDownLatch start = new CountDownLatch(1);
          List<Future<Integer>> futures = new ArrayList<>();
          for (int i = 0; i < threads; i++) {
            int who = i;
            Callable<Integer> task =
                () -> {
                  start.await();
                  D1PreparedStatement ins = db.prepare("INSERT INTO t (who) VALUES (?)");
                  int reads = 0;
                  for (int n = 0; n < perThread; n++) {
                    ins.bind(who).run();
                    Long c =
                        db.prepare("SELECT count(*) AS c FROM t WHERE who = ?")
                            .bind(who)
                            .first("c");
                    if (c == n + 1) {
                      reads++;
                    }
                  }
                  return reads;
                };
            futures.add(pool.submit(task));
          }
          start.countDown();
          for (Future<Integer> f : futures) {
            assertThat(f.get()).isEqualTo(perThread);
          }
        } finally {
          pool.shutdown();
        }
        assertThat((Long) db.prepare("SELECT count(*) AS c FROM t").first("c"))
            .isEqualTo((long) threads * perThread);
      }
    }

    @Test
    void twoDatabaseObjectsOnOneFileWaitForEachOtherInsteadOfFailingBusy() throws Exception {
      Path file = dir.resolve("shared.db");
      try (D1SqliteDatabase a = D1Sqlite.open(file);
          D1SqliteDatabase b = D1Sqlite.builder().file(file).readers(0).build()) {
        a.exec("CREATE TABLE t (v)");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          Future<?> fa = pool.submit(() -> writeMany(a, 200));
          Future<?> fb = pool.submit(() -> writeMany(b, 200));
          fa.get();
          fb.get();
        } finally {
          pool.shutdown();
        }
        assertThat((Long) b.prepare("SELECT count(*) AS c FROM t").first("c")).isEqualTo(400L);
      }
    }

    private void writeMany(D1SqliteDatabase db, int n) {
      for (int i = 0; i < n; i++) {
        db.prepare("INSERT INTO t VALUES (?)").bind(i).run();
      }
    }

    @Test
    void fileThatIsNotADatabaseFailsClearly() throws Exception {
      Path file = dir.resolve("junk.db");
      Files.writeString(file, "this is not an SQLite database file, just text".repeat(50));
      assertThatThrownBy(() -> D1Sqlite.open(file))
          .isInstanceOf(D1Exception.class)
          .hasMessageContaining("SQLITE_NOTADB");
      assertThat(Files.readString(file)).startsWith("this is not an SQLite database file");
    }

    @Test
    void manyThreadsOnAnInMemoryDatabaseAreSerialized() throws Exception {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        db.exec("CREATE TABLE t (v)");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
          List<Future<?>> futures = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            futures.add(
                pool.submit(
                    () -> {
                      for (int n = 0; n < 100; n++) {
                        db.batch(db.prepare("INSERT INTO t VALUES (1)"), db.prepare("SELECT 1"));
                      }
                    }));
          }
          for (Future<?> f : futures) {
            f.get();
          }
        } finally {
          pool.shutdown();
        }
        assertThat((Long) db.prepare("SELECT count(*) AS c FROM t").first("c")).isEqualTo(400L);
      }
    }
  }

  @Nested
  class Images {

    @Test
    void dumpOfAFileDatabaseOpensAsAnInMemoryCopy() {
      byte[] image;
      try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("src.db"))) {
        db.exec("CREATE TABLE t (v)\nINSERT INTO t VALUES ('x')");
        image = db.dump();
      }
      assertThat(new String(image, 0, 15, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("SQLite format 3");
      try (D1SqliteDatabase copy = D1Sqlite.fromImage(image)) {
        assertThat(copy.file()).isNull();
        assertThat((String) copy.prepare("SELECT v FROM t").first("v")).isEqualTo("x");
        copy.prepare("INSERT INTO t VALUES ('y')").run();
        assertThat((Long) copy.prepare("SELECT count(*) AS n FROM t").first("n")).isEqualTo(2L);
      }
    }

    @Test
    void copiesAreIndependentOfEachOtherAndOfTheTemplate() {
      try (D1SqliteDatabase template = D1Sqlite.inMemory()) {
        template.exec("CREATE TABLE t (v)");
        byte[] image = template.dump();
        try (D1SqliteDatabase a = D1Sqlite.fromImage(image);
            D1SqliteDatabase b = D1Sqlite.fromImage(image)) {
          a.prepare("INSERT INTO t VALUES (1)").run();
          assertThat((Long) b.prepare("SELECT count(*) AS n FROM t").first("n")).isZero();
          assertThat((Long) template.prepare("SELECT count(*) AS n FROM t").first("n")).isZero();
          assertThat((Long) a.prepare("PRAGMA foreign_keys").first("foreign_keys")).isEqualTo(1L);
        }
      }
    }

    @Test
    void bytesOfAWalFileOpenAsAnImage() throws Exception {
      Path file = dir.resolve("wal.db");
      try (D1SqliteDatabase db = D1Sqlite.open(file)) {
        db.exec("CREATE TABLE t (v)\nINSERT INTO t VALUES ('from file')");
      }
      byte[] bytes = Files.readAllBytes(file);
      assertThat(bytes[18]).as("WAL marker").isEqualTo((byte) 2);
      try (D1SqliteDatabase copy = D1Sqlite.fromImage(bytes)) {
        assertThat((String) copy.prepare("SELECT v FROM t").first("v")).isEqualTo("from file");
      }
      assertThat(bytes[18]).as("caller's array untouched").isEqualTo((byte) 2);
    }

    @Test
    void garbageImageFailsClearly() {
      assertThatThrownBy(
              () -> D1Sqlite.fromImage("not a database at all, sorry".repeat(100).getBytes()))
          .isInstanceOf(D1Exception.class)
          .hasMessageContaining("SQLITE_NOTADB");
    }
  }

  @Nested
  class Closing {

    @Test
    void closeIsIdempotentAndUseAfterCloseFailsClearly() {
      D1SqliteDatabase db = D1Sqlite.open(dir.resolve("c.db"));
      D1PreparedStatement st = db.prepare("SELECT 1");
      D1DatabaseSession s = db.withSession();
      db.close();
      db.close();
      assertThatThrownBy(st::all)
          .isInstanceOf(D1SqlException.class)
          .hasMessage("D1_ERROR: Database is closed.");
      assertThatThrownBy(() -> db.prepare("INSERT INTO x VALUES (1)").run())
          .hasMessage("D1_ERROR: Database is closed.");
      assertThatThrownBy(() -> s.batch(s.prepare("SELECT 1")))
          .hasMessage("D1_ERROR: Database is closed.");
      assertThatThrownBy(db::dump).hasMessage("D1_ERROR: Database is closed.");
      assertThatThrownBy(() -> db.exec("SELECT 1"))
          .hasMessage("D1_EXEC_ERROR: Error in line 1: SELECT 1: Database is closed.");
    }

    @Test
    void closingAnInMemoryDatabaseReleasesIt() {
      D1SqliteDatabase db = D1Sqlite.inMemory();
      db.exec("CREATE TABLE t (v)");
      db.close();
      assertThatThrownBy(() -> db.prepare("SELECT * FROM t").all())
          .hasMessage("D1_ERROR: Database is closed.");
    }
  }
}
