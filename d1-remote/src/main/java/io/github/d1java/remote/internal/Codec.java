package io.github.d1java.remote.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1SqlException;
import io.github.d1java.D1TransportException;
import io.github.d1java.spi.D1RawResult;
import io.github.d1java.sql.SqlLexer;
import io.github.d1java.sql.SqlStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one owner of D1's JSON shapes, for the REST API's {@code /raw} and the d1-worker Worker
 * alike: request bodies from statements, results and meta from responses. Received integers stay
 * exact 64-bit {@link Long}s, reals {@link Double}s, blobs (arrays of byte values) {@code byte[]}.
 *
 * <p>Bound integers: D1 parses JSON numbers as JavaScript numbers, so an integer beyond
 * &plusmn;2<sup>53</sup> sent as a number would be rounded. Such a {@link Long} is sent as a JSON
 * string of its decimal digits instead ({@link #MAX_SAFE_INTEGER}): SQLite converts that
 * integer-looking TEXT exactly when it is stored in, or compared with, an INTEGER-affinity column;
 * elsewhere (for example {@code SELECT ?}) it stays TEXT. Stateless.
 */
public final class Codec {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The largest integer a JavaScript number holds exactly, 2<sup>53</sup>. */
  public static final long MAX_SAFE_INTEGER = 1L << 53;

  private Codec() {}

  /**
   * {@code {"sql": ..., "params": [...]}} for one statement ({@code params} left out when empty).
   *
   * @param sql the SQL
   * @param params converted bind values
   * @return the body
   */
  public static ObjectNode query(String sql, List<Object> params) {
    ObjectNode o = F.objectNode();
    o.put("sql", sql);
    if (!params.isEmpty()) {
      ArrayNode a = o.putArray("params");
      for (Object p : params) {
        a.add(param(p));
      }
    }
    return o;
  }

  /**
   * The REST request for one prepared statement. D1's REST API refuses parameters with several
   * statements in {@code sql} (7400), while the binding lets the last statement have them; so such
   * SQL is sent as a batch, which is one transaction too, and its results are combined with {@link
   * #combine} as the binding reports them.
   *
   * @param sql the SQL, possibly several statements
   * @param params converted bind values
   * @return the body for {@code /raw}
   * @throws D1SqlException when a statement other than the last has parameters, with D1's text
   */
  public static ObjectNode restQuery(String sql, List<Object> params) {
    if (params.isEmpty()) {
      return query(sql, params);
    }
    List<SqlStatement> parts = SqlLexer.statements(sql);
    if (parts.size() < 2) {
      return query(sql, params);
    }
    ObjectNode body = F.objectNode();
    ArrayNode batch = body.putArray("batch");
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      if (!last && parts.get(i).hasParameters()) {
        throw D1SqlException.of(
            "When executing multiple SQL statements in a single call, only the last statement can"
                + " have parameters.",
            null);
      }
      batch.add(query(parts.get(i).sql(), last ? params : List.of()));
    }
    return body;
  }

  /**
   * {@code {"batch": [{sql, params}, ...]}}.
   *
   * @param statements the statements
   * @return the body
   */
  public static ObjectNode batch(List<? extends D1PreparedStatement> statements) {
    ObjectNode o = F.objectNode();
    ArrayNode a = o.putArray("batch");
    for (D1PreparedStatement s : statements) {
      a.add(query(s.statement(), s.params()));
    }
    return o;
  }

  private static JsonNode param(Object p) {
    if (p == null) {
      return F.nullNode();
    }
    if (p instanceof Long) {
      long v = (Long) p;
      // beyond 2^53 a JSON number would be rounded by D1: send the digits, stored exactly
      return v > MAX_SAFE_INTEGER || v < -MAX_SAFE_INTEGER
          ? F.textNode(Long.toString(v))
          : F.numberNode(v);
    }
    if (p instanceof Double) {
      return F.numberNode((Double) p);
    }
    if (p instanceof String) {
      return F.textNode((String) p);
    }
    if (p instanceof byte[]) {
      ArrayNode a = F.arrayNode();
      for (byte b : (byte[]) p) {
        a.add(b & 0xff);
      }
      return a;
    }
    throw new IllegalArgumentException("not a converted bind value: " + p.getClass().getName());
  }

  /**
   * The per-statement results of a {@code /raw} envelope.
   *
   * @param envelope the envelope
   * @return one result per executed statement
   * @throws D1TransportException if the shape is not D1's
   */
  public static List<D1RawResult> rawResults(JsonNode envelope) {
    JsonNode result = envelope.path("result");
    if (!result.isArray()) {
      throw malformed("'result' is not an array");
    }
    List<D1RawResult> out = new ArrayList<>(result.size());
    for (JsonNode r : result) {
      out.add(rawResult(r));
    }
    return out;
  }

  private static D1RawResult rawResult(JsonNode r) {
    JsonNode results = r.path("results");
    List<String> columns = new ArrayList<>();
    for (JsonNode c : results.path("columns")) {
      columns.add(c.asText());
    }
    JsonNode rowsNode = results.path("rows");
    List<List<Object>> rows = new ArrayList<>(rowsNode.size());
    for (JsonNode row : rowsNode) {
      if (!row.isArray() || row.size() != columns.size()) {
        throw malformed("a row does not match the " + columns.size() + " columns");
      }
      List<Object> values = new ArrayList<>(row.size());
      for (JsonNode v : row) {
        values.add(value(v));
      }
      rows.add(Collections.unmodifiableList(values));
    }
    return new D1RawResult(Collections.unmodifiableList(columns), rows, meta(r.path("meta")));
  }

  /**
   * One cell: null, Long (exact), Double, String, byte[] (from an array of byte values); an object
   * is kept as its JSON text.
   *
   * @param v the JSON value
   * @return the Java value
   */
  static Object value(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : (Object) v.doubleValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? 1L : 0L;
    }
    if (v.isArray()) {
      byte[] b = new byte[v.size()];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) v.get(i).asInt();
      }
      return b;
    }
    return v.toString();
  }

  /**
   * D1's meta object.
   *
   * @param m the {@code meta} JSON
   * @return the meta
   */
  public static D1Meta meta(JsonNode m) {
    D1Meta.Builder b =
        D1Meta.builder()
            .duration(Math.max(0, m.path("duration").asDouble(0)))
            .changes(Math.max(0, m.path("changes").asLong(0)))
            .lastRowId(m.path("last_row_id").asLong(0))
            .changedDb(m.path("changed_db").asBoolean(false))
            .sizeAfter(Math.max(0, m.path("size_after").asLong(0)))
            .rowsRead(Math.max(0, m.path("rows_read").asLong(0)))
            .rowsWritten(Math.max(0, m.path("rows_written").asLong(0)));
    if (m.hasNonNull("served_by")) {
      b.servedBy(m.get("served_by").asText());
    }
    if (m.hasNonNull("served_by_region")) {
      b.servedByRegion(m.get("served_by_region").asText());
    }
    if (m.hasNonNull("served_by_colo")) {
      b.servedByColo(m.get("served_by_colo").asText());
    }
    if (m.hasNonNull("served_by_primary")) {
      b.servedByPrimary(m.get("served_by_primary").asBoolean());
    }
    if (m.path("timings").hasNonNull("sql_duration_ms")) {
      b.sqlDurationMs(m.get("timings").get("sql_duration_ms").asDouble());
    }
    if (m.hasNonNull("total_attempts")) {
      b.totalAttempts(m.get("total_attempts").asInt());
    }
    return b.build();
  }

  /**
   * The result of a multi-statement SQL text, as the binding reports it: the last statement's
   * columns, rows, rows read/written and last row id; changes and duration summed over all.
   *
   * @param results the per-statement results, not empty
   * @return one result
   */
  public static D1RawResult combine(List<D1RawResult> results) {
    D1RawResult last = results.get(results.size() - 1);
    if (results.size() == 1) {
      return last;
    }
    long changes = 0;
    double duration = 0;
    boolean changed = false;
    for (D1RawResult r : results) {
      changes += r.meta().changes();
      duration += r.meta().duration();
      changed |= r.meta().changedDb();
    }
    D1Meta meta =
        last.meta().toBuilder().changes(changes).duration(duration).changedDb(changed).build();
    return new D1RawResult(last.columns(), last.rows(), meta);
  }

  /**
   * The exception for a response that is not D1's shape.
   *
   * @param what what is wrong
   * @return a non-retryable transport exception
   */
  public static D1TransportException malformed(String what) {
    return new D1TransportException(200, "malformed D1 response: " + what, null, false);
  }
}
