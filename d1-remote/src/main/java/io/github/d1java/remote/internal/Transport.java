package io.github.d1java.remote.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.d1java.D1Exception;
import io.github.d1java.D1SqlException;
import io.github.d1java.D1TimeoutException;
import io.github.d1java.D1TransportException;
import io.github.d1java.remote.D1ApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP only: bearer authentication, the {@code {success, errors, messages, result}} envelope and
 * retries, for the D1 REST API and the d1-worker Worker alike (both answer with that envelope).
 * Error mapping is {@link ErrorMapping}'s, JSON shapes are {@link Codec}'s, retry safety is {@link
 * RetrySafety}'s. Thread-safe; one per database or account client.
 */
public final class Transport {

  /** Shared mapper. Integer literals are read as int/long (never double); blobs are arrays. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Logger LOG = LoggerFactory.getLogger("io.github.d1java.remote");
  private static final String USER_AGENT = "d1-java/0.1";

  private final RemoteConfig config;
  private final HttpClient http;
  private final Retrier retrier;

  /**
   * @param config the configuration; not null
   */
  public Transport(RemoteConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .version(config.httpVersion())
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.retrier = new Retrier(config);
  }

  /**
   * @return the configuration
   */
  public RemoteConfig config() {
    return config;
  }

  /**
   * Calls an API endpoint with retries and returns the whole envelope.
   *
   * @param what a short description for messages and logs
   * @param method the HTTP method
   * @param path the path after the base URL, starting with {@code /accounts/}, query included
   * @param body the JSON body, or null for none
   * @param safe whether the call may be repeated (read-only or idempotent)
   * @return the envelope (its {@code success} is true)
   * @throws D1Exception on failure, see {@link ErrorMapping}
   */
  public JsonNode call(String what, String method, String path, JsonNode body, boolean safe) {
    return call(what, method, path, body, safe, false);
  }

  /**
   * Like {@link #call(String, String, String, JsonNode, boolean)} for {@code /query} and {@code
   * /raw}: D1's SQL errors (code 7500, and 7400 about the request's SQL) become the binding's
   * {@link D1SqlException}s instead of {@link D1ApiException}s.
   *
   * @param what a short description for messages and logs
   * @param path the path after the base URL
   * @param body the JSON body
   * @param safe whether the call may be repeated
   * @return the envelope
   */
  public JsonNode callSql(String what, String path, JsonNode body, boolean safe) {
    return call(what, "POST", path, body, safe, true);
  }

  private JsonNode call(
      String what, String method, String path, JsonNode body, boolean safe, boolean sql) {
    byte[] bytes;
    try {
      bytes = body == null ? null : MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the request", e);
    }
    return retrier.call(
        what,
        safe,
        timeout -> once(what, method, path, bytes, "application/json", safe, sql, timeout));
  }

  /**
   * Calls an API endpoint with a body that is not JSON (a multipart upload, for example) and
   * returns the whole envelope.
   *
   * @param what a short description for messages and logs
   * @param method the HTTP method
   * @param path the path after the base URL
   * @param body the body; not null
   * @param contentType the body's content type; not null
   * @param safe whether the call may be repeated
   * @return the envelope (its {@code success} is true)
   * @throws D1Exception on failure, see {@link ErrorMapping}
   */
  public JsonNode callBytes(
      String what, String method, String path, byte[] body, String contentType, boolean safe) {
    return retrier.call(
        what, safe, timeout -> once(what, method, path, body, contentType, safe, false, timeout));
  }

  /**
   * The clock's current time, to start a polling loop with.
   *
   * @return nanoseconds
   */
  public long now() {
    return config.clock().nanoTime();
  }

  /**
   * Waits one poll interval, unless polling that started at {@code start} has run past the poll
   * timeout.
   *
   * @param what what is being polled, for the message
   * @param start when polling started, from {@link #now()}
   * @throws D1TimeoutException when the poll timeout has passed
   */
  public void pollPause(String what, long start) {
    if (config.clock().nanoTime() - start >= config.pollTimeout().toNanos()) {
      throw new D1TimeoutException(
          what
              + " did not complete within the poll timeout of "
              + config.pollTimeout().toMillis()
              + " ms",
          null);
    }
    try {
      config.clock().sleep(config.pollInterval());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new D1TransportException(-1, what + " was interrupted while polling", e, false);
    }
  }

