package io.github.d1java.testkit.server.internal;

import io.github.d1java.D1Database;
import io.github.d1java.spi.D1Bookmarks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What the endpoint families share: the configuration, the databases and the files behind signed
 * URLs. Thread-safe: the database map is guarded by itself, each database by its {@link Db}.
 */
public final class FakeState implements AutoCloseable {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");

  /** The region every fake database runs in. */
  static final String REGION = "ENAM";

  /** The colo every fake query is served by. */
  static final String COLO = "EWR";

  /**
   * The server's configuration.
   *
   * @param accountId the only account
   * @param apiToken the only accepted token
   * @param clock time of creation and of time-travel snapshots
   * @param timeTravel whether to keep a snapshot after every change
   * @param maxDatabases the account's database limit
   * @param exactIntegers whether integers beyond 2^53 pass exactly (else as JavaScript numbers)
   * @param newDatabase makes an empty database
   * @param fromImage makes a database from an SQLite image
   */
  public record Config(
      String accountId,
      String apiToken,
      Clock clock,
      boolean timeTravel,
      int maxDatabases,
      boolean exactIntegers,
      Supplier<D1Database> newDatabase,
      Function<byte[], D1Database> fromImage) {}

  record Snapshot(Instant at, String bookmark, byte[] image) {}

  record ImportState(String atBookmark, com.fasterxml.jackson.databind.JsonNode outcome) {}

  /** What query insights report about one SQL text. */
  static final class QueryStats {
    final String sql;
    long count;
    long rowsRead;
    long rowsWritten;
    long rowsReturned;
    double durationMs;

    QueryStats(String sql) {
      this.sql = sql;
    }
  }

  /** One fake database; lock it while using it. */
  static final class Db {
    final String uuid;
    final String name;
    final Instant createdAt;
    final String jurisdiction;
    final String primaryLocationHint;
    volatile D1Database db;
    long seq;
    final List<Snapshot> history = new ArrayList<>();
    String readReplication = "disabled";
    String exportBookmark;
    String exportFile;
    ImportState importState;
    final Map<String, QueryStats> stats = new LinkedHashMap<>();

    Db(
        String uuid,
        String name,
        Instant createdAt,
        String jurisdiction,
        String hint,
        D1Database db) {
      this.uuid = uuid;
      this.name = name;
      this.createdAt = createdAt;
      this.jurisdiction = jurisdiction;
      this.primaryLocationHint = hint;
      this.db = db;
    }

    void record(String sql, io.github.d1java.D1Meta meta, long rowsReturned) {
      QueryStats q = stats.computeIfAbsent(sql, QueryStats::new);
      q.count++;
      q.rowsRead += meta.rowsRead();
      q.rowsWritten += meta.rowsWritten();
      q.rowsReturned += rowsReturned;
      q.durationMs += meta.duration();
    }

    String region() {
      return primaryLocationHint == null ? REGION : primaryLocationHint.toUpperCase();
    }
  }

  final Config config;
  private final Map<String, Db> databases = new LinkedHashMap<>();
  final Map<String, byte[]> files = new ConcurrentHashMap<>();
  final Map<String, String> pendingUploads = new ConcurrentHashMap<>();
  volatile String root = "";

  FakeState(Config config) {
    this.config = config;
  }

  Db create(String name, String jurisdiction, String hint, String readReplication) {
    if (!NAME.matcher(name).matches()) {
      throw new ApiError(
          400, 7400, "Invalid property: name => must match ^[a-zA-Z0-9][a-zA-Z0-9_-]*$");
    }
    synchronized (databases) {
      if (databases.values().stream().anyMatch(x -> x.name.equals(name))) {
        throw new ApiError(400, 7502, "A database with that name already exists");
      }
      if (databases.size() >= config.maxDatabases()) {
        throw new ApiError(
            400,
            7406,
            "System limit reached: databases per account (" + config.maxDatabases() + ")");
      }
      Db d =
          new Db(
              UUID.randomUUID().toString(),
              name,
              config.clock().instant(),
              jurisdiction,
              hint,
              config.newDatabase().get());
      if (readReplication != null) {
        d.readReplication = readReplication;
      }
      if (config.timeTravel()) {
        d.history.add(new Snapshot(config.clock().instant(), D1Bookmarks.format(0), d.db.dump()));
      }
      databases.put(d.uuid, d);
      return d;
    }
  }

  Db find(String idOrName) {
    synchronized (databases) {
      Db d = databases.get(idOrName);
      if (d != null) {
        return d;
      }
      return databases.values().stream()
          .filter(x -> x.name.equals(idOrName))
          .findFirst()
          .orElse(null);
    }
  }

  /** The database a per-database route names: by UUID only, else 7404. */
  Db byUuid(String id) {
    Db d = find(id);
    if (d == null || !d.uuid.equals(id)) {
      throw notFound(id);
    }
    return d;
  }

  static ApiError notFound(String id) {
    return new ApiError(404, 7404, "The database " + id + " could not be found");
  }

  List<Db> all() {
    synchronized (databases) {
      return new ArrayList<>(databases.values());
    }
  }

  void remove(Db d) {
    synchronized (databases) {
      databases.remove(d.uuid);
    }
  }

  void changed(Db d) {
    d.seq++;
    if (config.timeTravel()) {
      d.history.add(new Snapshot(config.clock().instant(), bookmark(d), d.db.dump()));
    }
  }

  static String bookmark(Db d) {
    return D1Bookmarks.format(d.seq);
  }

  @Override
  public void close() {
    synchronized (databases) {
      for (Db d : databases.values()) {
        d.db.close();
      }
      databases.clear();
    }
  }
}
