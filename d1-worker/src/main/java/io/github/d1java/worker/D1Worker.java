package io.github.d1java.worker;

import io.github.d1java.D1Database;
import io.github.d1java.remote.internal.RemoteConfig;
import io.github.d1java.remote.internal.RetryClock;
import io.github.d1java.remote.internal.Transport;
import io.github.d1java.remote.internal.TransportSettings;
import io.github.d1java.worker.internal.WorkerDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
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
  public static final Duration DEFAULT_CONNECT_TIMEOUT = TransportSettings.DEFAULT_CONNECT_TIMEOUT;

  /** Default timeout of one HTTP attempt: D1 limits a query to 30 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = TransportSettings.DEFAULT_REQUEST_TIMEOUT;

  /** Default deadline of one call, retries included. */
  public static final Duration DEFAULT_DEADLINE = TransportSettings.DEFAULT_DEADLINE;

  /** Default number of attempts per call. */
  public static final int DEFAULT_MAX_ATTEMPTS = TransportSettings.DEFAULT_MAX_ATTEMPTS;

  /** Default first retry delay. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = TransportSettings.DEFAULT_INITIAL_BACKOFF;

  /** Default cap of the retry delay. */
  public static final Duration DEFAULT_MAX_BACKOFF = TransportSettings.DEFAULT_MAX_BACKOFF;

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
    Builder b = builder();
    try {
      b.url(uri);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(ENV_URL + ": " + e.getMessage(), e);
    }
    try {
      b.token(token.trim());
    } catch (IllegalArgumentException e) {
      // the message names the property, never the value
      throw new IllegalStateException(ENV_TOKEN + ": " + e.getMessage(), e);
    }
    return b;
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
   * Builds a Worker client. Not thread-safe; the databases it builds are. Every setter validates
   * its value at once: null throws {@link NullPointerException} and an invalid value {@link
   * IllegalArgumentException}, both naming the property (the token's messages never include it).
   * {@link #build()} checks the required properties and the backoff range, and throws {@link
   * IllegalStateException} naming them.
   */
  public static final class Builder {
    private URI url;
    private String token;
    private final TransportSettings settings = new TransportSettings();

    private Builder() {}

    /**
     * The Worker's URL. Required.
     *
     * @param value an absolute http or https URL with a host and no query, e.g. {@code
     *     https://d1.example.workers.dev}
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code url} if it is not such a URL
     */
    public Builder url(URI value) {
      Objects.requireNonNull(value, "url");
      TransportSettings.httpUrl("url", value.toString());
      TransportSettings.argument(
          value.getQuery() == null && value.getFragment() == null, "url must have no query");
      this.url = value;
      return this;
    }

    /**
     * The Worker's {@code D1_WORKER_TOKEN} secret, sent as a bearer token and never printed.
     * Required.
     *
     * @param value the token
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code token} if it is blank or holds whitespace or
     *     control characters
     */
    public Builder token(String value) {
      this.token = TransportSettings.token("token", value);
      return this;
    }

    /**
     * The TCP and TLS connect timeout; {@link #DEFAULT_CONNECT_TIMEOUT} by default.
     *
     * @param value a positive duration
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code connectTimeout} if not positive
     */
    public Builder connectTimeout(Duration value) {
      settings.connectTimeout(value);
      return this;
    }

    /**
     * The timeout of one HTTP attempt; {@link #DEFAULT_REQUEST_TIMEOUT} by default.
     *
     * @param value a positive duration
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code requestTimeout} if not positive
     */
    public Builder requestTimeout(Duration value) {
      settings.requestTimeout(value);
      return this;
    }

    /**
     * The deadline of one call, retries included; {@link #DEFAULT_DEADLINE} by default.
     *
     * @param value a positive duration
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code deadline} if not positive
     */
    public Builder deadline(Duration value) {
      settings.deadline(value);
      return this;
    }

    /**
     * Attempts per call, the first included; {@link #DEFAULT_MAX_ATTEMPTS} by default.
     *
     * @param value at least 1 (1 disables retries)
     * @return this builder
     * @throws IllegalArgumentException naming {@code maxAttempts} if below 1
     */
    public Builder maxAttempts(int value) {
      settings.maxAttempts(value);
      return this;
    }

    /**
     * The first retry delay; {@link #DEFAULT_INITIAL_BACKOFF} by default.
     *
     * @param value a duration, not negative; {@link #build()} checks it is not above maxBackoff
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code initialBackoff} if negative
     */
    public Builder initialBackoff(Duration value) {
      settings.initialBackoff(value);
      return this;
    }

    /**
     * The cap of the retry delay; {@link #DEFAULT_MAX_BACKOFF} by default.
     *
     * @param value a duration, not negative; {@link #build()} checks it is not below initialBackoff
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code maxBackoff} if negative
     */
    public Builder maxBackoff(Duration value) {
      settings.maxBackoff(value);
      return this;
    }

    /**
     * Whether debug logs include bound values; false by default, as they may be personal data.
     *
     * @param value true to log bound values at DEBUG
     * @return this builder
     */
    public Builder logBoundValues(boolean value) {
      settings.logBoundValues(value);
      return this;
    }

    /**
     * The preferred HTTP version; HTTP/2 by default, with HTTP/1.1 fallback.
     *
     * @param value the version
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder httpVersion(HttpClient.Version value) {
      settings.httpVersion(value);
      return this;
    }

    Builder clock(RetryClock value) {
      settings.clock(value);
      return this;
    }

    Builder random(DoubleSupplier value) {
      settings.random(value);
      return this;
    }

    /**
     * Builds the database. No I/O happens until the first call.
     *
     * @return the database; thread-safe, meant to be shared
     * @throws IllegalStateException naming the first missing property, or when maxBackoff is below
     *     initialBackoff
     */
    public D1Database build() {
      TransportSettings.state(url != null, "url is required");
      TransportSettings.state(token != null, "token is required");
      RemoteConfig config =
          settings.config(
              TransportSettings.httpUrl("url", url.toString()),
              "",
              token,
              Duration.ZERO,
              settings.deadline());
      return new WorkerDatabase(new Transport(config));
    }

    @Override
    public String toString() {
      return "D1Worker.Builder[url=" + url + ", token=" + (token == null ? "null" : "***") + "]";
    }
  }
}
