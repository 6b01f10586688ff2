package io.github.d1java.cli.internal;

import io.github.d1java.D1Database;
import io.github.d1java.D1Result;
import io.github.d1java.cli.D1Command;
import io.github.d1java.remote.D1Account;
import io.github.d1java.wrangler.WranglerProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code d1 execute --remote}: a command as one batch, a file through D1's import API. */
final class RemoteExecute {

  private final D1Command root;
  private final String database;
  private final boolean preview;
  private final boolean json;
  private final boolean progress;
  private final boolean yes;

  RemoteExecute(
      D1Command root,
      String database,
      boolean preview,
      boolean json,
      boolean progress,
      boolean yes) {
    this.root = root;
    this.database = database;
    this.preview = preview;
    this.json = json;
    this.progress = progress;
    this.yes = yes;
  }

  int run(String command, Path file) {
    CliContext ctx = root.context();
    D1Account account = root.account();
    String id = WranglerProject.remoteDatabaseId(root.projectIfAny(), account, database, preview);
    if (file != null) {
      ExecuteCommand.requireReadableFile(ctx.cwd().resolve(file));
    }
    if (!json) {
      ctx.out().println("🌀 Executing on remote database " + database + " (" + id + "):");
      ctx.out()
          .println(
              "🌀 To execute on your local development database, remove the --remote flag from your"
                  + " d1 command.");
    }
    List<Map<String, Object>> results = new ArrayList<>();
    if (command != null) {
      double total = 0;
      try (D1Database db = account.database(id)) {
        for (D1Result<Map<String, Object>> r : ExecuteCommand.batch(db, command)) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("results", r.results());
          m.put("success", r.success());
          m.put("meta", r.meta().toD1Map());
          results.add(m);
          total += r.meta().duration();
        }
      }
      if (!json) {
        ctx.out()
            .println(
                "🚣 Executed "
                    + results.size()
                    + " commands in "
                    + String.format(Locale.ROOT, "%.2f", total)
                    + "ms");
      }
    } else {
      Path path = ctx.cwd().resolve(file);
      if (!json && !yes) {
        ctx.out()
            .println(
                "⚠️ This process may take some time, during which your D1 database will be unavailable"
                    + " to serve queries.");
        Remote.confirm(ctx, "Ok to proceed?");
      }
      boolean show = !json && (progress || ctx.errTty());
      D1Account.ImportResult r =
          account.importSql(
              id,
              path,
              message -> {
                if (show) {
                  ctx.err().println(message);
                  ctx.err().flush();
                }
              });
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("Total queries executed", r.numQueries());
      row.put("Rows read", r.meta().rowsRead());
      row.put("Rows written", r.meta().rowsWritten());
      row.put("Database size (MB)", String.format(Locale.ROOT, "%.2f", r.meta().sizeAfter() / 1e6));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("results", List.of(row));
      m.put("success", true);
      m.put("finalBookmark", r.finalBookmark());
      m.put("meta", r.meta().toD1Map());
      results.add(m);
      if (!json) {
        ctx.out().println(Output.executed(r.numQueries()));
      }
    }
    if (json) {
      ctx.out().println(Json.stringify(results));
    } else {
      Output.printResults(ctx, results);
    }
    return 0;
  }
}
