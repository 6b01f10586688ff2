package io.github.d1java.worker;

import io.github.d1java.D1Database;
import io.github.d1java.remote.internal.RemoteConfig;
import io.github.d1java.remote.internal.RetryClock;
import io.github.d1java.remote.internal.Transport;
import io.github.d1java.worker.internal.WorkerDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Entry point of the Worker backend: a {@link D1Database} that calls the d1-worker Worker ({@link
 * #workerScript()}), which holds the D1 binding. Unlike the REST API this gives D1's real sessions
 * ({@code withSession}, bookmarks, read replicas), the binding's exact semantics and error texts,
 * and no account-wide API rate limit.
 *
 * <pre>{@code
 * D1Database db = D1Worker.fromEnv(); // D1_WORKER_URL and D1_WORKER_TOKEN
 * D1DatabaseSession s = db.withSession("first-primary");
 * s.prepare("INSERT INTO users (name) VALUES (?)").bind("Ada").run();
 * String bookmark = s.getBookmark(); // resume later with db.withSession(bookmark)
 * }</pre>
 *
 * <h2>Defaults</h2>
 *
 * <table>
 *   <caption>Builder defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>connectTimeout</td><td>10 s ({@link #DEFAULT_CONNECT_TIMEOUT})</td></tr>
 *   <tr><td>requestTimeout (one HTTP attempt)</td><td>35 s ({@link #DEFAULT_REQUEST_TIMEOUT})</td></tr>
 *   <tr><td>deadline (one call, retries included)</td><td>60 s ({@link #DEFAULT_DEADLINE})</td></tr>
 *   <tr><td>maxAttempts</td><td>{@value #DEFAULT_MAX_ATTEMPTS}</td></tr>
 *   <tr><td>initialBackoff / maxBackoff</td><td>500 ms / 8 s, doubled per retry, minus up to 25%
 *       jitter</td></tr>
 *   <tr><td>httpVersion</td><td>HTTP/2 (one connection reused by all calls), HTTP/1.1
 *       fallback</td></tr>
 *   <tr><td>logBoundValues</td><td>false</td></tr>
 * </table>
 *
 * <h2>Retries</h2>
 *
 * As d1-remote (same code): failures whose outcome is unknown (5xx, dropped connections, D1's
 * transient errors, 429) are retried only for statements that only read or are marked {@link
 * io.github.d1java.D1PreparedStatement#idempotent()}, and for batches made only of such statements.
 * A write is never retried silently.
 *
 * <h2>Integers</h2>
 *
 * The binding carries JavaScript numbers, so D1 rounds integers beyond &plusmn;2<sup>53</sup> on
 * the way in and out. A bound {@link Long} beyond that range is therefore sent as a JSON string of
 * its decimal digits: stored in or compared with an INTEGER-affinity column, SQLite converts it to
 * the exact integer; in other contexts (for example {@code SELECT ?} or a column without affinity)
 * it stays TEXT. Values D1 returns are already rounded by D1 when they exceed 2<sup>53</sup>; read
 * them with {@code CAST(x AS TEXT)} to get every digit.
 *
 * <h2>Differences from the local engine</h2>
 *
 * These are D1's own: a {@link Double} with an integral value arrives in D1 as an integer, results
 * are those of the binding ({@code served_by}, bookmarks), and {@code dump()} fails with {@link
 * io.github.d1java.D1DumpException}.
 *
 * <p>The token never appears in messages, {@code toString()} or logs. Thread-safe.
 */
public final class D1Worker {

  /** Environment variable of the Worker's URL. */
  public static final String ENV_URL = "D1_WORKER_URL";

  /** Environment variable of the Worker's token (the Worker's {@code D1_WORKER_TOKEN} secret). */
  public static final String ENV_TOKEN = "D1_WORKER_TOKEN";

  /** Default TCP/TLS connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default timeout of one HTTP attempt: D1 limits a query to 30 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(35);

  /** Default deadline of one call, retries included. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  /** Default number of attempts per call. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Default first retry delay. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

  /** Default cap of the retry delay. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

  /** Name of the Worker script resource, next to this class. */
  public static final String SCRIPT_RESOURCE = "d1-worker.js";

  private D1Worker() {}

  /**
   * A new builder with the defaults above.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A database configured from {@code D1_WORKER_URL} and {@code D1_WORKER_TOKEN}.
   *
   * @return the database
   * @throws IllegalStateException naming the variable that is missing or invalid
   */
  public static D1Database fromEnv() {
    return fromEnv(System::getenv).build();
  }

  static Builder fromEnv(Function<String, String> env) {
    String url = env.apply(ENV_URL);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(ENV_URL + " is not set");
    }
    String token = env.apply(ENV_TOKEN);
    if (token == null || token.isBlank()) {
      throw new IllegalStateException(ENV_TOKEN + " is not set");
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(ENV_URL + " is not a valid URL: '" + url + "'", e);
    }
    return builder().url(uri).token(token.trim());
  }

  /**
   * The Worker script (one ES module, no dependencies) that this client talks to, as shipped in
   * this jar. Deploy it with the D1 binding {@code DB} and the secret {@code D1_WORKER_TOKEN}.
   *
   * @return the JavaScript source
   * @throws UncheckedIOException if the resource cannot be read
   */
  public static String workerScript() {
    try (InputStream in = D1Worker.class.getResourceAsStream(SCRIPT_RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(
            new IOException(SCRIPT_RESOURCE + " is missing from the d1-worker jar"));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Builds a Worker client. Not thread-safe; the databases it builds are. Values are validated by
   * {@link #build()}, whose messages name the property.
   */
  public static final class Builder {
    private URI url;
    private String token;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration deadline = DEFAULT_DEADLINE;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private boolean logBoundValues;
    private HttpClient.Version httpVersion = HttpClient.Version.HTTP_2;
    private RetryClock clock = RetryClock.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * @param value the Worker's URL, e.g. {@code https://d1.example.workers.dev} (required); http
     *     or https
     * @return this builder
     */
    public Builder url(URI value) {
      this.url = value;
      return this;
    }

    /**
     * @param value the Worker's {@code D1_WORKER_TOKEN} secret (required); never printed
     * @return this builder
     */
    public Builder token(String value) {
      this.token = value;
      return this;
    }

    /**
     * @param value the connect timeout; positive
     * @return this builder
     */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    /**
     * @param value the timeout of one HTTP attempt; positive
     * @return this builder
     */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    /**
     * @param value the deadline of one call including retries; positive
     * @return this builder
     */
    public Builder deadline(Duration value) {
      this.deadline = value;
      return this;
    }

    /**
     * @param value attempts per call, at least 1 (1 disables retries)
     * @return this builder
     */
    public Builder maxAttempts(int value) {
      this.maxAttempts = value;
      return this;
    }

    /**
     * @param value the first retry delay; not negative
     * @return this builder
     */
    public Builder initialBackoff(Duration value) {
      this.initialBackoff = value;
      return this;
    }

    /**
     * @param value the cap of the retry delay; not less than the initial backoff
     * @return this builder
     */
    public Builder maxBackoff(Duration value) {
      this.maxBackoff = value;
      return this;
    }

    /**
     * @param value whether debug logs include bound values (they may be personal data)
     * @return this builder
     */
    public Builder logBoundValues(boolean value) {
      this.logBoundValues = value;
      return this;
    }

    /**
     * @param value the preferred HTTP version (HTTP/2 by default, with HTTP/1.1 fallback); not null
     * @return this builder
     */
    public Builder httpVersion(HttpClient.Version value) {
      this.httpVersion = value;
      return this;
    }

    Builder clock(RetryClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    Builder random(DoubleSupplier value) {
      this.random = Objects.requireNonNull(value, "random");
      return this;
    }

    /**
     * Builds the database. No I/O happens until the first call.
     *
     * @return the database; thread-safe, meant to be shared
     * @throws IllegalStateException naming the first missing or invalid property
     */
    public D1Database build() {
      check(url != null, "url is required");
      check(
          ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
              && url.getHost() != null,
          "url must be an absolute http(s) URL, got '" + url + "'");
      check(url.getQuery() == null && url.getFragment() == null, "url must have no query");
      check(token != null && !token.isBlank(), "token is required");
      check(
          token.chars().noneMatch(c -> c <= ' ' || c == 127),
          "token must not contain whitespace or control characters");
      positive("connectTimeout", connectTimeout);
      positive("requestTimeout", requestTimeout);
      positive("deadline", deadline);
      check(maxAttempts >= 1, "maxAttempts must be at least 1, got " + maxAttempts);
      check(
          initialBackoff != null && !initialBackoff.isNegative(),
          "initialBackoff must not be" + " negative");
      check(maxBackoff != null && !maxBackoff.isNegative(), "maxBackoff must not be negative");
      check(
          maxBackoff.compareTo(initialBackoff) >= 0,
          "maxBackoff must not be less than initialBackoff");
      check(httpVersion != null, "httpVersion is required");
      String base = url.toString();
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      RemoteConfig config =
          new RemoteConfig(
              base,
              "",
              token,
              connectTimeout,
              requestTimeout,
              deadline,
              maxAttempts,
              initialBackoff,
              maxBackoff,
              Duration.ZERO,
              deadline,
              logBoundValues,
              httpVersion,
              clock,
              random);
      return new WorkerDatabase(new Transport(config));
    }

    private static void positive(String name, Duration d) {
      check(d != null, name + " is required");
      check(!d.isNegative() && !d.isZero(), name + " must be positive, got " + d);
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalStateException(message);
      }
    }

    @Override
    public String toString() {
      return "D1Worker.Builder[url=" + url + ", token=" + (token == null ? "null" : "***") + "]";
    }
  }
}
