package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1Exception;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.spi.D1RawResult;
import io.github.d1java.testkit.server.internal.FakeState.Db;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /d1/database/{id}/query} and {@code .../raw}: one statement, several statements in
 * one {@code sql} (a batch), or {@code {batch: [...]}}; one transaction.
 *
 * <p>Numbers follow JavaScript as in D1 unless the server keeps exact integers: a JSON number
 * parameter is a double (9007199254740993 binds as 9007199254740992; an integral one binds as
 * INTEGER), and an INTEGER result beyond 2^53 is rounded to the nearest double and written as
 * JavaScript writes it. A JSON string binds as TEXT, which an INTEGER column converts exactly.
 */
final class QueryEndpoints extends DatabaseActionEndpoints {

  private static final long SAFE = 1L << 53;

  QueryEndpoints(FakeState state) {
    super(state, "query|raw");
  }

  @Override
  Reply post(Db d, String action, JsonNode body) {
    return query(d, body, action.equals("raw"));
  }

  private Reply query(Db d, JsonNode body, boolean raw) {
    List<D1RawResult> results = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try {
      if (body.has("batch")) {
        if (!body.get("batch").isArray()) {
          throw new ApiError(400, 7400, "The request is malformed: batch must be an array");
        }
        List<D1PreparedStatement> statements = new ArrayList<>();
        for (JsonNode item : body.get("batch")) {
          statements.add(statement(d, item));
          texts.add(item.get("sql").asText());
        }
        for (D1Result<Map<String, Object>> r : d.db.batch(statements)) {
          results.add(RawQuery.fromResult(r));
        }
      } else {
        List<String> parts = Statements.split(body.path("sql").asText(""));
        if (parts.size() > 1 && body.path("params").size() > 0) {
          throw new ApiError(
              400,
              7400,
              "The request is malformed: params with multiple statements is not supported");
        }
        if (parts.size() > 1) { // D1 runs them as a batch and answers one result per statement
          List<D1PreparedStatement> statements = new ArrayList<>();
          parts.forEach(p -> statements.add(d.db.prepare(p)));
          texts.addAll(parts);
          for (D1Result<Map<String, Object>> r : d.db.batch(statements)) {
            results.add(RawQuery.fromResult(r));
          }
        } else {
          results.add(RawQuery.run(statement(d, body)));
          texts.add(body.get("sql").asText());
        }
      }
    } catch (D1Exception e) {
      throw new ApiError(
          400, 7500, D1Exception.D1_ERROR.equals(e.code()) ? e.detail() : e.getMessage());
    }
    if (results.stream().anyMatch(r -> r.meta().changedDb())) {
      state.changed(d);
    }
    for (int i = 0; i < results.size() && i < texts.size(); i++) {
      d.record(texts.get(i).strip(), results.get(i).meta(), results.get(i).rows().size());
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (D1RawResult r : results) {
      ObjectNode o = out.addObject();
      if (raw) {
        ObjectNode res = o.putObject("results");
        ArrayNode cols = res.putArray("columns");
        r.columns().forEach(cols::add);
        ArrayNode rows = res.putArray("rows");
        for (List<Object> row : r.rows()) {
          ArrayNode a = rows.addArray();
          row.forEach(v -> a.add(value(v)));
        }
      } else {
        ArrayNode rows = o.putArray("results");
        for (List<Object> row : r.rows()) {
          ObjectNode obj = rows.addObject();
          for (int i = 0; i < row.size(); i++) {
            obj.set(r.columns().get(i), value(row.get(i)));
          }
        }
      }
      o.put("success", true);
      o.set("meta", meta(d, r.meta()));
    }
    return Json.ok(200, out);
  }

  /**
   * The meta D1's REST API sends: region, colo, primary, timings, then the binding's fields; no
   * {@code served_by}.
   */
  static ObjectNode meta(Db d, D1Meta m) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("served_by_region", d.region());
    o.put("served_by_colo", FakeState.COLO);
    o.put("served_by_primary", true);
    o.putObject("timings").put("sql_duration_ms", m.duration());
    o.put("duration", m.duration());
    o.put("changes", m.changes());
    o.put("last_row_id", m.lastRowId());
    o.put("changed_db", m.changedDb());
    o.put("size_after", m.sizeAfter());
    o.put("rows_read", m.rowsRead());
    o.put("rows_written", m.rowsWritten());
    return o;
  }

  private D1PreparedStatement statement(Db d, JsonNode q) {
    if (!q.path("sql").isTextual()) {
      throw new ApiError(400, 7400, "Invalid property: sql => Required");
    }
    D1PreparedStatement s = d.db.prepare(q.get("sql").asText());
    JsonNode params = q.path("params");
    if (params.isMissingNode() || params.isNull()) {
      return s;
    }
    if (!params.isArray()) {
      throw new ApiError(400, 7400, "Invalid property: params => must be an array");
    }
    Object[] values = new Object[params.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = param(params.get(i));
    }
    return s.bind(values);
  }

  private Object param(JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return state.config.exactIntegers() ? exactNumber(v) : jsNumber(v.doubleValue());
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isArray()) {
      byte[] b = new byte[v.size()];
      for (int i = 0; i < b.length; i++) {
        JsonNode e = v.get(i);
        if (!e.isIntegralNumber() || e.asInt() < 0 || e.asInt() > 255) {
          throw malformedParams();
        }
        b[i] = (byte) e.asInt();
      }
      return b;
    }
    throw malformedParams();
  }

  private static ApiError malformedParams() {
    return new ApiError(
        400,
        7400,
        "The request is malformed: params must be strings, numbers, null or byte arrays");
  }

  private static Object exactNumber(JsonNode v) {
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    return v.doubleValue();
  }

  /** A JavaScript number as D1 binds it: integral values within int64 as INTEGER, else REAL. */
  static Object jsNumber(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 0x1p63 && !(d == 0 && 1 / d < 0)) {
      return (long) d;
    }
    return d;
  }

  private JsonNode value(Object v) {
    if (v == null) {
      return Json.MAPPER.nullNode();
    }
    if (v instanceof Long) {
      long l = (Long) v;
      if (state.config.exactIntegers() || (l >= -SAFE && l <= SAFE)) {
        return Json.MAPPER.getNodeFactory().numberNode(l);
      }
      return jsInteger((double) l);
    }
    if (v instanceof Double) {
      return Json.MAPPER.getNodeFactory().numberNode((Double) v);
    }
    if (v instanceof byte[]) {
      ArrayNode a = Json.MAPPER.createArrayNode();
      for (byte b : (byte[]) v) {
        a.add(b & 0xff);
      }
      return a;
    }
    return Json.MAPPER.getNodeFactory().textNode(v.toString());
  }

  /**
   * An integral double as JavaScript's JSON.stringify writes it below 1e21: the shortest digits
   * that round-trip, padded with zeros ({@code 9223372036854775807} becomes {@code
   * 9223372036854776000}).
   */
  static JsonNode jsInteger(double d) {
    return Json.MAPPER
        .getNodeFactory()
        .numberNode(new BigDecimal(Double.toString(d)).toBigIntegerExact());
  }
}
