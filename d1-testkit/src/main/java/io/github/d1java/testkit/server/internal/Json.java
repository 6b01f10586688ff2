package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.testkit.server.RecordedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Cloudflare envelope and request parsing shared by every endpoint family. */
public final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode envelope(JsonNode result) {
    ObjectNode env = MAPPER.createObjectNode();
    env.set("result", result);
    env.put("success", true);
    env.putArray("errors");
    env.putArray("messages");
    return env;
  }

  static Reply ok(int status, JsonNode result) {
    return reply(status, envelope(result));
  }

  /**
   * Cloudflare's failure envelope ({@code api-response-common-failure}: {@code result} is null).
   *
   * @param status the HTTP status
   * @param code the error code
   * @param message the message
   * @return the reply, with {@code cf-d1: err=7500} for SQL errors
   */
  public static Reply error(int status, int code, String message) {
    return new Reply(
        status,
        code == 7500 ? Map.of("cf-d1", "err=7500") : Map.of(),
        bytes(failure(code, message)));
  }

  /**
   * The failure envelope's JSON.
   *
   * @param code the error code
   * @param message the message
   * @return {@code {"result":null,"success":false,"errors":[{code,message}],"messages":[]}}
   */
  public static ObjectNode failure(int code, String message) {
    ObjectNode env = MAPPER.createObjectNode();
    env.putNull("result");
    env.put("success", false);
    env.putArray("errors").addObject().put("code", code).put("message", message);
    env.putArray("messages");
    return env;
  }

  static Reply reply(int status, JsonNode body) {
    return new Reply(status, Map.of(), bytes(body));
  }

  static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode body(RecordedRequest req) {
    try {
      JsonNode n = MAPPER.readTree(req.body());
      if (n == null || !n.isObject()) {
        throw new ApiError(400, 7400, "The request is malformed: the body must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new ApiError(400, 7400, "The request is malformed: the body is not JSON");
    }
  }

  static Map<String, String> query(String target) {
    Map<String, String> q = new LinkedHashMap<>();
    int i = target.indexOf('?');
    if (i < 0) {
      return q;
    }
    for (String kv : target.substring(i + 1).split("&")) {
      if (kv.isEmpty()) {
        continue;
      }
      int e = kv.indexOf('=');
      q.put(decode(e < 0 ? kv : kv.substring(0, e)), e < 0 ? "" : decode(kv.substring(e + 1)));
    }
    return q;
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int intParam(Map<String, String> q, String name, int dflt, int min, int max) {
    String v = q.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      int i = Integer.parseInt(v);
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new ApiError(
        400, 7400, "Invalid property: " + name + " => must be a number from " + min + " to " + max);
  }
}
