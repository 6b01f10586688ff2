package io.github.d1java.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1Database;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1Meta;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.spi.D1Bookmarks;
import io.github.d1java.sqlite.D1Sqlite;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the corpus through a {@link D1Database} (the local engine from {@link #main}) and records
 * every call's outcome in the JSON shape the Node runner writes: {@code {"runner", "cases": {name:
 * [{"value": ...} | {"error": message}]}}}. Values are written as Java has them (exact longs,
 * doubles, blobs as arrays of unsigned bytes); {@link ResultComparator} compares numbers as
 * JavaScript sees them. Not thread-safe.
 */
public final class JavaRunner {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Supplier<D1Database> databases;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * @param databases gives a fresh, empty database per case; the runner closes it
   */
  public JavaRunner(Supplier<D1Database> databases) {
    this.databases = databases;
  }

  /**
   * Runs the corpus through {@code D1Sqlite.inMemory()} and writes the results.
   *
   * @param args the cases directory and the output file
   * @throws IOException if the output cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: JavaRunner <casesDir> <outFile>");
      System.exit(2);
    }
    Corpus corpus = Corpus.load(Path.of(args[0]));
    ObjectNode out = new JavaRunner(D1Sqlite::inMemory).run(corpus);
    Path file = Path.of(args[1]);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
    System.out.println("d1-java: ran " + corpus.cases().size() + " cases into " + file);
  }

  /**
   * Runs every case on its own fresh database.
   *
   * @param corpus the cases
   * @return {@code {"runner": "d1-java", "cases": {...}}}
   */
  public ObjectNode run(Corpus corpus) {
    ObjectNode out = JSON.objectNode();
    out.put("runner", "d1-java");
    ObjectNode cases = out.putObject("cases");
    for (Corpus.Case c : corpus.cases()) {
      cases.set(c.name(), runCase(c));
    }
    return out;
  }

  private ArrayNode runCase(Corpus.Case c) {
    ArrayNode outcomes = JSON.arrayNode();
    try (D1Database db = databases.get()) {
      try {
        for (String sql : c.setup()) {
          db.prepare(sql).run();
        }
      } catch (RuntimeException e) {
        outcomes.addObject().put("error", "setup failed: " + e.getMessage());
        return outcomes;
      }
      for (JsonNode call : c.calls()) {
        ObjectNode outcome = outcomes.addObject();
        try {
          outcome.set("value", call(db, call));
        } catch (RuntimeException e) {
          outcome.put("error", message(e));
        }
      }
    }
    return outcomes;
  }

  private static String message(RuntimeException e) {
    return e instanceof io.github.d1java.D1Exception
        ? e.getMessage()
        : e.getClass().getName() + ": " + e.getMessage();
  }

  private JsonNode call(D1Database db, JsonNode call) {
    String op = call.get("op").asText();
    switch (op) {
      case "all":
        return result(statement(db, call).all());
      case "run":
        return result(statement(db, call).run());
      case "first":
        return json(statement(db, call).first());
      case "firstCol":
        return json(statement(db, call).first(call.get("column").asText()));
      case "raw":
        return json(statement(db, call).raw());
      case "rawCols":
        return json(statement(db, call).raw(true));
      case "batch":
        {
          List<D1PreparedStatement> statements = new ArrayList<>();
          for (JsonNode s : call.get("statements")) {
            statements.add(statement(db, s));
          }
          ArrayNode results = JSON.arrayNode();
          for (D1Result<Map<String, Object>> r : db.batch(statements)) {
            results.add(result(r));
          }
          return results;
        }
      case "session":
        return session(db, call);
      case "exec":
        return JSON.objectNode()
            .put("count", db.exec(Corpus.expand(call.get("sql").asText())).count());
      default:
        throw new IllegalArgumentException("unknown op " + op);
    }
  }

  /**
   * A session's bookmark before and after each statement, described as {@code {"kind", "order"}}:
   * kind is null, {@code "given"} (the string the session started from), {@code "bookmark"} (D1's
   * format) or the string itself; order compares it with the previous bookmark.
   */
  private static JsonNode session(D1Database db, JsonNode call) {
    String constraint = call.has("constraint") ? call.get("constraint").asText() : null;
    D1DatabaseSession s = constraint == null ? db.withSession() : db.withSession(constraint);
    ArrayNode marks = JSON.arrayNode();
    String previous = mark(marks, s.getBookmark(), null, constraint);
    for (JsonNode st : call.get("statements")) {
      s.prepare(Corpus.expand(st.get("sql").asText())).run();
      previous = mark(marks, s.getBookmark(), previous, constraint);
    }
    return marks;
  }

