package io.github.d1java.testkit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1LimitExceededException;
import io.github.d1java.testkit.server.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted answer for {@link FakeD1Server#enqueue}, described as data: what to send (a status,
 * headers and body; or the real API's answer), after what delay, and whether to drop the connection
 * instead. Immutable and thread-safe.
 *
 * <pre>{@code
 * server.enqueue(FakeResponse.rateLimited(Duration.ofSeconds(2)));
 * server.enqueue(FakeResponse.internalError());
 * server.enqueue(FakeResponse.passThrough().withDelay(Duration.ofSeconds(5)));
 * }</pre>
 */
public final class FakeResponse {

  /** What happens to the connection. */
  public enum Kind {
    /** Send {@link #status()}, {@link #headers()} and {@link #body()}. */
    SCRIPTED,
    /** Answer as the fake D1 API would, after {@link #delay()}. */
    PASS_THROUGH,
    /** Close the connection after reading the request, sending nothing. */
    DROP_CONNECTION,
    /** Send the headers and half of the real API's body, then close the connection. */
    DROP_MID_RESPONSE
  }

  private static final String DAILY_READ =
      "Your account has exceeded D1's free tier daily row read limit. Upgrade to a paid plan or"
          + " wait until tomorrow (midnight UTC) to continue.";
  private static final String DAILY_WRITE =
      "Your account has exceeded D1's free tier daily row write limit. Upgrade to a paid plan or"
          + " wait until tomorrow (midnight UTC) to continue.";

  private final Kind kind;
  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;
  private final Duration delay;

  private FakeResponse(
      Kind kind, int status, Map<String, String> headers, byte[] body, Duration delay) {
    this.kind = kind;
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.delay = delay;
  }

  /**
   * Any status and body, sent as {@code application/json}.
   *
   * @param status the HTTP status
   * @param body the body, sent as is (it need not be valid JSON); not null
   * @return the response
   */
  public static FakeResponse json(int status, String body) {
    Objects.requireNonNull(body, "body");
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json; charset=UTF-8");
    return new FakeResponse(
        Kind.SCRIPTED, status, h, body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
  }

  /**
   * Cloudflare's failure envelope: {@code {"result":null,"success":false,"errors":[{"code":..,
   * "message":..}],"messages":[]}}.
   *
   * @param status the HTTP status
   * @param code the Cloudflare error code, e.g. 7500
   * @param message the error message; not null
   * @return the response
   */
  public static FakeResponse error(int status, int code, String message) {
    ObjectNode env = Json.failure(code, Objects.requireNonNull(message, "message"));
    FakeResponse r = json(status, env.toString());
    return code == 7500 ? r.withHeader("cf-d1", "err=7500") : r;
  }

  /**
   * HTTP 429 with {@code Retry-After} and Cloudflare's code 971.
   *
   * @param retryAfter the delay to ask for, sent in whole seconds (rounded up); null for none
   * @return the response
   */
  public static FakeResponse rateLimited(Duration retryAfter) {
    FakeResponse r = error(429, 971, "Please wait and consider throttling your request speed");
    if (retryAfter != null) {
      long s = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
      r = r.withHeader("Retry-After", Long.toString(s));
    }
    return r;
  }

  /**
   * D1's refusal for a reached limit, with D1's exact text: the free tier's daily rows read or
   * written and the storage limits as HTTP 400 code 7500 (the client raises a {@link
   * io.github.d1java.D1QuotaExceededException} or {@link
   * io.github.d1java.D1LimitExceededException}), the database count as HTTP 400 code 7406 (what a
   * create gets at the limit).
   *
   * @param limit the limit; not null
   * @return the response
   */
  public static FakeResponse limitExceeded(D1LimitExceededException.Limit limit) {
    switch (Objects.requireNonNull(limit, "limit")) {
      case DAILY_ROWS_READ:
        return error(400, 7500, DAILY_READ);
      case DAILY_ROWS_WRITTEN:
        return error(400, 7500, DAILY_WRITE);
      case DATABASE_SIZE:
        return error(400, 7500, "Exceeded maximum DB size.");
      case ACCOUNT_STORAGE:
        return error(
            400,
            7500,
            "Your account has exceeded D1's maximum account storage limit, please contact"
                + " Cloudflare to raise your limit.");
      default:
        return error(400, 7406, "System limit reached: databases per account");
    }
  }

  /**
   * HTTP 500 with code 7500 {@code internal error; reference = ...}, D1's transient server error.
   *
   * @return the response
   */
  public static FakeResponse internalError() {
    return error(500, 7500, "internal error; reference = 6a3b1c0d2e4f5a6b7c8d9e0f");
  }

  /**
   * HTTP 200 with a body that is not JSON.
   *
   * @return the response
   */
  public static FakeResponse malformedJson() {
    return json(200, "{\"result\":[{\"results\":");
  }

  /**
   * The fake API's own answer (combine with {@link #withDelay} for a slow response).
   *
   * @return the response
   */
  public static FakeResponse passThrough() {
    return new FakeResponse(Kind.PASS_THROUGH, 0, Map.of(), new byte[0], Duration.ZERO);
  }

  /**
   * Close the connection without answering.
   *
   * @return the response
   */
  public static FakeResponse dropConnection() {
    return new FakeResponse(Kind.DROP_CONNECTION, 0, Map.of(), new byte[0], Duration.ZERO);
  }

  /**
   * Run the request, send the headers and half the body, then close the connection: the work is
   * done but the client never learns the outcome.
   *
   * @return the response
   */
  public static FakeResponse dropMidResponse() {
    return new FakeResponse(Kind.DROP_MID_RESPONSE, 0, Map.of(), new byte[0], Duration.ZERO);
  }

  /**
   * This response with an extra header.
   *
   * @param name the header name; not null
   * @param value the value; not null
   * @return a new response
   */
  public FakeResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new FakeResponse(kind, status, h, body, delay);
  }

  /**
   * This response sent only after {@code delay} (the server waits, not the test).
   *
   * @param delay the delay; not negative
   * @return a new response
   */
  public FakeResponse withDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return new FakeResponse(kind, status, headers, body, delay);
  }

  /**
   * @return what this response does
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the status of a {@link Kind#SCRIPTED} response
   */
  public int status() {
    return status;
  }

  /**
   * @return the headers of a {@link Kind#SCRIPTED} response, unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * @return a copy of the body of a {@link Kind#SCRIPTED} response
   */
  public byte[] body() {
    return body.clone();
  }

  /**
   * @return the delay before answering
   */
  public Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    return "FakeResponse["
        + kind
        + (kind == Kind.SCRIPTED ? " " + status : "")
        + ", delay="
        + delay
        + "]";
  }
}
