package io.github.d1java.remote.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The HTTP and retry settings that the REST and Worker builders share, each validated when it is
 * set: null throws {@link NullPointerException} and an invalid value {@link
 * IllegalArgumentException}, both naming the property. Mutable and not thread-safe: one per
 * builder.
 */
public final class TransportSettings {

  /** Default TCP and TLS connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Default timeout of one HTTP attempt. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(35);

  /** Default deadline of one call, retries included. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  /** Default attempts per call. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Default first retry delay. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

  /** Default cap of the retry delay. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);

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

  /**
   * @param value a positive duration
   * @throws NullPointerException if null
   * @throws IllegalArgumentException naming {@code connectTimeout} if not positive
   */
  public void connectTimeout(Duration value) {
    connectTimeout = positive("connectTimeout", value);
  }

  /**
   * @param value a positive duration
   * @throws NullPointerException if null
   * @throws IllegalArgumentException naming {@code requestTimeout} if not positive
   */
  public void requestTimeout(Duration value) {
    requestTimeout = positive("requestTimeout", value);
  }

  /**
   * @param value a positive duration
   * @throws NullPointerException if null
   * @throws IllegalArgumentException naming {@code deadline} if not positive
   */
  public void deadline(Duration value) {
    deadline = positive("deadline", value);
  }

  /** The deadline of one call, for settings derived from it. */
  public Duration deadline() {
    return deadline;
  }

  /**
   * @param value at least 1
   * @throws IllegalArgumentException naming {@code maxAttempts} if below 1
   */
  public void maxAttempts(int value) {
    argument(value >= 1, "maxAttempts must be at least 1, got " + value);
    maxAttempts = value;
  }

  /**
   * @param value a duration, not negative
   * @throws NullPointerException if null
   * @throws IllegalArgumentException naming {@code initialBackoff} if negative
   */
  public void initialBackoff(Duration value) {
    initialBackoff = notNegative("initialBackoff", value);
  }

  /**
   * @param value a duration, not negative
   * @throws NullPointerException if null
   * @throws IllegalArgumentException naming {@code maxBackoff} if negative
   */
  public void maxBackoff(Duration value) {
    maxBackoff = notNegative("maxBackoff", value);
  }

  /**
   * @param value whether debug logs include bound values
   */
  public void logBoundValues(boolean value) {
    logBoundValues = value;
  }

  /**
   * @param value the preferred HTTP version
   * @throws NullPointerException if null
   */
  public void httpVersion(HttpClient.Version value) {
    httpVersion = Objects.requireNonNull(value, "httpVersion");
  }

  /**
   * @param value the time source and sleeper (tests)
   * @throws NullPointerException if null
   */
  public void clock(RetryClock value) {
    clock = Objects.requireNonNull(value, "clock");
  }

  /**
   * @param value the jitter source in [0, 1) (tests)
   * @throws NullPointerException if null
   */
  public void random(DoubleSupplier value) {
    random = Objects.requireNonNull(value, "random");
  }

  /**
   * The configuration of a transport with these settings.
   *
   * @param baseUrl the base URL without a trailing slash
   * @param accountId the account, or empty for a Worker
   * @param token the bearer token; never printed
   * @param pollInterval delay between export and import polls
   * @param pollTimeout how long an export or import may poll
   * @return the configuration
   * @throws IllegalStateException if {@code maxBackoff} is below {@code initialBackoff}
   */
  public RemoteConfig config(
      String baseUrl, String accountId, String token, Duration pollInterval, Duration pollTimeout) {
    state(
        maxBackoff.compareTo(initialBackoff) >= 0,
        "maxBackoff must not be less than initialBackoff");
    return new RemoteConfig(
        baseUrl,
        accountId,
        token,
        connectTimeout,
        requestTimeout,
        deadline,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        pollInterval,
        pollTimeout,
        logBoundValues,
        httpVersion,
        clock,
        random);
  }

  /**
   * Checks a positive duration.
   *
   * @param name the property, for the messages
   * @param value the duration
   * @return the duration
   * @throws NullPointerException naming the property if null
   * @throws IllegalArgumentException naming it if not positive
   */
  public static Duration positive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    argument(!value.isNegative() && !value.isZero(), name + " must be positive, got " + value);
    return value;
  }

  /**
   * Checks a duration that is not negative.
   *
   * @param name the property, for the messages
   * @param value the duration
   * @return the duration
   * @throws NullPointerException naming the property if null
   * @throws IllegalArgumentException naming it if negative
   */
  public static Duration notNegative(String name, Duration value) {
    Objects.requireNonNull(value, name);
    argument(!value.isNegative(), name + " must not be negative, got " + value);
    return value;
  }

  /**
   * Checks a bearer token; the messages never include it.
   *
   * @param name the property, for the messages
   * @param value the token
   * @return the token
   * @throws NullPointerException naming the property if null
   * @throws IllegalArgumentException naming it if blank or holding whitespace or control characters
   */
  public static String token(String name, String value) {
    Objects.requireNonNull(value, name);
    argument(!value.isBlank(), name + " must not be blank");
    argument(
        value.chars().noneMatch(c -> c <= ' ' || c == 127),
        name + " must not contain whitespace or control characters");
    return value;
  }

  /**
   * Checks an absolute http or https URL with a host, and drops trailing slashes.
   *
   * @param name the property, for the messages
   * @param value the URL
   * @return the URL without trailing slashes
   * @throws NullPointerException naming the property if null
   * @throws IllegalArgumentException naming it if it is not such a URL
   */
  public static String httpUrl(String name, String value) {
    Objects.requireNonNull(value, name);
    String base = value;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI u;
    try {
      u = new URI(base);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a valid URL: '" + value + "'", e);
    }
    argument(
        ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null,
        name + " must be an absolute http(s) URL, got '" + value + "'");
    return base;
  }

  /**
   * Throws {@link IllegalArgumentException} with the message unless {@code ok}.
   *
   * @param ok the condition
   * @param message the message
   */
  public static void argument(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Throws {@link IllegalStateException} with the message unless {@code ok}.
   *
   * @param ok the condition
   * @param message the message
   */
  public static void state(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }
}
