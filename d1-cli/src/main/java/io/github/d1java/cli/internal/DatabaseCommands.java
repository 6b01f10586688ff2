package io.github.d1java.cli.internal;

import io.github.d1java.D1LimitExceededException;
import io.github.d1java.cli.D1Command;
import io.github.d1java.remote.D1Account;
import io.github.d1java.remote.D1DatabaseInfo;
import io.github.d1java.remote.D1Insights;
import io.github.d1java.wrangler.WranglerException;
import io.github.d1java.wrangler.WranglerProject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The remote-only database commands: {@code d1 create|list|info|delete|insights}. */
public final class DatabaseCommands {

  private DatabaseCommands() {}

  /** {@code d1 create <name>}. */
  @Command(name = "create", description = "Create a D1 database.", mixinStandardHelpOptions = true)
  public static final class Create implements Callable<Integer> {
    @ParentCommand private D1Command root;

    @Parameters(index = "0", paramLabel = "<name>", description = "The name of the new database.")
    private String name;

    @Option(
        names = "--location",
        description = "A hint for the primary location: weur, eeur, apac, oc, wnam, enam.")
    private String location;

    @Option(
        names = "--jurisdiction",
        description =
            "Keep the database's data in a jurisdiction (the location hint is then ignored): eu,"
                + " fedramp, us.")
    private String jurisdiction;

    @Option(names = "--binding", description = "The binding name to print in the config snippet.")
    private String binding;

    @Override
    public Integer call() {
      CliContext ctx = root.context();
      if (location != null && !D1Account.CreateOptions.LOCATION_HINTS.contains(location)) {
        throw new WranglerException(
            "Invalid values:\n  Argument: location, Given: \""
                + location
                + "\", Choices: \"weur\", \"eeur\", \"apac\", \"oc\", \"wnam\", \"enam\"");
      }
      if (jurisdiction != null && !D1Account.CreateOptions.JURISDICTIONS.contains(jurisdiction)) {
        throw new WranglerException(
            "Invalid values:\n  Argument: jurisdiction, Given: \""
                + jurisdiction
                + "\", Choices: \"eu\", \"fedramp\", \"us\"");
      }
      D1Account account = root.account();
      D1DatabaseInfo db;
      try {
        db =
            account.create(
                D1Account.CreateOptions.named(name)
                    .withPrimaryLocationHint(location)
                    .withJurisdiction(jurisdiction));
      } catch (D1LimitExceededException e) {
        throw new WranglerException(
            "You have reached the maximum number of D1 databases for your account.\n\n"
                + "On the Workers Free plan? Upgrade to create more:\n"
                + "https://dash.cloudflare.com/"
                + account.accountId()
                + "/workers/plans\n\n"
                + "Already on a paid plan? You can request a higher limit, see the D1 limits:\n"
                + "https://developers.cloudflare.com/d1/platform/limits/\n\n"
                + "Or free up space:\n"
                + "To list your existing databases, run: d1 list\n"
                + "To delete a database, run: d1 delete <database-name>",
            e);
      }
      String region =
          db.region() != null
              ? " in region " + db.region()
              : location != null ? " using primary location hint " + location : "";
      ctx.out().println("✅ Successfully created DB '" + db.name() + "'" + region);
      ctx.out().println("Created your new D1 database.");
      ctx.out().println();
      ctx.out()
          .println(
              "To access your new D1 Database in your Worker, add the following snippet to your"
                  + " configuration file:");
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("binding", binding != null ? binding : db.name().replaceAll("[^A-Za-z0-9_]", "_"));
      entry.put("database_name", db.name());
      entry.put("database_id", db.uuid());
      ctx.out().println(Json.stringify(Map.of("d1_databases", List.of(entry))));
      return 0;
    }
  }

  /** {@code d1 list}. */
  @Command(name = "list", description = "List D1 databases.", mixinStandardHelpOptions = true)
  public static final class ListCommand implements Callable<Integer> {
    @ParentCommand private D1Command root;

