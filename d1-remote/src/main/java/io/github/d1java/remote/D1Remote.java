package io.github.d1java.remote;

import io.github.d1java.remote.internal.RemoteConfig;
import io.github.d1java.remote.internal.RetryClock;
import io.github.d1java.remote.internal.Transport;
import io.github.d1java.remote.internal.TransportSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Entry point of the remote backend: a {@link io.github.d1java.D1Database} over Cloudflare's D1
 * REST API, and a {@link D1Account} for database management.
 *
 * <pre>{@code
 * try (D1RemoteDatabase db = D1Remote.builder()
 *     .accountId("0123456789abcdef0123456789abcdef")
 *     .databaseId("d5b1d127-0000-0000-0000-cbc69f0a9e06")
 *     .apiToken(System.getenv("CLOUDFLARE_API_TOKEN"))
 *     .build()) {
 *   Long n = db.prepare("SELECT count(*) AS n FROM users").first("n");
 * }
 * }</pre>
 *
 * <h2>Defaults</h2>
 *
 * <table>
 *   <caption>Builder defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>baseUrl</td><td>{@value #DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>connectTimeout</td><td>10 s ({@link #DEFAULT_CONNECT_TIMEOUT})</td></tr>
 *   <tr><td>requestTimeout (one HTTP attempt)</td><td>35 s: D1 limits a query to 30 s
 *       ({@link #DEFAULT_REQUEST_TIMEOUT})</td></tr>
 *   <tr><td>deadline (one call, retries included)</td><td>60 s ({@link #DEFAULT_DEADLINE})</td></tr>
 *   <tr><td>maxAttempts</td><td>{@value #DEFAULT_MAX_ATTEMPTS} (two retries, as Cloudflare's
 *       SDKs)</td></tr>
 *   <tr><td>initialBackoff / maxBackoff</td><td>500 ms / 8 s, doubled per retry, minus up to 25%
 *       jitter; a {@code Retry-After} header replaces the backoff</td></tr>
 *   <tr><td>pollInterval (export and import)</td><td>1 s ({@link #DEFAULT_POLL_INTERVAL})</td></tr>
 *   <tr><td>pollTimeout (export and import)</td><td>1 h ({@link #DEFAULT_POLL_TIMEOUT})</td></tr>
 *   <tr><td>logBoundValues</td><td>false: debug logs show SQL and timings, not values</td></tr>
 * </table>
 *
 * <h2>Retries</h2>
 *
 * Rate limiting (429), server errors (5xx), D1's transient errors, dropped connections and
 * malformed responses are retried only for calls that are safe to repeat: a statement that only
 * reads (a single {@code SELECT}, {@code EXPLAIN} or {@code WITH} naming no writing keyword) or one
 * marked {@link io.github.d1java.D1PreparedStatement#idempotent()}, and a batch or {@code exec}
 * made only of such statements. A write is never retried silently.
 *
 * <h2>Differences from the local engine</h2>
 *
 * <ul>
 *   <li>D1 itself returns numbers as JavaScript numbers: integers beyond 2^53 arrive rounded and a
 *       REAL with an integral value arrives as an integer ({@link Long}). This client never loses
 *       precision on what it receives.
 *   <li>A bound {@link Long} beyond &plusmn;2<sup>53</sup> is sent as a JSON string of its decimal
 *       digits, because D1 would round a JSON number: stored in or compared with an
 *       INTEGER-affinity column, SQLite converts it to the exact integer; in other contexts (for
 *       example {@code SELECT ?} or a column without affinity) it stays TEXT.
 *   <li>Blob parameters are sent as JSON arrays of byte values, as D1's binding protocol does; the
 *       REST API documents only strings.
 *   <li>A statement whose SQL holds several statements returns the last one's rows, as the binding
 *       does. D1's REST API refuses parameters with several statements, so when there are
 *       parameters the client splits the SQL itself (outside strings, comments and trigger bodies)
 *       and sends the pieces as one batch, a single transaction.
 *   <li>{@code dump()} fails: use {@link D1Account#export}. Sessions never learn bookmarks.
 * </ul>
 *
 * <p>The API token never appears in messages, {@code toString()} or logs. Thread-safe.
 */
public final class D1Remote {

  /** The public D1 API. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

  /** Default TCP/TLS connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = TransportSettings.DEFAULT_CONNECT_TIMEOUT;

  /** Default timeout of one HTTP attempt. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = TransportSettings.DEFAULT_REQUEST_TIMEOUT;

  /** Default deadline of one call, retries included. */
  public static final Duration DEFAULT_DEADLINE = TransportSettings.DEFAULT_DEADLINE;

  /** Default number of attempts per call. */
  public static final int DEFAULT_MAX_ATTEMPTS = TransportSettings.DEFAULT_MAX_ATTEMPTS;

  /** Default first retry delay. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = TransportSettings.DEFAULT_INITIAL_BACKOFF;

  /** Default cap of the retry delay. */
  public static final Duration DEFAULT_MAX_BACKOFF = TransportSettings.DEFAULT_MAX_BACKOFF;

  /** Default delay between export and import polls. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  /** Default time an export or import may poll before failing. */
  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofHours(1);

  /** Environment variable of the account id. */
  public static final String ENV_ACCOUNT_ID = "CLOUDFLARE_ACCOUNT_ID";

  /** Environment variable of the API token. */
  public static final String ENV_API_TOKEN = "CLOUDFLARE_API_TOKEN";

  /** Environment variable of the database id ({@code D1_DATABASE_ID} is accepted too). */
  public static final String ENV_DATABASE_ID = "CLOUDFLARE_D1_DATABASE_ID";

  /** Optional environment variable overriding the base URL, as wrangler reads it. */
  public static final String ENV_BASE_URL = "CLOUDFLARE_API_BASE_URL";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  private D1Remote() {}

  /**
   * A new builder with the defaults above.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A database configured from {@code CLOUDFLARE_ACCOUNT_ID}, {@code CLOUDFLARE_API_TOKEN} and
   * {@code CLOUDFLARE_D1_DATABASE_ID} (or {@code D1_DATABASE_ID}), with {@code
   * CLOUDFLARE_API_BASE_URL} overriding the base URL when set.
   *
   * @return the database
   * @throws IllegalStateException naming the variable that is missing
   * @throws IllegalArgumentException naming the property whose variable holds an invalid value
   */
  public static D1RemoteDatabase fromEnv() {
    return fromEnv(System::getenv).build();
  }

  static Builder fromEnv(Function<String, String> env) {
    Builder b = builder();
    b.accountId(requireEnv(env, ENV_ACCOUNT_ID));
    b.apiToken(requireEnv(env, ENV_API_TOKEN));
    String db = blankToNull(env.apply(ENV_DATABASE_ID));
    if (db == null) {
      db = blankToNull(env.apply("D1_DATABASE_ID"));
    }
    if (db == null) {
      throw new IllegalStateException(ENV_DATABASE_ID + " (or D1_DATABASE_ID) is not set");
    }
    b.databaseId(db);
    String base = blankToNull(env.apply(ENV_BASE_URL));
    if (base != null) {
      b.baseUrl(base);
    }
    return b;
  }

  private static String requireEnv(Function<String, String> env, String name) {
    String v = blankToNull(env.apply(name));
    if (v == null) {
      throw new IllegalStateException(name + " is not set");
    }
    return v.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static void requireId(String property, String value) {
    Objects.requireNonNull(value, property);
    if (!ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          property + " must match [A-Za-z0-9_-]+, got '" + value + "'");
    }
  }

  /**
   * Builds a remote database or account client. Not thread-safe; the clients it builds are. Every
   * setter validates its value at once: null throws {@link NullPointerException} and an invalid
   * value {@link IllegalArgumentException}, both naming the property. {@link #build()} checks what
   * involves several properties (required ones, databaseId or databaseName, the backoff range) and
   * throws {@link IllegalStateException} naming them.
   */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String accountId;
    private String databaseId;
    private String databaseName;
    private String apiToken;
    private final TransportSettings settings = new TransportSettings();
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;

    private Builder() {}

    /**
     * The API base URL, for a test server or a proxy; {@value #DEFAULT_BASE_URL} by default.
     *
     * @param value an absolute http or https URL with a host, with or without a trailing slash
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code baseUrl} if it is not such a URL
     */
    public Builder baseUrl(String value) {
      TransportSettings.httpUrl("baseUrl", value);
      this.baseUrl = value;
      return this;
    }

    /**
     * The Cloudflare account that holds the database. Required.
     *
     * @param value the account id, letters, digits, {@code _} and {@code -}
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code accountId} if it has other characters
     */
    public Builder accountId(String value) {
      requireId("accountId", value);
      this.accountId = value;
      return this;
    }

    /**
     * The database's UUID. This or {@link #databaseName} is required by {@link #build()}, not both.
     *
     * @param value the database id, letters, digits, {@code _} and {@code -}
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code databaseId} if it has other characters
     */
    public Builder databaseId(String value) {
      requireId("databaseId", value);
      this.databaseId = value;
      return this;
    }

    /**
     * The database's name, resolved to its UUID once, by {@link #build()}, through the list
     * endpoint. This or {@link #databaseId} is required by {@link #build()}, not both.
     *
     * @param value the database name
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code databaseName} if it is blank
     */
    public Builder databaseName(String value) {
      Objects.requireNonNull(value, "databaseName");
      TransportSettings.argument(!value.isBlank(), "databaseName must not be blank");
      this.databaseName = value;
      return this;
    }

    /**
     * The API token, sent as a bearer token and never logged or shown in messages. Required.
     *
     * @param value a token with D1 Read (and D1 Write for writes) permission
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code apiToken} if it is blank or holds whitespace
     *     or control characters (the message does not include the value)
     */
    public Builder apiToken(String value) {
      TransportSettings.token("apiToken", value);
      this.apiToken = value;
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
     * The first retry delay, doubled on each retry up to {@link #maxBackoff}; {@link
     * #DEFAULT_INITIAL_BACKOFF} by default.
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
     * The delay between polls of exports and imports; {@link #DEFAULT_POLL_INTERVAL} by default.
     *
     * @param value a duration, not negative
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code pollInterval} if negative
     */
    public Builder pollInterval(Duration value) {
      this.pollInterval = TransportSettings.notNegative("pollInterval", value);
      return this;
    }

    /**
     * How long an export or import may poll before failing with {@link
     * io.github.d1java.D1TimeoutException}; {@link #DEFAULT_POLL_TIMEOUT} by default.
     *
     * @param value a positive duration
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException naming {@code pollTimeout} if not positive
     */
    public Builder pollTimeout(Duration value) {
      this.pollTimeout = TransportSettings.positive("pollTimeout", value);
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
     * Builds the database client. When only {@link #databaseName} was given this makes one request
     * to resolve it.
     *
     * @return the database
     * @throws IllegalStateException naming the first missing or invalid property
     * @throws io.github.d1java.D1Exception if the name cannot be resolved
     */
    public D1RemoteDatabase build() {
      if (databaseId == null && databaseName == null) {
        throw new IllegalStateException("databaseId or databaseName is required");
      }
      if (databaseId != null && databaseName != null) {
        throw new IllegalStateException("set databaseId or databaseName, not both");
      }
      D1Account account = buildAccount();
      String id = databaseId;
      if (id != null) {
        check(ID.matcher(id).matches(), "databaseId must match [A-Za-z0-9_-]+, got '" + id + "'");
      } else {
        check(!databaseName.isBlank(), "databaseName must not be blank");
        List<D1DatabaseInfo> found = account.list(databaseName);
        id =
            found.stream()
                .filter(d -> d.name().equals(databaseName))
                .map(D1DatabaseInfo::uuid)
                .findFirst()
                .orElseThrow(
                    () ->
                        new D1ApiException(
                            404,
                            7404,
                            "databaseName: no database named '"
                                + databaseName
                                + "' in account "
                                + accountId,
                            false));
      }
      return account.database(id);
    }

    /**
     * Builds the account client; {@code databaseId} and {@code databaseName} are ignored.
     *
     * @return the account client
     * @throws IllegalStateException naming the first missing or invalid property
     */
    public D1Account buildAccount() {
      return new D1Account(new Transport(config()));
    }

    private RemoteConfig config() {
      check(accountId != null, "accountId is required");
      check(apiToken != null, "apiToken is required");
      return settings.config(
          TransportSettings.httpUrl("baseUrl", baseUrl),
          accountId,
          apiToken,
          pollInterval,
          pollTimeout);
    }

    private static void check(boolean ok, String message) {
      TransportSettings.state(ok, message);
    }

    @Override
    public String toString() {
      return "D1Remote.Builder[baseUrl="
          + baseUrl
          + ", accountId="
          + accountId
          + ", databaseId="
          + databaseId
          + ", databaseName="
          + databaseName
          + ", apiToken="
          + (apiToken == null ? "null" : "***")
          + "]";
    }
  }
}
