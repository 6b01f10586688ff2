package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1Exception;
import io.github.d1java.D1Result;
import io.github.d1java.testkit.server.internal.FakeState.Db;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /d1/database} (create, list) and {@code /d1/database/{id}} (get with {@code fields=}, PUT
 * and PATCH of {@code read_replication}, delete).
 */
final class DatabaseEndpoints implements Endpoints {

  private static final Pattern PATH = Pattern.compile("/d1/database(?:/([^/]+))?");
  private static final Set<String> JURISDICTIONS = Set.of("eu", "fedramp", "us");
  private static final Set<String> HINTS = Set.of("wnam", "enam", "weur", "eeur", "apac", "oc");
  private static final List<String> FIELDS =
      List.of(
          "uuid",
          "name",
          "created_at",
          "version",
          "jurisdiction",
          "num_tables",
          "file_size",
          "running_in_region",
          "read_replication");

  private final FakeState state;

  DatabaseEndpoints(FakeState state) {
    this.state = state;
  }

  @Override
  public Reply handle(ApiRequest req) {
    Matcher m = PATH.matcher(req.path());
    if (!m.matches()) {
      return null;
    }
    if (m.group(1) == null) {
      switch (req.method()) {
        case "GET":
          return list(req.query());
        case "POST":
          return create(req.json());
        default:
          throw ApiError.noRoute();
      }
    }
    String id = Json.decode(m.group(1));
    Db d = state.find(id);
    if (d == null) {
      throw FakeState.notFound(id);
    }
    synchronized (d) {
      switch (req.method()) {
        case "GET":
          return Json.ok(200, fields(info(d), req.query().get("fields")));
        case "PUT":
        case "PATCH":
          {
            JsonNode mode = req.json().path("read_replication").path("mode");
            if (mode.isMissingNode() && req.method().equals("PATCH")) {
              return Json.ok(200, info(d));
            }
            d.readReplication = replicationMode(mode);
            return Json.ok(200, info(d));
          }
        case "DELETE":
          state.remove(d);
          d.db.close();
          return Json.ok(200, Json.MAPPER.nullNode());
        default:
          throw ApiError.noRoute();
      }
    }
  }

  private Reply create(JsonNode body) {
    if (!body.path("name").isTextual()) {
      throw new ApiError(400, 7400, "Invalid property: name => Required");
    }
    String jurisdiction = optionalText(body, "jurisdiction", JURISDICTIONS);
    String hint = optionalText(body, "primary_location_hint", HINTS);
    JsonNode rr = body.path("read_replication");
    String mode = rr.isMissingNode() || rr.isNull() ? null : replicationMode(rr.path("mode"));
    Db d = state.create(body.get("name").asText(), jurisdiction, hint, mode);
    ObjectNode r = info(d);
    r.remove("running_in_region");
    r.put("created_in_region", d.region());
    return Json.ok(200, r);
  }

  private static String optionalText(JsonNode body, String field, Set<String> allowed) {
    JsonNode v = body.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || !allowed.contains(v.asText())) {
      throw new ApiError(
          400,
          7400,
          "Invalid property: "
              + field
              + " => must be one of "
              + String.join(", ", sorted(allowed)));
    }
    return v.asText();
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }

  private static String replicationMode(JsonNode mode) {
    if (!mode.isTextual() || !(mode.asText().equals("auto") || mode.asText().equals("disabled"))) {
      throw new ApiError(
          400, 7400, "Invalid property: read_replication.mode => must be auto or disabled");
    }
    return mode.asText();
  }

  private Reply list(Map<String, String> q) {
    int page = Json.intParam(q, "page", 1, 1, Integer.MAX_VALUE);
    int perPage = Json.intParam(q, "per_page", 1000, 10, 10000);
    String name = q.get("name");
    List<Db> all = state.all();
    if (name != null) {
      String n = name.toLowerCase(Locale.ROOT);
      all.removeIf(d -> !d.name.toLowerCase(Locale.ROOT).contains(n));
    }
    ArrayNode items = Json.MAPPER.createArrayNode();
    long from = (long) (page - 1) * perPage;
    for (long i = from; i < Math.min(all.size(), from + perPage); i++) {
      Db d = all.get((int) i);
      ObjectNode o =
          items
              .addObject()
              .put("uuid", d.uuid)
              .put("name", d.name)
              .put("created_at", d.createdAt.toString())
              .put("version", "production");
      o.put("jurisdiction", d.jurisdiction);
    }
    ObjectNode env = Json.envelope(items);
    env.putObject("result_info")
        .put("page", page)
        .put("per_page", perPage)
        .put("count", items.size())
        .put("total_count", all.size())
        .put("total_pages", (all.size() + perPage - 1) / perPage);
    return Json.reply(200, env);
  }

  static ObjectNode info(Db d) {
    long tables = 0;
    long size = 0;
    try {
      D1Result<Map<String, Object>> r =
          d.db
              .prepare(
                  "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE"
                      + " 'sqlite!_%' ESCAPE '!' AND name NOT LIKE '!_cf!_%' ESCAPE '!'")
              .all();
      tables = ((Number) r.results().get(0).get("n")).longValue();
      size = r.meta().sizeAfter();
    } catch (D1Exception e) {
      // an engine that hides its schema reports 0 tables
    }
    ObjectNode o =
        Json.MAPPER
            .createObjectNode()
            .put("uuid", d.uuid)
            .put("name", d.name)
            .put("created_at", d.createdAt.toString())
            .put("version", "production")
            .put("num_tables", tables)
            .put("file_size", size)
            .put("running_in_region", d.region());
    o.putObject("read_replication").put("mode", d.readReplication);
    o.put("jurisdiction", d.jurisdiction);
    return o;
  }

  /** {@code fields=a,b}: only those fields, in the API's order; unknown names are 7400. */
  private static ObjectNode fields(ObjectNode info, String fields) {
    if (fields == null || fields.isBlank()) {
      return info;
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String f : fields.split(",")) {
      String t = f.trim();
      if (!FIELDS.contains(t)) {
        throw new ApiError(
            400,
            7400,
            "Invalid property: fields => unknown field "
                + t
                + ", expected one of "
                + String.join(",", FIELDS));
      }
      wanted.add(t);
    }
    ObjectNode o = Json.MAPPER.createObjectNode();
    for (String f : FIELDS) {
      if (wanted.contains(f)) {
        o.set(f, info.get(f));
      }
    }
    return o;
  }
}
