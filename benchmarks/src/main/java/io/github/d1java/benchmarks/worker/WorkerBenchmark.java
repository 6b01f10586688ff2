package io.github.d1java.benchmarks.worker;

import io.github.d1java.D1Database;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.remote.D1Remote;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.worker.D1Worker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the Worker client costs per call compared with the REST client, both against local servers
 * on loopback over the same kind of engine: {@code D1Remote} against {@link FakeD1Server}, {@code
 * D1Worker} against a JDK HTTP server speaking the Worker's protocol ({@link LocalWorkerServer}). A
 * point select, and 100 upserts as one batch call. Against Cloudflare the Worker also saves the
 * REST API's extra hop and rate limit, which loopback cannot show.
 *
 * <p>Run: {@code ./mvnw -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar WorkerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorkerBenchmark {

  private FakeD1Server server;
  private D1Database remote;
  private D1Database workerEngine;
  private LocalWorkerServer workerServer;
  private D1Database worker;
  private D1PreparedStatement remoteSelect;
  private D1PreparedStatement workerSelect;
  private List<D1PreparedStatement> remoteUpserts;
  private List<D1PreparedStatement> workerUpserts;

  /** Starts both servers on seeded copies of the same 1,000 rows. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = FakeD1Server.builder().timeTravel(false).start();
    String id = server.createDatabase("bench");
    seed(server.database(id));
    remote =
        D1Remote.builder()
            .baseUrl(server.baseUrl())
            .accountId(server.accountId())
            .apiToken(server.apiToken())
            .databaseId(id)
            .build();
    workerEngine = D1Sqlite.inMemory();
    seed(workerEngine);
    workerServer = new LocalWorkerServer(workerEngine);
    worker = D1Worker.builder().url(workerServer.url()).token("bench-token").build();
    remoteSelect = remote.prepare("SELECT k, v FROM kv WHERE k = ?").bind(421);
    workerSelect = worker.prepare("SELECT k, v FROM kv WHERE k = ?").bind(421);
    remoteUpserts = upserts(remote);
    workerUpserts = upserts(worker);
  }

  private static void seed(D1Database db) {
    db.exec("CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    List<D1PreparedStatement> seed = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      seed.add(db.prepare("INSERT INTO kv (k, v) VALUES (?, ?)").bind(i, "value-" + i));
    }
    db.batch(seed);
  }

  private static List<D1PreparedStatement> upserts(D1Database db) {
    List<D1PreparedStatement> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      out.add(db.prepare("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)").bind(2000 + i, "u" + i));
    }
    return out;
  }

  /** Stops the servers. */
  @TearDown(Level.Trial)
  public void tearDown() {
    remote.close();
    worker.close();
    workerServer.close();
    workerEngine.close();
    server.close();
  }

  /**
   * A point select through the REST client.
   *
   * @return the row
   */
  @Benchmark
  public Map<String, Object> remotePointSelect() {
    return remoteSelect.first();
  }

  /**
   * The same point select through the Worker client.
   *
   * @return the row
   */
  @Benchmark
  public Map<String, Object> workerPointSelect() {
    return workerSelect.first();
  }

  /**
   * 100 upserts as one batch through the REST client.
   *
   * @return the results
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<D1Result<Map<String, Object>>> remoteBatchOf100() {
    return remote.batch(remoteUpserts);
  }

  /**
   * The same 100 upserts as one batch through the Worker client.
   *
   * @return the results
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<D1Result<Map<String, Object>>> workerBatchOf100() {
    return worker.batch(workerUpserts);
  }
}
