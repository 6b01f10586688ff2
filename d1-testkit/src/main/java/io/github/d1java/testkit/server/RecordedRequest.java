package io.github.d1java.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request {@link FakeD1Server} received, for tests to assert what a client sent. Immutable.
 *
 * @param method the HTTP method
 * @param target the request target: path and query, as sent
 * @param headers the headers, names in lower case
 * @param body the body bytes (empty when none)
 * @param connection the number of the TCP connection it came on (1 for the server's first), so
 *     tests can see that a client reuses connections
 */
public record RecordedRequest(
    String method, String target, Map<String, List<String>> headers, byte[] body, int connection) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Validates and copies. */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  /**
   * @return the path without the query
   */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /**
   * @param name a header name, any case
   * @return its first value, or null
   */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * @return the body as UTF-8 text
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * @return the body parsed as JSON
   * @throws UncheckedIOException if it is not JSON
   */
  public JsonNode json() {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("request body is not JSON: " + bodyText(), e);
    }
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return method + " " + target + " (" + body.length + " bytes)";
  }
}