  private static String mark(ArrayNode marks, String bookmark, String previous, String given) {
    ObjectNode m = marks.addObject();
    if (bookmark == null) {
      m.putNull("kind");
    } else if (bookmark.equals(given)) {
      m.put("kind", "given");
    } else if (D1Bookmarks.isBookmark(bookmark)) {
      m.put("kind", "bookmark");
    } else {
      m.put("kind", bookmark);
    }
    if (previous == null || bookmark == null) {
      m.putNull("order");
    } else {
      int c = bookmark.compareTo(previous);
      m.put("order", c > 0 ? "greater" : c == 0 ? "same" : "less");
    }
    return bookmark;
  }

  private D1PreparedStatement statement(D1Database db, JsonNode call) {
    D1PreparedStatement st = db.prepare(Corpus.expand(call.get("sql").asText()));
    JsonNode params = call.get("params");
    return params == null ? st : st.bind(params(params).toArray());
  }

  /**
   * The Java bind values for a corpus {@code params} array: integers become {@link Long}s, decimals
   * {@link Double}s, {@code {"blob": [..]}} a {@code byte[]}, {@code {"double": "NaN"}} a special
   * double, {@code {"bigint": "10"}} a {@link BigInteger}, {@code {"object": {..}}} a {@code Map},
   * {@code {"list": [..]}} a {@code List}, {@code {"repeat": v, "times": n}} n copies of v, and
   * strings are {@link Corpus#expand expanded}.
   *
   * @param params the JSON array
   * @return the values
   */
  List<Object> params(JsonNode params) {
    List<Object> out = new ArrayList<>();
    for (JsonNode p : params) {
      if (p.isObject() && p.has("repeat")) {
        Object v = param(p.get("repeat"));
        for (int i = 0; i < p.get("times").asInt(); i++) {
          out.add(v);
        }
      } else {
        out.add(param(p));
      }
    }
    return out;
  }

  private Object param(JsonNode p) {
    if (p.isNull()) {
      return null;
    }
    if (p.isBoolean()) {
      return p.booleanValue();
    }
    if (p.isIntegralNumber()) {
      return p.longValue();
    }
    if (p.isNumber()) {
      return p.doubleValue();
    }
    if (p.isTextual()) {
      return Corpus.expand(p.asText());
    }
    if (p.has("blob")) {
      byte[] bytes = new byte[p.get("blob").size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) p.get("blob").get(i).asInt();
      }
      return bytes;
    }
    if (p.has("double")) {
      return Double.parseDouble(p.get("double").asText());
    }
    if (p.has("bigint")) {
      return new BigInteger(p.get("bigint").asText());
    }
    if (p.has("object")) {
      return mapper.convertValue(p.get("object"), Map.class);
    }
    if (p.has("list")) {
      return mapper.convertValue(p.get("list"), List.class);
    }
    throw new IllegalArgumentException("unknown param " + p);
  }

  private static ObjectNode result(D1Result<Map<String, Object>> r) {
    ObjectNode out = JSON.objectNode();
    out.set("results", json(r.results()));
    D1Meta m = r.meta();
    out.putObject("meta")
        .put("changes", m.changes())
        .put("last_row_id", m.lastRowId())
        .put("changed_db", m.changedDb())
        .put("rows_read", m.rowsRead())
        .put("rows_written", m.rowsWritten());
    return out;
  }

  /**
   * A read value as JSON: Long, Double, String, {@code byte[]} (array of unsigned bytes), null, and
   * maps and lists of those.
   *
   * @param v the value
   * @return the JSON node
   */
  static JsonNode json(Object v) {
    if (v == null) {
      return JSON.nullNode();
    }
    if (v instanceof Long) {
      return JSON.numberNode((Long) v);
    }
    if (v instanceof Double) {
      return JSON.numberNode((Double) v);
    }
    if (v instanceof String) {
      return JSON.textNode((String) v);
    }
    if (v instanceof Boolean) {
      return JSON.booleanNode((Boolean) v);
    }
    if (v instanceof byte[]) {
      ArrayNode a = JSON.arrayNode();
      for (byte b : (byte[]) v) {
        a.add(b & 0xff);
      }
      return a;
    }
    if (v instanceof Map) {
      ObjectNode o = JSON.objectNode();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        o.set(String.valueOf(e.getKey()), json(e.getValue()));
      }
      return o;
    }
    if (v instanceof List) {
      ArrayNode a = JSON.arrayNode();
      for (Object o : (List<?>) v) {
        a.add(json(o));
      }
      return a;
    }
    throw new IllegalArgumentException("unexpected value type " + v.getClass().getName());
  }
}
