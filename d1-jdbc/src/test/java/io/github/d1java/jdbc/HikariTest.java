package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP 7 pooling jdbc:d1:file: under 8 threads of reads and writes. */
class HikariTest {

  private static final int THREADS = 8;
  private static final int ROUNDS = 40;

  @TempDir Path dir;

  @Test
  void jdbcUrlPoolWithEightThreadsLosesNoWrite() throws Exception {
    HikariConfig cfg = new HikariConfig();
    cfg.setJdbcUrl("jdbc:d1:file:" + dir.resolve("pool.db"));
    cfg.setMaximumPoolSize(THREADS);
    try (HikariDataSource ds = new HikariDataSource(cfg)) {
      hammer(ds);
    }
  }

  @Test
  void d1DataSourceAsHikarisDataSource() throws Exception {
    D1DataSource d1 = new D1DataSource();
    d1.setUrl("jdbc:d1:file:" + dir.resolve("pool2.db"));
    HikariConfig cfg = new HikariConfig();
    cfg.setDataSource(d1);
    cfg.setMaximumPoolSize(THREADS);
    try (HikariDataSource ds = new HikariDataSource(cfg)) {
      hammer(ds);
      try (Connection c = ds.getConnection()) {
        assertThat(c.isValid(1)).isTrue();
      }
    }
  }

  /**
   * Each thread alternates autocommit inserts, reads, and transactions that insert twice, read
   * their own rows and commit; every write must land exactly once.
   */
  private static void hammer(HikariDataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.executeUpdate("CREATE TABLE hits (id INTEGER PRIMARY KEY, worker INTEGER, n INTEGER)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int w = 0; w < THREADS; w++) {
        int worker = w;
        futures.add(pool.submit(() -> work(ds, worker)));
      }
      int expected = 0;
      for (Future<Integer> f : futures) {
        expected += f.get(120, TimeUnit.SECONDS);
      }
      try (Connection c = ds.getConnection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT count(*), count(DISTINCT worker || ':' || n) FROM hits")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(expected).isEqualTo(THREADS * ROUNDS * 3 / 2);
        assertThat(rs.getInt(2)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int work(HikariDataSource ds, int worker) throws SQLException {
    int written = 0;
    for (int i = 0; i < ROUNDS; i++) {
      try (Connection c = ds.getConnection()) {
        if (i % 2 == 0) {
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO hits (worker, n) VALUES (?, ?)")) {
            ps.setInt(1, worker);
            ps.setInt(2, written++);
            assertThat(ps.executeUpdate()).isEqualTo(1);
          }
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT count(*) FROM hits")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
          }
        } else {
          c.setAutoCommit(false);
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO hits (worker, n) VALUES (?, ?)")) {
            for (int k = 0; k < 2; k++) {
              ps.setInt(1, worker);
              ps.setInt(2, written++);
              ps.executeUpdate();
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT count(*) FROM hits WHERE worker = ?")) {
            ps.setInt(1, worker);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              assertThat(rs.getInt(1))
                  .as("the transaction sees all its worker's rows")
                  .isEqualTo(written);
            }
          }
          c.commit();
          c.setAutoCommit(true);
        }
      }
    }
    return written;
  }
}
