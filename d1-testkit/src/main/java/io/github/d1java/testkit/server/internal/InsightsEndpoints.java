package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.D1Database;
import io.github.d1java.D1Exception;
import io.github.d1java.testkit.server.internal.FakeState.Db;
import io.github.d1java.testkit.server.internal.FakeState.QueryStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Query insights: {@code GET /d1/database/{id}/insights} and the account-wide {@code GET
 * /d1/insights}, from the queries this fake ran. Each query text reports its executions, rows read,
 * written and returned, and time; the recommendations name a {@code CREATE INDEX} for a column a
 * query filters on ({@code WHERE col =}, {@code <}, {@code >}, {@code IN}) that no index leads
 * with, with the rows read by those queries as {@code cost_impact}. {@code limit} (1-100, default
 * 20) and {@code cursor} page the queries, most rows read first.
 *
 * <p>Cloudflare's documented shapes still differ between pages; this one is the fake's: {@code
 * {queries: [...], recommendations: [...]}} with {@code result_info.cursor} (null on the last
 * page).
 */
final class InsightsEndpoints implements Endpoints {

  private static final Pattern DB_PATH = Pattern.compile("/d1/database/([^/]+)/insights");
  private static final Pattern FILTER =
      Pattern.compile(
          "\\bFROM\\s+\"?(\\w+)\"?.*?\\bWHERE\\s+\"?(\\w+)\"?\\s*(?:=|<|>|\\bIN\\b)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final FakeState state;

  InsightsEndpoints(FakeState state) {
    this.state = state;
  }

  @Override
  public Reply handle(ApiRequest req) {
    List<Db> dbs;
    Matcher m = DB_PATH.matcher(req.path());
    if (m.matches()) {
      dbs = List.of(state.byUuid(Json.decode(m.group(1))));
    } else if (req.path().equals("/d1/insights")) {
      dbs = state.all();
    } else {
      return null;
    }
    if (!req.method().equals("GET")) {
      throw ApiError.noRoute();
    }
    int limit = Json.intParam(req.query(), "limit", 20, 1, 100);
    int from = Json.intParam(req.query(), "cursor", 0, 0, Integer.MAX_VALUE);
    List<Map.Entry<Db, QueryStats>> queries = new ArrayList<>();
    ArrayNode recommendations = Json.MAPPER.createArrayNode();
    for (Db d : dbs) {
      synchronized (d) {
        d.stats.values().forEach(q -> queries.add(Map.entry(d, q)));
        recommend(d, recommendations);
      }
    }
    queries.sort(
        Comparator.comparingLong((Map.Entry<Db, QueryStats> e) -> -e.getValue().rowsRead)
            .thenComparing(e -> e.getValue().sql));
    ObjectNode result = Json.MAPPER.createObjectNode();
    ArrayNode items = result.putArray("queries");
    for (int i = from; i < Math.min(queries.size(), from + limit); i++) {
      Db d = queries.get(i).getKey();
      QueryStats q = queries.get(i).getValue();
      items
          .addObject()
          .put("database_id", d.uuid)
          .put("query", q.sql)
          .put("count", q.count)
          .put("sum_rows_read", q.rowsRead)
          .put("sum_rows_written", q.rowsWritten)
          .put("sum_rows_returned", q.rowsReturned)
          .put("sum_query_duration_ms", q.durationMs);
    }
    result.set("recommendations", recommendations);
    ObjectNode env = Json.envelope(result);
    ObjectNode info = env.putObject("result_info").put("count", items.size());
    if (from + limit < queries.size()) {
      info.put("cursor", Integer.toString(from + limit));
    } else {
      info.putNull("cursor");
    }
    return Json.reply(200, env);
  }

  private static void recommend(Db d, ArrayNode out) {
    Map<String, long[]> impact = new LinkedHashMap<>();
    for (QueryStats q : d.stats.values()) {
      Matcher m = FILTER.matcher(q.sql);
      if (!m.find() || q.sql.toUpperCase(Locale.ROOT).startsWith("CREATE")) {
        continue;
      }
      String table = m.group(1);
      String column = m.group(2);
      if (!needsIndex(d.db, table, column)) {
        continue;
      }
      impact.computeIfAbsent(table + "\u0000" + column, k -> new long[1])[0] += q.rowsRead;
    }
    for (Map.Entry<String, long[]> e : impact.entrySet()) {
      String[] tc = e.getKey().split("\u0000");
      ObjectNode r =
          out.addObject()
              .put("database_id", d.uuid)
              .put("type", "create_index")
              .put("table", tc[0]);
      r.putArray("columns").add(tc[1]);
      r.put(
          "sql",
          "CREATE INDEX IF NOT EXISTS idx_"
              + tc[0]
              + "_"
              + tc[1]
              + " ON "
              + tc[0]
              + "("
              + tc[1]
              + ")");
      r.put("cost_impact", e.getValue()[0]);
    }
  }

  /** Whether {@code column} is a real column of {@code table} that no index leads with. */
  private static boolean needsIndex(D1Database db, String table, String column) {
    try {
      boolean found = false;
      for (Map<String, Object> c :
          db.prepare("PRAGMA table_info(\"" + table + "\")").all().results()) {
        if (column.equalsIgnoreCase(String.valueOf(c.get("name")))) {
          found = true;
          if (((Number) c.get("pk")).intValue() == 1
              && "INTEGER".equalsIgnoreCase(String.valueOf(c.get("type")))) {
            return false; // the rowid
          }
        }
      }
      if (!found) {
        return false;
      }
      for (Map<String, Object> i :
          db.prepare("PRAGMA index_list(\"" + table + "\")").all().results()) {
        List<Map<String, Object>> cols =
            db.prepare("PRAGMA index_info(\"" + i.get("name") + "\")").all().results();
        for (Map<String, Object> c : cols) {
          if (((Number) c.get("seqno")).intValue() == 0
              && column.equalsIgnoreCase(String.valueOf(c.get("name")))) {
            return false;
          }
        }
      }
      return true;
    } catch (D1Exception e) {
      return false; // no such table, or a pragma the engine refuses
    }
  }
}
