package io.github.d1java.cli.internal;

import io.github.d1java.D1Database;
import io.github.d1java.cli.D1Command;
import io.github.d1java.migrations.D1Migration;
import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.migrations.D1ScriptException;
import io.github.d1java.wrangler.D1DatabaseConfig;
import io.github.d1java.wrangler.WranglerException;
import io.github.d1java.wrangler.WranglerProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code d1 migrations create|list|apply}: wrangler's migrations on local databases. */
@Command(
    name = "migrations",
    description = "Interact with D1 migrations.",
    mixinStandardHelpOptions = true,
    subcommands = {
      MigrationsCommand.Create.class,
      MigrationsCommand.ListCommand.class,
      MigrationsCommand.Apply.class
    })
public final class MigrationsCommand implements Runnable {

  @ParentCommand private D1Command root;

  @Override
  public void run() {
    new CommandLine(this).usage(root.context().out());
  }

  D1Command root() {
    return root;
  }

  static D1Migrations migrations(WranglerProject project, D1DatabaseConfig db) {
    return D1Migrations.builder()
        .directory(project.config().migrationsDir(db))
        .table(db.migrationsTable())
        .pattern(db.relativeMigrationsPattern())
        .build();
  }

  /** {@code d1 migrations create <database> <message>}. */
  @Command(
      name = "create",
      description = "Create a new migration file.",
      mixinStandardHelpOptions = true)
  public static final class Create implements Callable<Integer> {
    @ParentCommand private MigrationsCommand parent;

    @Parameters(index = "0", paramLabel = "<database>", description = "Database name or binding.")
    private String database;

    @Parameters(index = "1", paramLabel = "<message>", description = "The migration's name.")
    private String message;

    @Override
    public Integer call() throws Exception {
      CliContext ctx = parent.root().context();
      if (message.contains("/") || message.contains("\\")) {
        throw new WranglerException(
            "The migration message \"" + message + "\" may not contain '/' or '\\'.");
      }
      WranglerProject project = parent.root().project();
      D1Migrations migrations = migrations(project, project.database(database));
      Files.createDirectories(migrations.directory());
      D1Migration created = migrations.create(message);
      ctx.out().println("✅ Successfully created Migration '" + created.name() + "'!");
      ctx.out().println();
      ctx.out().println("The migration is available for editing here");
      ctx.out().println(created.path().toAbsolutePath());
      return 0;
    }
  }

  /** Options and flow shared by list and apply. */
  abstract static class Target implements Callable<Integer> {
    @ParentCommand private MigrationsCommand parent;

    @Parameters(index = "0", paramLabel = "<database>", description = "Database name or binding.")
    private String database;

    @Option(names = "--local", description = "Use the local database (the default).")
    private boolean local;

    @Option(
        names = "--remote",
        description = "Use the remote database (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID).")
    private boolean remote;

    @Option(names = "--persist-to", description = "Folder of the local state.")
    private String persistTo;

    @Override
    public Integer call() {
      if (local && remote) {
        throw new WranglerException("Error: can't use --local and --remote at the same time");
      }
      if (persistTo != null && !local) {
        throw new WranglerException("Error: can't use --persist-to without --local");
      }
      CliContext ctx = parent.root().context();
      WranglerProject project = parent.root().project();
      D1Migrations migrations = migrations(project, project.database(database));
      Path dir = migrations.directory().toAbsolutePath();
      if (!Files.isDirectory(dir)) {
        throw new WranglerException("No migrations present at " + dir + ".");
      }
      try (D1Database db =
          remote
              ? project.openRemote(parent.root().account(), database)
              : project.openLocal(database, persistTo)) {
        List<D1Migration> pending = migrations.unapplied(db);
        if (pending.isEmpty()) {
          ctx.out().println("✅ No migrations to apply!");
          return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (D1Migration m : pending) {
          rows.add(List.of(m.name()));
        }
        ctx.out().println("Migrations to be applied:");
        ctx.out().print(BoxTable.render(List.of("Name"), rows));
        run(ctx, migrations, db, pending);
      }
      return 0;
    }

    abstract void run(
        CliContext ctx, D1Migrations migrations, D1Database db, List<D1Migration> pending);
  }

  /** {@code d1 migrations list <database>}. */
  @Command(
      name = "list",
      description = "List unapplied migrations.",
      mixinStandardHelpOptions = true)
  public static final class ListCommand extends Target {
    @Override
    void run(CliContext ctx, D1Migrations migrations, D1Database db, List<D1Migration> pending) {
      // the pending table is the whole output
    }
  }

  /** {@code d1 migrations apply <database>}. */
  @Command(
      name = "apply",
      description = "Apply unapplied migrations.",
      mixinStandardHelpOptions = true)
  public static final class Apply extends Target {
    @Override
    void run(CliContext ctx, D1Migrations migrations, D1Database db, List<D1Migration> pending) {
      List<List<String>> status = new ArrayList<>();
      try {
        migrations.apply(db, m -> status.add(List.of(m.name(), "✅")));
      } catch (D1ScriptException e) {
        String failed = pending.get(status.size()).name();
        status.add(List.of(failed, "❌"));
        ctx.out().print(BoxTable.render(List.of("name", "status"), status));
        ctx.out().println("Migration " + failed + " failed with the following errors:");
        ctx.out().flush();
        throw e;
      }
      ctx.out().print(BoxTable.render(List.of("name", "status"), status));
    }
  }
}