    @Mixin private JsonOption jsonOption;

    @Override
    public Integer call() {
      CliContext ctx = root.context();
      List<Map<String, Object>> dbs = new ArrayList<>();
      for (D1DatabaseInfo info : root.account().list()) {
        dbs.add(Remote.apiMap(info));
      }
      if (jsonOption.on()) {
        ctx.out().println(Json.stringify(dbs));
        return 0;
      }
      List<String> columns =
          List.of("uuid", "name", "created_at", "version", "num_tables", "file_size");
      List<List<Object>> rows = new ArrayList<>();
      for (Map<String, Object> db : dbs) {
        List<Object> row = new ArrayList<>();
        for (String c : columns) {
          row.add(db.getOrDefault(c, ""));
        }
        rows.add(row);
      }
      ctx.out().print(BoxTable.render(columns, BoxTable.cells(rows)));
      return 0;
    }
  }

  /** {@code d1 info <name>}. */
  @Command(
      name = "info",
      description = "Get information about a D1 database.",
      mixinStandardHelpOptions = true)
  public static final class Info implements Callable<Integer> {
    @ParentCommand private D1Command root;

    @Parameters(index = "0", paramLabel = "<name>", description = "Database name or binding.")
    private String name;

    @Mixin private JsonOption jsonOption;

    @Override
    public Integer call() {
      CliContext ctx = root.context();
      D1Account account = root.account();
      String id = WranglerProject.remoteDatabaseId(root.projectIfAny(), account, name, false);
      D1DatabaseInfo info =
          account
              .get(id)
              .orElseThrow(
                  () -> new WranglerException("Couldn't find DB with name '" + name + "'"));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uuid", info.uuid());
      m.put("name", info.name());
      Remote.putIfPresent(m, "created_at", info.createdAt());
      Remote.putIfPresent(m, "num_tables", info.numTables());
      Remote.putIfPresent(m, "running_in_region", info.region());
      Remote.putIfPresent(m, "database_size", info.fileSize());
      Remote.putIfPresent(m, "jurisdiction", info.jurisdiction());
      if (jsonOption.on()) {
        if (info.readReplication() != null) {
          m.put("read_replication", Map.of("mode", info.readReplication()));
        }
        ctx.out().println(Json.stringify(m));
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      m.forEach(
          (k, v) -> {
            if (!k.equals("uuid")) {
              rows.add(List.of(k, String.valueOf(v)));
            }
          });
      if (info.readReplication() != null) {
        rows.add(List.of("read_replication.mode", info.readReplication()));
      }
      ctx.out().print(BoxTable.render(List.of("DB", info.uuid()), rows));
      return 0;
    }
  }

  /** {@code d1 delete <name>}. */
  @Command(name = "delete", description = "Delete a D1 database.", mixinStandardHelpOptions = true)
  public static final class Delete implements Callable<Integer> {
    @ParentCommand private D1Command root;

    @Parameters(index = "0", paramLabel = "<name>", description = "Database name or binding.")
    private String name;

    @Option(
        names = {"-y", "--skip-confirmation"},
        description = "Skip confirmation.")
    private boolean skipConfirmation;

    @Override
    public Integer call() {
      CliContext ctx = root.context();
      D1Account account = root.account();
      String id = WranglerProject.remoteDatabaseId(root.projectIfAny(), account, name, false);
      ctx.out().println("About to delete DB '" + name + "' (" + id + ").");
      if (!skipConfirmation) {
        Remote.confirm(ctx, "Ok to proceed?");
      }
      ctx.out().println("🌀 Deleting...");
      account.delete(id);
      ctx.out().println("Deleted '" + name + "' successfully.");
      return 0;
    }
  }

