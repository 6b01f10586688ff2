package io.github.d1java.benchmarks.sqlite;

import io.github.d1java.D1Database;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.sqlite.D1Sqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The local engine against raw sqlite-jdbc on the same file, which is the physical limit: a point
 * select by primary key, a 10,000-row scan, and a 1,000-row insert in one batch (one transaction).
 * The raw side reads every column with its typed getter and materialises nothing; it inserts with
 * {@code executeUpdate} per row inside one transaction. The engine computes its usage figures
 * ({@code rows_read}, {@code rows_written}) as always. Miniflare's figures for the same work come
 * from {@code benchmarks/miniflare/bench.mjs}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocalEngineBenchmark {

  static final int ROWS = 10_000;
  static final int BATCH = 1_000;

  Path dir;
  D1Database d1;
  Connection jdbc;
  PreparedStatement jdbcPoint;
  PreparedStatement jdbcScan;
  PreparedStatement jdbcInsert;
  D1PreparedStatement d1Point;
  D1PreparedStatement d1Scan;
  D1PreparedStatement d1Insert;
  long nextId;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("d1-bench");
    Path file = dir.resolve("bench.db");
    d1 = D1Sqlite.open(file);
    d1.exec(
        "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, qty INTEGER)\n"
            + "CREATE TABLE sink (id INTEGER PRIMARY KEY, name TEXT, price REAL, qty INTEGER)");
    List<D1PreparedStatement> fill = new ArrayList<>();
    D1PreparedStatement ins = d1.prepare("INSERT INTO items VALUES (?, ?, ?, ?)");
    for (int i = 1; i <= ROWS; i++) {
      fill.add(ins.bind(i, "item-" + i, i * 0.25, i % 97));
    }
    d1.batch(fill);

    jdbc = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = jdbc.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      // the engine's writer settings, so the insert comparison is like for like
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA busy_timeout=5000");
    }
    jdbcPoint = jdbc.prepareStatement("SELECT * FROM items WHERE id = ?");
    jdbcScan = jdbc.prepareStatement("SELECT * FROM items");
    jdbcInsert = jdbc.prepareStatement("INSERT INTO sink VALUES (?, ?, ?, ?)");

    d1Point = d1.prepare("SELECT * FROM items WHERE id = ?");
    d1Scan = d1.prepare("SELECT * FROM items");
    d1Insert = d1.prepare("INSERT INTO sink VALUES (?, ?, ?, ?)");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    jdbc.close();
    d1.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public Object d1PointSelect() {
    return d1Point.bind(ThreadLocalRandom.current().nextInt(1, ROWS + 1)).first();
  }

  @Benchmark
  public void jdbcPointSelect(Blackhole bh) throws SQLException {
    jdbcPoint.setInt(1, ThreadLocalRandom.current().nextInt(1, ROWS + 1));
    try (ResultSet rs = jdbcPoint.executeQuery()) {
      readAll(rs, bh);
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public Object d1Scan10k() {
    return d1Scan.all();
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void jdbcScan10k(Blackhole bh) throws SQLException {
    try (ResultSet rs = jdbcScan.executeQuery()) {
      readAll(rs, bh);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object d1BatchInsert1k() {
    List<D1PreparedStatement> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      long id = ++nextId;
      batch.add(d1Insert.bind(id, "row-" + id, id * 0.5, id % 13));
    }
    return d1.batch(batch);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int jdbcBatchInsert1k() throws SQLException {
    jdbc.setAutoCommit(false);
    try {
      int changed = 0;
      for (int i = 0; i < BATCH; i++) {
        long id = ++nextId;
        jdbcInsert.setLong(1, id);
        jdbcInsert.setString(2, "row-" + id);
        jdbcInsert.setDouble(3, id * 0.5);
        jdbcInsert.setLong(4, id % 13);
        changed += jdbcInsert.executeUpdate();
      }
      jdbc.commit();
      return changed;
    } finally {
      jdbc.setAutoCommit(true);
    }
  }

  /** Reads every column with its typed getter, materialising nothing: the physical limit. */
  private static void readAll(ResultSet rs, Blackhole bh) throws SQLException {
    while (rs.next()) {
      bh.consume(rs.getLong(1));
      bh.consume(rs.getString(2));
      bh.consume(rs.getDouble(3));
      bh.consume(rs.getLong(4));
    }
  }
}
