package io.github.d1java.cli.internal;

import io.github.d1java.D1Result;
import io.github.d1java.wrangler.D1DatabaseConfig;
import io.github.d1java.wrangler.WranglerProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Output shared by the commands: wrangler's result shapes, tables and log lines. */
final class Output {

  private Output() {}

  /**
   * A statement result as {@code wrangler d1 execute --local} prints it: {@code {results, success,
   * meta: {duration}}}.
   *
   * @param result the D1 result
   * @return the JSON-ready map
   */
  public static Map<String, Object> localResult(D1Result<Map<String, Object>> result) {
    return localResult(result.results(), result.meta().duration());
  }

  /**
   * @param rows the rows
   * @param duration the duration in milliseconds
   * @return {@code {results, success: true, meta: {duration}}}
   */
  public static Map<String, Object> localResult(List<?> rows, double duration) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("results", rows);
    m.put("success", true);
    m.put("meta", Map.of("duration", duration));
    return m;
  }

  /**
   * Prints results as wrangler does: a table per non-empty result on a terminal, else the JSON.
   *
   * @param ctx the run's context
   * @param results JSON-ready results ({@code {results: [rows...]}})
   */
  @SuppressWarnings("unchecked")
  public static void printResults(CliContext ctx, List<Map<String, Object>> results) {
    if (!ctx.outTty()) {
      ctx.out().println(Json.stringify(results));
      return;
    }
    for (Map<String, Object> r : results) {
      List<Map<String, Object>> rows = (List<Map<String, Object>>) r.get("results");
      if (rows.isEmpty()) {
        continue;
      }
      List<String> columns = new ArrayList<>(rows.get(0).keySet());
      List<List<Object>> values = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        List<Object> line = new ArrayList<>();
        for (String c : columns) {
          line.add(row.get(c));
        }
        values.add(line);
      }
      ctx.out().print(BoxTable.render(columns, BoxTable.cells(values)));
    }
  }

  /**
   * wrangler's line naming the local database being used.
   *
   * @param verb {@code Executing on} or {@code Exporting}
   * @param ctx the run's context
   * @param project the project
   * @param db the database entry
   * @param persistTo the {@code --persist-to} folder, or null
   * @return {@code 🌀 <verb> local database <name> (<id>) from <folder>:}
   */
  public static String localLine(
      String verb, CliContext ctx, WranglerProject project, D1DatabaseConfig db, String persistTo) {
    Path file = project.localFile(db.binding(), persistTo);
    Path d1Dir = file.getParent().getParent();
    Path shown = d1Dir.startsWith(ctx.cwd()) ? ctx.cwd().relativize(d1Dir) : d1Dir;
    String name = db.databaseName() != null ? db.databaseName() : db.binding();
    String id = db.databaseId() != null ? " (" + db.databaseId() + ")" : "";
    return "🌀 " + verb + " local database " + name + id + " from " + shown + ":";
  }

  /**
   * @param n a count of statements
   * @return {@code 🚣 N command(s) executed successfully.}
   */
  public static String executed(long n) {
    return "🚣 " + n + (n == 1 ? " command" : " commands") + " executed successfully.";
  }
}
