package io.github.d1java.testkit.server;

import io.github.d1java.D1Database;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.testkit.server.internal.FakeApi;
import io.github.d1java.testkit.server.internal.FakeState;
import io.github.d1java.testkit.server.internal.HttpWire;
import io.github.d1java.testkit.server.internal.Json;
import io.github.d1java.testkit.server.internal.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of Cloudflare's D1 REST API on a loopback port, in the style of OkHttp's MockWebServer,
 * backed by local engine databases ({@link D1Sqlite#inMemory()}).
 *
 * <pre>{@code
 * try (FakeD1Server server = FakeD1Server.start()) {
 *   String id = server.createDatabase("app");
 *   D1RemoteDatabase db = D1Remote.builder().baseUrl(server.baseUrl())
 *       .accountId(server.accountId()).apiToken(server.apiToken()).databaseId(id).build();
 *   server.enqueue(FakeResponse.rateLimited(Duration.ofSeconds(1)));  // first request: 429
 *   db.prepare("SELECT 1").all();                                     // retried, then real
 *   assertThat(server.takeRequest().path()).endsWith("/raw");
 * }
 * }</pre>
 *
 * <p>It speaks the REST API with the real envelope and error codes (failures carry {@code "result":
 * null}): {@code POST .../query} and {@code .../raw} (single {@code {sql, params}} or {@code
 * {batch: [...]}}, one transaction; SQL errors as HTTP 400 code 7500; the meta D1's REST API sends,
 * {@code served_by_region}, {@code served_by_colo}, {@code served_by_primary}, {@code
 * timings.sql_duration_ms}), database create (with {@code jurisdiction}, {@code
 * primary_location_hint}, {@code read_replication}; 7502 for a taken name, 7406 at the limit), list
 * (pages, {@code result_info}), get (by UUID or name, {@code fields=}, 7404), update of {@code
 * read_replication} ({@code PUT}/{@code PATCH}), delete, export (202 then complete, with a signed
 * URL served without auth), import (init with md5, presigned upload answering {@code ETag}, ingest,
 * poll), time travel (a snapshot after every change; bookmark by time; restore), query insights
 * (per database and account-wide, with index recommendations) and {@code GET /user/tokens/verify}.
 * Any base-URL prefix before {@code /accounts/} is accepted, so wrangler can use it through {@code
 * CLOUDFLARE_API_BASE_URL}. Requests must carry {@code Authorization: Bearer <apiToken()>} (else
 * 401, code 10000) for {@link #accountId()} (else 403, code 7403).
 *
 * <p>Numbers behave as in D1 by default: JSON is read and written as JavaScript does, so a bound
 * 9007199254740993 is stored as 9007199254740992 and INTEGER results beyond 2^53 come back rounded
 * (a string parameter binds as TEXT, which an INTEGER column stores exactly). {@link
 * Builder#exactIntegers(boolean)} keeps integers exact for tests that want them.
 *
 * <p>An {@code sql} holding several statements is split (outside strings, comments and trigger
 * bodies), run as one transaction and answered with one result per statement; with {@code params}
 * it is refused with 7400 {@code The request is malformed: params with multiple statements is not
 * supported}, as D1 does. Divergences from D1: those per-statement results are built from row
 * objects, so a duplicate column name keeps only its last value there (use one statement, or the
 * batch form, to keep them); reals keep their decimal point.
 *
 * <p>A {@link Dispatcher} chooses each answer; the default {@link QueueDispatcher} uses the {@link
 * #enqueue enqueued} answers in order, one per request, then lets the API answer. Inject D1's limit
 * errors with {@link FakeResponse#limitExceeded}. Every request is recorded for {@link
 * #takeRequest()}. Thread-safe.
 */
public final class FakeD1Server implements AutoCloseable {

  /** The default account id. */
  public static final String DEFAULT_ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";

  /** The default API token. */
  public static final String DEFAULT_API_TOKEN = "fake-d1-token-0123456789";

  private final HttpWire wire;
  private final FakeApi api;
  private final String accountId;
  private final String apiToken;
  private volatile Dispatcher dispatcher = new QueueDispatcher();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final AtomicInteger requestCount = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();

  private FakeD1Server(Builder b) {
    this.accountId = b.accountId;
    this.apiToken = b.apiToken;
    this.api =
        new FakeApi(
            new FakeState.Config(
                b.accountId,
                b.apiToken,
                b.clock,
                b.timeTravel,
                b.maxDatabases,
                b.exactIntegers,
                D1Sqlite::inMemory,
                D1Sqlite::fromImage));
    try {
      this.wire = new HttpWire(this::exchange);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind a loopback port", e);
    }
    api.root("http://" + wire.host() + ":" + wire.port());
  }

  /**
   * Starts a server with the default account and token, time travel on.
   *
   * @return the running server
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static FakeD1Server start() {
    return builder().start();
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The base URL to give a client, e.g. {@code http://127.0.0.1:53123/client/v4}.
   *
   * @return the URL
   */
  public String baseUrl() {
    return "http://" + wire.host() + ":" + wire.port() + "/client/v4";
  }

  /**
   * @return the loopback port
   */
  public int port() {
    return wire.port();
  }

  /**
   * @return the one account this server serves
   */
  public String accountId() {
    return accountId;
  }

  /**
   * @return the one API token this server accepts
   */
  public String apiToken() {
    return apiToken;
  }

  /**
   * Creates a database without a request (nothing is recorded).
   *
   * @param name the name, {@code [a-zA-Z0-9][a-zA-Z0-9_-]*}
   * @return its UUID
   */
  public String createDatabase(String name) {
    return api.createDatabase(name);
  }

  /**
   * The local engine database behind a fake database, to seed or inspect it directly. A time-travel
   * restore replaces it, so fetch it again after one; do not close it.
   *
   * @param idOrName a UUID or name
   * @return the database
   * @throws IllegalArgumentException if there is no such database
   */
  public D1Database database(String idOrName) {
    return api.database(idOrName);
  }

  /**
   * Scripts the answer to the next request not yet answered by an earlier script (with the default
   * {@link QueueDispatcher}).
   *
   * @param response the answer; not null
   * @throws IllegalStateException if {@link #setDispatcher} replaced the queue with a dispatcher
   *     that is not a {@link QueueDispatcher}
   */
  public void enqueue(FakeResponse response) {
    Objects.requireNonNull(response, "response");
    Dispatcher d = dispatcher;
    if (!(d instanceof QueueDispatcher)) {
      throw new IllegalStateException(
          "enqueue needs a QueueDispatcher, but this server's dispatcher is " + d);
    }
    ((QueueDispatcher) d).enqueue(response);
  }

  /**
   * Replaces the dispatcher that chooses each answer (the default is a {@link QueueDispatcher}).
   *
   * @param dispatcher the dispatcher; not null
   */
  public void setDispatcher(Dispatcher dispatcher) {
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  /**
   * @return the current dispatcher
   */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * The oldest request not taken yet, waiting up to 10 seconds for one.
   *
   * @return the request
   * @throws AssertionError if none arrives in time
   */
  public RecordedRequest takeRequest() {
    RecordedRequest r = takeRequest(Duration.ofSeconds(10));
    if (r == null) {
      throw new AssertionError("no request arrived within 10 s");
    }
    return r;
  }

  /**
   * The oldest request not taken yet.
   *
   * @param timeout how long to wait
   * @return the request, or null if none arrived in time
   */
  public RecordedRequest takeRequest(Duration timeout) {
    try {
      return requests.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * @return how many requests arrived so far
   */
  public int requestCount() {
    return requestCount.get();
  }

  private boolean exchange(RecordedRequest request, OutputStream out) throws IOException {
    requestCount.incrementAndGet();
    requests.add(request);
    FakeResponse scripted;
    try {
      scripted = dispatcher.dispatch(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      HttpWire.write(out, failed("the dispatcher failed: " + e), Integer.MAX_VALUE);
      return true;
    }
    if (scripted == null) {
      scripted = FakeResponse.passThrough();
    }
    if (!scripted.delay().isZero()) {
      try {
        Thread.sleep(scripted.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    switch (scripted.kind()) {
      case DROP_CONNECTION:
        return false;
      case DROP_MID_RESPONSE:
        {
          Reply reply = answer(request);
          HttpWire.write(out, reply, reply.body().length / 2);
          return false;
        }
      case PASS_THROUGH:
        HttpWire.write(out, answer(request), Integer.MAX_VALUE);
        return true;
      default:
        HttpWire.write(
            out,
            new Reply(scripted.status(), scripted.headers(), scripted.body()),
            Integer.MAX_VALUE);
        return true;
    }
  }

  /**
   * The API's answer; a bug in the fake becomes a 500 that names it rather than a dropped
   * connection.
   */
  private Reply answer(RecordedRequest request) {
    try {
      return api.handle(request);
    } catch (RuntimeException e) {
      return failed("FakeD1Server failed: " + e);
    }
  }

  private static Reply failed(String message) {
    return Json.error(500, 7500, message);
  }

  /** Stops the server and closes every database. Idempotent. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    wire.close();
    api.close();
  }

  @Override
  public String toString() {
    return "FakeD1Server[" + baseUrl() + "]";
  }

  /** Configures a {@link FakeD1Server}. Not thread-safe. */
  public static final class Builder {
    private String accountId = DEFAULT_ACCOUNT_ID;
    private String apiToken = DEFAULT_API_TOKEN;
    private Clock clock = Clock.systemUTC();
    private boolean timeTravel = true;
    private int maxDatabases = Integer.MAX_VALUE;
    private boolean exactIntegers;

    private Builder() {}

    /**
     * Whether integers beyond +-2^53 pass exactly. Off by default: as in D1, whose REST API reads
     * JSON as JavaScript does, a number parameter is a double (9007199254740993 is stored as
     * 9007199254740992) and an INTEGER result beyond 2^53 comes back rounded; a string parameter
     * binds as TEXT, which an INTEGER column stores exactly. On, numbers are read and written as
     * exact 64-bit integers, for tests about something else.
     *
     * @param value true to keep integers exact
     * @return this builder
     */
    public Builder exactIntegers(boolean value) {
      this.exactIntegers = value;
      return this;
    }

    /**
     * @param value the account id to serve; not null
     * @return this builder
     */
    public Builder accountId(String value) {
      this.accountId = Objects.requireNonNull(value, "accountId");
      return this;
    }

    /**
     * @param value the token to accept; not null
     * @return this builder
     */
    public Builder apiToken(String value) {
      this.apiToken = Objects.requireNonNull(value, "apiToken");
      return this;
    }

    /**
     * @param value the clock of creation times and time-travel snapshots; not null
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * @param value whether to snapshot after every change for time travel (on by default; off saves
     *     a copy of the database per write, e.g. in benchmarks)
     * @return this builder
     */
    public Builder timeTravel(boolean value) {
      this.timeTravel = value;
      return this;
    }

    /**
     * @param value the account's database limit (7406 beyond it); at least 1
     * @return this builder
     */
    public Builder maxDatabases(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxDatabases must be at least 1, got " + value);
      }
      this.maxDatabases = value;
      return this;
    }

    /**
     * @return a running server
     * @throws UncheckedIOException if no loopback port can be bound
     */
    public FakeD1Server start() {
      return new FakeD1Server(this);
    }
  }
}