  /** {@code d1 insights <name>}: the queries a database ran and the indexes D1 recommends. */
  @Command(
      name = "insights",
      description =
          "Get information about the queries run on a D1 database, and the indexes D1 recommends.",
      mixinStandardHelpOptions = true)
  public static final class Insights implements Callable<Integer> {
    @ParentCommand private D1Command root;

    @Parameters(index = "0", paramLabel = "<name>", description = "Database name or binding.")
    private String name;

    @Option(
        names = {"--limit", "--count"},
        description = "How many queries to show (default: ${DEFAULT-VALUE}).",
        defaultValue = "5")
    private int limit;

    @Option(
        names = "--sort-type",
        description = "sum or avg (default: ${DEFAULT-VALUE}).",
        defaultValue = "sum")
    private String sortType;

    @Option(
        names = "--sort-by",
        description = "time, reads, writes or count (default: ${DEFAULT-VALUE}).",
        defaultValue = "time")
    private String sortBy;

    @Option(
        names = "--sort-direction",
        description = "ASC or DESC (default: ${DEFAULT-VALUE}).",
        defaultValue = "DESC")
    private String sortDirection;

    @Mixin private JsonOption jsonOption;

    @Override
    public Integer call() {
      choice("sort-type", sortType, List.of("sum", "avg"));
      choice("sort-by", sortBy, List.of("time", "reads", "writes", "count"));
      choice("sort-direction", sortDirection, List.of("ASC", "DESC"));
      if (limit < 1 || limit > 100) {
        throw new WranglerException("--limit must be from 1 to 100, got " + limit);
      }
      CliContext ctx = root.context();
      D1Account account = root.account();
      String id = WranglerProject.remoteDatabaseId(root.projectIfAny(), account, name, false);
      D1Insights insights = account.insights(id, 100);
      boolean avg = sortType.equals("avg");
      Comparator<D1Insights.Query> order;
      switch (sortBy) {
        case "reads":
          order = Comparator.comparingDouble(q -> avg ? q.avgRowsRead() : q.rowsRead());
          break;
        case "writes":
          order = Comparator.comparingDouble(q -> avg ? q.avgRowsWritten() : q.rowsWritten());
          break;
        case "count":
          order = Comparator.comparingLong(D1Insights.Query::count);
          break;
        default:
          order = Comparator.comparingDouble(q -> avg ? q.avgDurationMs() : q.durationMs());
      }
      List<D1Insights.Query> queries = new ArrayList<>(insights.queries());
      queries.sort(sortDirection.equals("DESC") ? order.reversed() : order);
      List<Map<String, Object>> output = new ArrayList<>();
      for (D1Insights.Query q : queries.subList(0, Math.min(limit, queries.size()))) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", q.query());
        m.put("avgRowsRead", q.avgRowsRead());
        m.put("totalRowsRead", q.rowsRead());
        m.put("avgRowsWritten", q.avgRowsWritten());
        m.put("totalRowsWritten", q.rowsWritten());
        m.put("avgDurationMs", q.avgDurationMs());
        m.put("totalDurationMs", q.durationMs());
        m.put("numberOfTimesRun", q.count());
        m.put("queryEfficiency", q.efficiency());
        output.add(m);
      }
      ctx.out().println(Json.stringify(output));
      if (!jsonOption.on() && !insights.recommendations().isEmpty()) {
        ctx.out().println();
        ctx.out().println("Recommended indexes (run them with d1 execute " + name + " --remote):");
        for (D1Insights.IndexRecommendation r : insights.recommendations()) {
          ctx.out().println("  " + r.sql() + ";  -- saves up to " + r.costImpact() + " rows read");
        }
      }
      return 0;
    }

    private static void choice(String option, String value, List<String> choices) {
      if (!choices.contains(value)) {
        throw new WranglerException(
            "Invalid values:\n  Argument: "
                + option
                + ", Given: \""
                + value
                + "\", Choices: \""
                + String.join("\", \"", choices)
                + "\"");
      }
    }
  }
}
