package io.github.d1java.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.remote.D1Remote;
import io.github.d1java.remote.internal.RemoteConfig;
import io.github.d1java.remote.internal.RetryClock;
import io.github.d1java.remote.internal.Transport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Deploys the Worker script ({@link D1Worker#workerScript()}) with Cloudflare's Workers script
 * upload API: one multipart upload whose module metadata binds the D1 database as {@code DB} and
 * the token as the {@code secret_text} binding {@code D1_WORKER_TOKEN}, then enables the script's
 * workers.dev route and returns its URL. Also writes the equivalent wrangler project for those who
 * deploy with wrangler. Thread-safe.
 */
public final class D1WorkerDeployer {

  /** The compatibility date the Worker is deployed with. */
  public static final String COMPATIBILITY_DATE = "2025-06-01";

  /** The binding name of the D1 database in the Worker. */
  public static final String DATABASE_BINDING = "DB";

  /** The shortest token {@link #deploy} accepts. */
  public static final int MIN_TOKEN_LENGTH = 32;

  private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private final Transport transport;
  private final String accountPath;

  private D1WorkerDeployer(Transport transport) {
    this.transport = transport;
    this.accountPath = "/accounts/" + Transport.segment(transport.config().accountId());
  }

  /**
   * A deployer for an account.
   *
   * @param baseUrl the API base URL, usually {@link D1Remote#DEFAULT_BASE_URL}; not null
   * @param accountId the account id; not null
   * @param apiToken an API token with Workers Scripts Edit permission; not null, never printed
   * @return the deployer
   * @throws IllegalStateException naming an invalid argument
   */
  public static D1WorkerDeployer create(String baseUrl, String accountId, String apiToken) {
    check(
        baseUrl != null && baseUrl.matches("https?://[^/]+.*"),
        "baseUrl must be an http(s)" + " URL");
    check(
        accountId != null && accountId.matches("[A-Za-z0-9_-]+"),
        "accountId must match" + " [A-Za-z0-9_-]+");
    check(apiToken != null && !apiToken.isBlank(), "apiToken is required");
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    RemoteConfig config =
        new RemoteConfig(
            base,
            accountId,
            apiToken.trim(),
            D1Remote.DEFAULT_CONNECT_TIMEOUT,
            D1Remote.DEFAULT_REQUEST_TIMEOUT,
            D1Remote.DEFAULT_DEADLINE,
            D1Remote.DEFAULT_MAX_ATTEMPTS,
            D1Remote.DEFAULT_INITIAL_BACKOFF,
            D1Remote.DEFAULT_MAX_BACKOFF,
            D1Remote.DEFAULT_POLL_INTERVAL,
            D1Remote.DEFAULT_POLL_TIMEOUT,
            false,
            HttpClient.Version.HTTP_2,
            RetryClock.SYSTEM,
            () -> ThreadLocalRandom.current().nextDouble());
    return new D1WorkerDeployer(new Transport(config));
  }

  /**
   * A random token for {@code D1_WORKER_TOKEN}: 32 bytes from {@link SecureRandom}, as 64 hex
   * digits.
   *
   * @return a new token
   */
  public static String newToken() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Uploads the Worker, enables its workers.dev route and returns its URL.
   *
   * @param scriptName the Worker's name: lowercase letters, digits and dashes, at most 63
   * @param databaseId the UUID of the D1 database to bind as {@code DB}
   * @param workerToken the secret clients send as {@code Authorization: Bearer}; at least {@value
   *     #MIN_TOKEN_LENGTH} characters, no whitespace
   * @return {@code https://<script>.<account subdomain>.workers.dev}
   * @throws IllegalArgumentException for an invalid argument, naming it
   * @throws io.github.d1java.D1Exception when the API refuses a step
   */
  public URI deploy(String scriptName, String databaseId, String workerToken) {
    Objects.requireNonNull(scriptName, "scriptName");
    Objects.requireNonNull(databaseId, "databaseId");
    Objects.requireNonNull(workerToken, "workerToken");
    if (!SCRIPT_NAME.matcher(scriptName).matches()) {
      throw new IllegalArgumentException(
          "script name must be lowercase letters, digits and dashes (at most 63), got '"
              + scriptName
              + "'");
    }
    if (workerToken.length() < MIN_TOKEN_LENGTH
        || workerToken.chars().anyMatch(c -> c <= ' ' || c == 127)) {
      throw new IllegalArgumentException(
          "the worker token must have at least "
              + MIN_TOKEN_LENGTH
              + " characters and no whitespace (for example: openssl rand -hex 32)");
    }
    String script = accountPath + "/workers/scripts/" + Transport.segment(scriptName);
    String boundary = "d1-java-" + newToken().substring(0, 24);
    transport.callBytes(
        "upload Worker " + scriptName,
        "PUT",
        script,
        multipart(boundary, metadata(databaseId, workerToken), D1Worker.workerScript()),
        "multipart/form-data; boundary=" + boundary,
        true);
    ObjectNode enable = Transport.MAPPER.createObjectNode().put("enabled", true);
    transport.call(
        "enable workers.dev for " + scriptName, "POST", script + "/subdomain", enable, true);
    JsonNode sub =
        transport
            .call(
                "get the workers.dev subdomain",
                "GET",
                accountPath + "/workers/subdomain",
                null,
                true)
            .path("result")
            .path("subdomain");
    if (!sub.isTextual() || sub.asText().isBlank()) {
      throw new IllegalStateException(
          "the account has no workers.dev subdomain yet: open Workers & Pages in the dashboard"
              + " once to create it");
    }
    return URI.create("https://" + scriptName + "." + sub.asText() + ".workers.dev");
  }

  private static byte[] metadata(String databaseId, String workerToken) {
    ObjectNode m = Transport.MAPPER.createObjectNode();
    m.put("main_module", D1Worker.SCRIPT_RESOURCE);
    m.put("compatibility_date", COMPATIBILITY_DATE);
    ArrayNode bindings = m.putArray("bindings");
    bindings.addObject().put("type", "d1").put("name", DATABASE_BINDING).put("id", databaseId);
    bindings
        .addObject()
        .put("type", "secret_text")
        .put("name", D1Worker.ENV_TOKEN)
        .put("text", workerToken);
    return m.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] multipart(String boundary, byte[] metadata, String script) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part(out, boundary, "metadata", null, "application/json", metadata);
    part(
        out,
        boundary,
        D1Worker.SCRIPT_RESOURCE,
        D1Worker.SCRIPT_RESOURCE,
        "application/javascript+module",
        script.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static void part(
      ByteArrayOutputStream out,
      String boundary,
      String name,
      String filename,
      String type,
      byte[] content) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\""
            + (filename == null ? "" : "; filename=\"" + filename + "\"")
            + "\r\nContent-Type: "
            + type
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The files of a wrangler project that deploys the Worker: {@code wrangler.json} (with the {@code
   * d1_databases} binding) and {@code src/d1-worker.js}.
   *
   * @param scriptName the Worker's name
   * @param databaseName the database name
   * @param databaseId the database UUID, or null to leave a placeholder
   * @return relative path to content, in writing order
   */
  public static Map<String, String> wranglerProject(
      String scriptName, String databaseName, String databaseId) {
    ObjectNode config = Transport.MAPPER.createObjectNode();
    config.put("$schema", "node_modules/wrangler/config-schema.json");
    config.put("name", scriptName);
    config.put("main", "src/" + D1Worker.SCRIPT_RESOURCE);
    config.put("compatibility_date", COMPATIBILITY_DATE);
    config.put("workers_dev", true);
    ObjectNode db = config.putArray("d1_databases").addObject();
    db.put("binding", DATABASE_BINDING);
    db.put("database_name", databaseName);
    db.put(
        "database_id", databaseId == null ? "<run: d1 create " + databaseName + ">" : databaseId);
    Map<String, String> files = new LinkedHashMap<>();
    try {
      files.put(
          "wrangler.json",
          Transport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    files.put("src/" + D1Worker.SCRIPT_RESOURCE, D1Worker.workerScript());
    return files;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  @Override
  public String toString() {
    return "D1WorkerDeployer[" + transport.config().baseUrl() + ", apiToken=***]";
  }
}
