package io.github.d1java.cli.internal;

import io.github.d1java.cli.D1Command;
import io.github.d1java.remote.D1Account;
import io.github.d1java.remote.D1DatabaseInfo;
import io.github.d1java.wrangler.WranglerException;
import io.github.d1java.wrangler.WranglerProject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The remote-only database commands: {@code d1 create|list|info|delete}. */
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

    @Option(names = "--binding", description = "The binding name to print in the config snippet.")
    private String binding;

    @Override
    public Integer call() {
      CliContext ctx = root.context();
      if (location != null
          && !List.of("weur", "eeur", "apac", "oc", "wnam", "enam").contains(location)) {
        throw new WranglerException(
            "Invalid values:\n  Argument: location, Given: \"" + location
                + "\", Choices: \"weur\", \"eeur\", \"apac\", \"oc\", \"wnam\", \"enam\"");
      }
      D1DatabaseInfo db = root.account().create(name, location);
      String region = db.region() != null ? " in region " + db.region() : "";
      ctx.out().println("✅ Successfully created DB '" + db.name() + "'" + region);
      ctx.out().println("Created your new D1 database.");
      ctx.out().println();
      ctx.out().println(
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
      List<String> columns = List.of("uuid", "name", "created_at", "version", "num_tables", "file_size");
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
  @Command(name = "info", description = "Get information about a D1 database.", mixinStandardHelpOptions = true)
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
          account.get(id).orElseThrow(() -> new WranglerException("Couldn't find DB with name '" + name + "'"));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("uuid", info.uuid());
      m.put("name", info.name());
      Remote.putIfPresent(m, "created_at", info.createdAt());
      Remote.putIfPresent(m, "num_tables", info.numTables());
      Remote.putIfPresent(m, "running_in_region", info.region());
      Remote.putIfPresent(m, "database_size", info.fileSize());
      if (jsonOption.on()) {
        ctx.out().println(Json.stringify(m));
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      m.forEach((k, v) -> {
        if (!k.equals("uuid")) {
          rows.add(List.of(k, String.valueOf(v)));
        }
      });
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

    @Option(names = {"-y", "--skip-confirmation"}, description = "Skip confirmation.")
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
}
