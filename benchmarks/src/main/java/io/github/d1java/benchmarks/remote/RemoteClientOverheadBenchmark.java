package io.github.d1java.benchmarks.remote;

import io.github.d1java.D1Database;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.remote.D1Remote;
import io.github.d1java.remote.D1RemoteDatabase;
import io.github.d1java.testkit.server.FakeD1Server;
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
 * What the REST client costs per query, measured against {@link FakeD1Server} on loopback (so no
 * network latency, only JSON, HTTP and the client): a point select through {@code D1Remote} versus
 * the same select on the engine behind the server, and one 100-statement batch versus 100 single
 * requests. Against real D1 each request also pays a round trip to Cloudflare (tens to hundreds of
 * milliseconds), which makes the batch-versus-singles gap far wider than here.
 *
 * <p>Run: {@code ./mvnw -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar RemoteClientOverhead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RemoteClientOverheadBenchmark {

  private FakeD1Server server;
  private D1RemoteDatabase remote;
  private D1Database engine;
  private D1PreparedStatement remoteSelect;
  private D1PreparedStatement engineSelect;
  private List<D1PreparedStatement> hundredUpserts;

  /** Starts the server (time travel off: no snapshot per write) and seeds 1,000 rows. */
  @Setup(Level.Trial)
  public void setUp() {
    server = FakeD1Server.builder().timeTravel(false).start();
    String id = server.createDatabase("bench");
    engine = server.database(id);
    engine.exec("CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    List<D1PreparedStatement> seed = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      seed.add(engine.prepare("INSERT INTO kv (k, v) VALUES (?, ?)").bind(i, "value-" + i));
    }
    engine.batch(seed);
    remote = D1Remote.builder().baseUrl(server.baseUrl()).accountId(server.accountId())
        .apiToken(server.apiToken()).databaseId(id).build();
    remoteSelect = remote.prepare("SELECT k, v FROM kv WHERE k = ?").bind(421);
    engineSelect = engine.prepare("SELECT k, v FROM kv WHERE k = ?").bind(421);
    hundredUpserts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      hundredUpserts.add(remote.prepare("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)").bind(2000 + i, "u" + i));
    }
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    remote.close();
    server.close();
  }

  /**
   * One point select through the REST client and the fake server.
   *
   * @return the row
   */
  @Benchmark
  public Map<String, Object> remotePointSelect() {
    return remoteSelect.first();
  }

  /**
   * The same select on the engine directly: the baseline the client's overhead adds to.
   *
   * @return the row
   */
  @Benchmark
  public Map<String, Object> enginePointSelect() {
    return engineSelect.first();
  }

  /**
   * 100 upserts as one batch request.
   *
   * @return the results
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public List<D1Result<Map<String, Object>>> remoteBatchOf100() {
    return remote.batch(hundredUpserts);
  }

  /**
   * The same 100 upserts as 100 requests.
   *
   * @return the last result
   */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public D1Result<Map<String, Object>> remote100SingleRequests() {
    D1Result<Map<String, Object>> last = null;
    for (D1PreparedStatement s : hundredUpserts) {
      last = s.run();
    }
    return last;
  }
}
