package io.github.d1java.remote.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.d1java.D1AuthenticationException;
import io.github.d1java.D1Exception;
import io.github.d1java.D1RateLimitException;
import io.github.d1java.D1SqlException;
import io.github.d1java.D1TransportException;
import io.github.d1java.remote.D1ApiException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one owner of error mapping for D1's {@code {success, errors, result}} envelope, which both
 * the REST API and the d1-worker Worker answer with: HTTP status and D1 error codes to the
 * binding's {@link D1Exception} subclasses. Stateless.
 */
public final class ErrorMapping {

  /** D1's code for an error raised by the database (the binding's {@code D1_ERROR} texts). */
  public static final int CODE_SQL = 7500;

  /** D1's code for a bad request, which for {@code /query} is often about the SQL. */
  public static final int CODE_BAD_REQUEST = 7400;

  private ErrorMapping() {}

  /**
   * The exception for a response whose body is not a JSON object.
   *
   * @param what a short description of the call
   * @param status the HTTP status
   * @param headers the response headers
   * @param snippet the start of the body, already scrubbed of secrets
   * @param safe whether the call may be repeated
   * @return the exception to throw
   */
  public static D1Exception notAnEnvelope(
      String what, int status, HttpHeaders headers, String snippet, boolean safe) {
    if (status == 429) {
      return new D1RateLimitException("HTTP 429 from " + what, retryAfter(headers));
    }
    if (status == 401 || status == 403) {
      return new D1AuthenticationException(status, "HTTP " + status + " from " + what);
    }
    // a garbled success, a gateway error or a request timeout may pass on retry; a 404 page will
    // not
    boolean transientStatus = status < 300 || status == 408 || status >= 500;
    return new D1TransportException(
        status,
        "HTTP "
            + status
            + " from "
            + what
            + " with a body that is not the D1 JSON envelope: "
            + snippet,
        null,
        safe && transientStatus);
  }

  /**
   * The exception for a failed envelope: 401/403 authentication, 429 rate limit, SQL errors (code
   * 7500, or a 7400 about the SQL) as in the binding, 5xx retryable, anything else {@link
   * D1ApiException}.
   *
   * @param what a short description of the call
   * @param status the HTTP status
   * @param headers the response headers
   * @param root the envelope
   * @param sql whether D1's SQL error codes become the binding's exceptions
   * @param scrub removes secrets from a text
   * @return the exception to throw
   */
  public static D1Exception failure(
      String what,
      int status,
      HttpHeaders headers,
      JsonNode root,
      boolean sql,
      UnaryOperator<String> scrub) {
    JsonNode err = root.path("errors").path(0);
    int code = err.path("code").asInt(0);
    String message = err.path("message").asText(null);
    if (message == null) {
      message =
          root.path("result").path("error").asText(root.path("error").asText("HTTP " + status));
    }
    message = scrub.apply(message);
    String withCode = code == 0 ? message : message + " [code: " + code + "]";
    if (status == 401 || status == 403) {
      return new D1AuthenticationException(status, withCode);
    }
    if (status == 429) {
      return new D1RateLimitException(withCode, retryAfter(headers));
    }
    if (status >= 500) {
      if (sql && code == CODE_SQL) {
        return new D1SqlException(message, null, true);
      }
      return new D1ApiException(
          status, code, "HTTP " + status + " from " + what + ": " + withCode, true);
    }
    if (sql
        && (code == CODE_SQL
            || (code == CODE_BAD_REQUEST && !message.startsWith("Invalid property")))) {
      return D1Exception.fromMessage(message);
    }
    return new D1ApiException(status, code, withCode, false);
  }

  /**
   * The delay a 429 asked for: {@code retry-after-ms}, else {@code retry-after} in seconds or as an
   * HTTP date.
   *
   * @param headers the response headers
   * @return the delay, or null when none was given
   */
  public static Duration retryAfter(HttpHeaders headers) {
    Optional<String> ms = headers.firstValue("retry-after-ms");
    if (ms.isPresent()) {
      try {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get().trim())));
      } catch (NumberFormatException ignored) {
        // fall through to retry-after
      }
    }
    Optional<String> ra = headers.firstValue("retry-after");
    if (ra.isEmpty()) {
      return null;
    }
    String v = ra.get().trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  /**
   * The first 200 characters of a body, for messages.
   *
   * @param body the body, or null
   * @return the snippet, with {@code ...} when cut
   */
  static String snippet(byte[] body) {
    if (body == null) {
      return "";
    }
    String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
    return s + (body.length > 200 ? "..." : "");
  }
}
