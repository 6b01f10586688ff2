package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.testkit.server.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Cloudflare's Workers API that {@code d1 worker deploy} uses: the script upload
 * ({@code PUT /accounts/{id}/workers/scripts/{name}}, multipart with module metadata), enabling the
 * workers.dev route ({@code POST .../subdomain}) and the account's workers.dev subdomain ({@code
 * GET /accounts/{id}/workers/subdomain}). Uploads are validated as Cloudflare does (the main module
 * is a part, a D1 binding names an existing database). Thread-safe.
 */
public final class FakeWorkersApi {

  /** The workers.dev subdomain of the fake account. */
  public static final String SUBDOMAIN = "d1-java-fake";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern ROUTE =
      Pattern.compile("/accounts/([^/]+)/workers/(subdomain|scripts/([^/?]+)(/subdomain)?)");

  private final Map<String, JsonNode> scripts = new ConcurrentHashMap<>();

  /**
   * Answers a Workers API request, or returns null when the path is not one of them.
   *
   * @param req the request
   * @param apiToken the server's API token
   * @param accountId the server's account id
   * @param databaseExists whether a database UUID exists
   * @return the reply, or null
   */
  public Reply handle(
      RecordedRequest req, String apiToken, String accountId, Predicate<String> databaseExists) {
    String path = req.path();
    int a = path.indexOf("/accounts/");
    Matcher m = a < 0 ? null : ROUTE.matcher(path.substring(a));
    if (m == null || !m.matches()) {
      return null;
    }
    if (!("Bearer " + apiToken).equals(req.header("authorization"))) {
      return error(401, 10000, "Authentication error");
    }
    if (!m.group(1).equals(accountId)) {
      return error(403, 10000, "Authentication error");
    }
    String script = m.group(3);
    String method = req.method();
    if (script == null) {
      return method.equals("GET")
          ? ok(MAPPER.createObjectNode().put("subdomain", SUBDOMAIN))
          : error(405, 10000, "Method not allowed");
    }
    if (m.group(4) != null) {
      if (!scripts.containsKey(script)) {
        return error(404, 10007, "This Worker does not exist on your account.");
      }
      if (method.equals("POST")) {
        JsonNode body = json(req);
        if (body == null || !body.path("enabled").isBoolean()) {
          return error(400, 10001, "enabled must be a boolean");
        }
        return ok(
            MAPPER
                .createObjectNode()
                .put("enabled", body.get("enabled").asBoolean())
                .put("previews_enabled", false));
      }
      return error(405, 10000, "Method not allowed");
    }
    if (!method.equals("PUT")) {
      return error(405, 10000, "Method not allowed");
    }
    return upload(req, script, databaseExists);
  }

  /**
   * The metadata of an uploaded script, for tests.
   *
   * @param name the script name
   * @return its metadata, or null
   */
  public JsonNode script(String name) {
    return scripts.get(name);
  }

  private Reply upload(RecordedRequest req, String name, Predicate<String> databaseExists) {
    String type = String.valueOf(req.header("content-type"));
    Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(type);
    if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !b.find()) {
      return error(400, 10001, "Expected a multipart/form-data upload");
    }
    Map<String, Part> parts = parts(req.body(), b.group(1));
    Part meta = parts.get("metadata");
    JsonNode metadata;
    try {
      metadata = meta == null ? null : MAPPER.readTree(meta.content);
    } catch (IOException e) {
      metadata = null;
    }
    if (metadata == null || !metadata.isObject()) {
      return error(400, 10021, "No metadata part, or it is not JSON");
    }
    String main = metadata.path("main_module").asText("");
    Part module = parts.get(main);
    if (module == null) {
      return error(400, 10021, "No such module \"" + main + "\"");
    }
    if (!module.type.startsWith("application/javascript+module")) {
      return error(400, 10021, "main_module must have type application/javascript+module");
    }
    for (JsonNode binding : metadata.path("bindings")) {
      String kind = binding.path("type").asText();
      if (kind.equals("d1") && !databaseExists.test(binding.path("id").asText())) {
        return error(
            400,
            10021,
            "binding "
                + binding.path("name").asText()
                + " of type d1 must have a valid `id`"
                + " specified");
      }
      if (kind.equals("secret_text") && binding.path("text").asText("").isEmpty()) {
        return error(400, 10021, "binding " + binding.path("name").asText() + " needs text");
      }
    }
    scripts.put(name, metadata);
    ObjectNode r = MAPPER.createObjectNode().put("id", name).put("etag", "fake-" + name);
    r.put("has_modules", true);
    return ok(r);
  }

  private record Part(String type, byte[] content) {}

  private static Map<String, Part> parts(byte[] body, String boundary) {
    String text = new String(body, StandardCharsets.ISO_8859_1); // byte-preserving
    Map<String, Part> out = new LinkedHashMap<>();
    for (String chunk : text.split("--" + Pattern.quote(boundary))) {
      int headEnd = chunk.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        continue;
      }
      String head = chunk.substring(0, headEnd);
      Matcher n = Pattern.compile("name=\"([^\"]*)\"").matcher(head);
      if (!n.find()) {
        continue;
      }
      Matcher t = Pattern.compile("(?i)content-type:\\s*([^\\r\\n]+)").matcher(head);
      String content = chunk.substring(headEnd + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      out.put(
          n.group(1),
          new Part(
              t.find() ? t.group(1).trim() : "", content.getBytes(StandardCharsets.ISO_8859_1)));
    }
    return out;
  }

  private static JsonNode json(RecordedRequest req) {
    try {
      return MAPPER.readTree(req.body());
    } catch (IOException e) {
      return null;
    }
  }

  private static Reply ok(JsonNode result) {
    ObjectNode env = MAPPER.createObjectNode();
    env.set("result", result);
    env.put("success", true);
    env.putArray("errors");
    env.putArray("messages");
    return new Reply(200, Map.of("Content-Type", "application/json"), bytes(env));
  }

  private static Reply error(int status, int code, String message) {
    ObjectNode env = MAPPER.createObjectNode();
    env.putNull("result");
    env.put("success", false);
    env.putArray("errors").addObject().put("code", code).put("message", message);
    env.putArray("messages");
    return new Reply(status, Map.of("Content-Type", "application/json"), bytes(env));
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
