package io.github.d1java.testkit.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.d1java.testkit.server.RecordedRequest;
import io.github.d1java.testkit.server.internal.FakeState.Db;
import io.github.d1java.testkit.server.internal.FakeState.QueryStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /graphql}, only as far as wrangler's {@code d1 info} and {@code d1 insights} read it:
 * the datasets {@code d1AnalyticsAdaptiveGroups} (read and write queries, rows read and written)
 * and {@code d1QueriesAdaptiveGroups} (per query text: sums, averages, count; {@code limit} and
 * {@code orderBy} honoured), for the database named by {@code variables.filter.AND[0].databaseId},
 * from the queries this fake ran. The time filter is ignored: every query counts. Anything else is
 * answered with a GraphQL error.
 */
final class GraphqlEndpoint {

  private static final Pattern LIMIT =
      Pattern.compile("d1QueriesAdaptiveGroups\\(limit:\\s*(\\d+)");
  private static final Pattern ORDER = Pattern.compile("orderBy:\\s*\\[\\s*(\\w+)\\s*\\]");

  private final FakeState state;

  GraphqlEndpoint(FakeState state) {
    this.state = state;
  }

  /** The reply, or null when the request is not for {@code /graphql}. */
  Reply handle(RecordedRequest req) {
    if (!req.path().endsWith("/graphql")) {
      return null;
    }
    if (!req.method().equals("POST")) {
      throw ApiError.noRoute();
    }
    if (!("Bearer " + state.config.apiToken()).equals(req.header("authorization"))) {
      throw new ApiError(401, 10000, "Authentication error");
    }
    JsonNode body = Json.body(req);
    String query = body.path("query").asText("");
    String id =
        body.path("variables").path("filter").path("AND").path(0).path("databaseId").asText("");
    Db d = state.find(id);
    ObjectNode out = Json.MAPPER.createObjectNode();
    ObjectNode account = out.putObject("data").putObject("viewer").putArray("accounts").addObject();
    if (query.contains("d1QueriesAdaptiveGroups")) {
      account.set("d1QueriesAdaptiveGroups", queries(d, query));
    } else if (query.contains("d1AnalyticsAdaptiveGroups")) {
      account.set("d1AnalyticsAdaptiveGroups", analytics(d));
    } else {
      out.remove("data");
      out.putArray("errors").addObject().put("message", "FakeD1Server answers only D1 datasets");
      return Json.reply(200, out);
    }
    out.putNull("errors");
    return Json.reply(200, out);
  }

  private static List<QueryStats> stats(Db d) {
    if (d == null) {
      return List.of();
    }
    synchronized (d) {
      return new ArrayList<>(d.stats.values());
    }
  }

  private static ArrayNode analytics(Db d) {
    long reads = 0;
    long writes = 0;
    long rowsRead = 0;
    long rowsWritten = 0;
    for (QueryStats q : stats(d)) {
      String first = q.sql.stripLeading().toUpperCase(Locale.ROOT);
      if (first.startsWith("SELECT") || first.startsWith("WITH") || first.startsWith("EXPLAIN")) {
        reads += q.count;
      } else {
        writes += q.count;
      }
      rowsRead += q.rowsRead;
      rowsWritten += q.rowsWritten;
    }
    ArrayNode groups = Json.MAPPER.createArrayNode();
    ObjectNode g = groups.addObject();
    g.putObject("sum")
        .put("readQueries", reads)
        .put("writeQueries", writes)
        .put("rowsRead", rowsRead)
        .put("rowsWritten", rowsWritten);
    g.putObject("dimensions").putNull("datetimeHour");
    return groups;
  }

  private static ArrayNode queries(Db d, String query) {
    List<QueryStats> all = stats(d);
    Matcher order = ORDER.matcher(query);
    if (order.find()) {
      String[] parts = order.group(1).split("_");
      boolean desc = parts[parts.length - 1].equals("DESC");
      boolean avg = parts[0].equals("avg");
      String field = parts.length == 2 ? parts[0] : parts[1];
      Comparator<QueryStats> c =
          Comparator.comparingDouble(
              q -> {
                double v;
                switch (field) {
                  case "rowsRead":
                    v = q.rowsRead;
                    break;
                  case "rowsWritten":
                    v = q.rowsWritten;
                    break;
                  case "count":
                    return q.count;
                  default:
                    v = q.durationMs;
                }
                return avg ? v / q.count : v;
              });
      all.sort(desc ? c.reversed() : c);
    }
    Matcher limit = LIMIT.matcher(query);
    int n = limit.find() ? Integer.parseInt(limit.group(1)) : all.size();
    ArrayNode groups = Json.MAPPER.createArrayNode();
    for (QueryStats q : all.subList(0, Math.min(n, all.size()))) {
      ObjectNode g = groups.addObject();
      g.putObject("sum")
          .put("queryDurationMs", q.durationMs)
          .put("rowsRead", q.rowsRead)
          .put("rowsWritten", q.rowsWritten)
          .put("rowsReturned", q.rowsReturned);
      g.putObject("avg")
          .put("queryDurationMs", q.durationMs / q.count)
          .put("rowsRead", (double) q.rowsRead / q.count)
          .put("rowsWritten", (double) q.rowsWritten / q.count)
          .put("rowsReturned", (double) q.rowsReturned / q.count);
      g.put("count", q.count);
      g.putObject("dimensions").put("query", q.sql);
    }
    return groups;
  }
}