  private JsonNode once(
      String what,
      String method,
      String path,
      byte[] body,
      String contentType,
      boolean safe,
      boolean sql,
      Duration timeout) {
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + config.apiToken())
            .header("Accept", "application/json")
            .header("User-Agent", USER_AGENT);
    if (body != null) {
      rb.header("Content-Type", contentType);
      rb.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      rb.method(method, HttpRequest.BodyPublishers.noBody());
    }
    long t0 = System.nanoTime();
    HttpResponse<byte[]> response =
        send(what, rb.build(), HttpResponse.BodyHandlers.ofByteArray(), safe, timeout);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "{} {} -> HTTP {} in {} ms",
          method,
          path,
          response.statusCode(),
          (System.nanoTime() - t0) / 1_000_000);
    }
    return parse(what, response.statusCode(), response.headers(), response.body(), safe, sql);
  }

  private <T> HttpResponse<T> send(
      String what,
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      boolean safe,
      Duration timeout) {
    try {
      return http.send(request, handler);
    } catch (HttpTimeoutException e) {
      throw new D1TransportException(
          -1, what + " timed out after " + timeout.toMillis() + " ms", e, safe);
    } catch (IOException e) {
      throw new D1TransportException(-1, what + " failed: " + describe(request, e), e, safe);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new D1TransportException(-1, what + " was interrupted", e, false);
    }
  }

  /**
   * A message for an I/O failure that never says {@code null}: {@code connection refused to
   * host:port} when nothing listens, else the exception's message or, when it has none, its type.
   */
  private String describe(HttpRequest request, IOException e) {
    URI uri = request.uri();
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    String target = uri.getHost() + ":" + port;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return "connection refused to " + target;
      }
      if (t instanceof java.nio.channels.UnresolvedAddressException
          || t instanceof java.net.UnknownHostException) {
        return "unknown host " + uri.getHost();
      }
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName() + " talking to " + target;
    }
    return scrub(m);
  }

  /**
   * Parses a response into its envelope or the exception {@link ErrorMapping} gives.
   *
   * @param what a short description
   * @param status the HTTP status
   * @param headers the headers
   * @param body the body
   * @param safe whether the request may be repeated
   * @param sql whether SQL error codes map to SQL exceptions
   * @return the envelope when {@code success} is true
   */
  JsonNode parse(
      String what, int status, HttpHeaders headers, byte[] body, boolean safe, boolean sql) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw ErrorMapping.notAnEnvelope(what, status, headers, snippet(body), safe);
    }
    if (root.path("success").asBoolean(false) && status < 300) {
      return root;
    }
    throw ErrorMapping.failure(what, status, headers, root, sql, this::scrub);
  }

  /**
   * Downloads a URL (a signed export URL: no API token is sent) to a file, replacing it.
   *
   * @param what a short description
   * @param url the URL
   * @param target the file to write
   * @return the number of bytes written
   */
  public long download(String what, URI url, Path target) {
    return retrier.call(
        what,
        true,
        timeout -> {
          Path tmp;
          try {
            Path dir = target.toAbsolutePath().getParent();
            tmp = Files.createTempFile(dir, ".d1-export", ".part");
          } catch (IOException e) {
            throw new D1TransportException(
                -1, "cannot create a file next to " + target + ": " + e.getMessage(), e, false);
          }
          try {
            HttpRequest req =
                HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .GET()
                    .header("User-Agent", USER_AGENT)
                    .build();
            HttpResponse<Path> r =
                send(what, req, HttpResponse.BodyHandlers.ofFile(tmp), true, timeout);
            if (r.statusCode() != 200) {
              throw new D1TransportException(
                  r.statusCode(),
                  what
                      + " failed: HTTP "
                      + r.statusCode()
                      + ": "
                      + snippet(Files.readAllBytes(tmp)),
                  null,
                  r.statusCode() >= 500);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(target);
          } catch (IOException e) {
            throw new D1TransportException(-1, what + " failed: " + e.getMessage(), e, true);
          } finally {
            try {
              Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
              // best effort: the temporary file is hidden and named .part
            }
          }
        });
  }

  /**
   * Uploads a file with {@code PUT} to a presigned URL (no API token is sent).
   *
   * @param what a short description
   * @param url the URL
   * @param file the file
   * @return the response's {@code ETag} without quotes, or null when absent
   * @throws D1ApiException if the upload is refused
   */
  public String upload(String what, URI url, Path file) {
    return retrier.call(
        what,
        true,
        timeout -> {
          HttpRequest req;
          try {
            req =
                HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("User-Agent", USER_AGENT)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file))
                    .build();
          } catch (IOException e) {
            throw new D1ApiException(-1, 0, "cannot read " + file + ": " + e.getMessage(), false);
          }
          HttpResponse<byte[]> r =
              send(what, req, HttpResponse.BodyHandlers.ofByteArray(), true, timeout);
          if (r.statusCode() != 200) {
            throw new D1ApiException(
                r.statusCode(),
                0,
                "File could not be uploaded. Please retry.\nGot response: " + snippet(r.body()),
                r.statusCode() >= 500);
          }
          return r.headers().firstValue("etag").map(e -> e.replaceAll("^\"|\"$", "")).orElse(null);
        });
  }

  /**
   * Replaces every occurrence of the API token by {@code ***}.
   *
   * @param s a text, or null
   * @return the text without the token
   */
  public String scrub(String s) {
    if (s == null || config.apiToken().isEmpty()) {
      return s;
    }
    return s.replace(config.apiToken(), "***");
  }

  /**
   * Encodes one path segment.
   *
   * @param s the segment
   * @return the encoded segment
   */
  public static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String snippet(byte[] body) {
    return scrub(ErrorMapping.snippet(body));
  }
}
