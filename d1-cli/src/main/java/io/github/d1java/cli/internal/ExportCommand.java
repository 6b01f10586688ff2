package io.github.d1java.cli.internal;

import io.github.d1java.D1Database;
import io.github.d1java.cli.D1Command;
import io.github.d1java.remote.D1Account;
import io.github.d1java.wrangler.D1DatabaseConfig;
import io.github.d1java.wrangler.ExportOptions;
import io.github.d1java.wrangler.SqlExport;
import io.github.d1java.wrangler.SqlProgress;
import io.github.d1java.wrangler.WranglerException;
import io.github.d1java.wrangler.WranglerProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code d1 export <name> --output <file>}: writes a local database as SQL, wrangler's format. */
@Command(
    name = "export",
    description = "Export the contents or schema of a local database as SQL.",
    mixinStandardHelpOptions = true)
public final class ExportCommand implements Callable<Integer> {

  @ParentCommand private D1Command root;

  @Parameters(index = "0", paramLabel = "<name>", description = "Database name or binding.")
  private String database;

  @Option(
      names = "--output",
      required = true,
      description = "Path to the SQL file for your export.")
  private Path output;

  @Option(names = "--local", description = "Export from the local database (the default).")
  private boolean local;

  @Option(
      names = "--remote",
      description = "Export the remote database (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID).")
  private boolean remote;

  @Option(names = "--table", description = "Table(s) to export (repeatable).")
  private List<String> tables = new ArrayList<>();

  @Option(names = "--no-schema", description = "Only output table contents, not the DB schema.")
  private boolean noSchema;

  @Option(names = "--no-data", description = "Only output table schema, not the contents.")
  private boolean noData;

  @Option(
      names = {"-y", "--skip-confirmation"},
      description = "Skip confirmation (there is none locally).")
  private boolean skipConfirmation;

  @Option(
      names = "--persist-to",
      description = "Folder of the local state (wrangler's export lacks this option).")
  private String persistTo;

  @Option(
      names = "--progress",
      description = "Draw a progress bar even when stderr is not a terminal.")
  private boolean progress;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    ExportOptions options = new ExportOptions(tables, !noSchema, !noData);
    Path target = ctx.cwd().resolve(output);
    if (Files.isDirectory(target)) {
      throw new WranglerException("Please specify a file path for --output, not a directory.");
    }
    if (local && remote) {
      throw new WranglerException("Arguments local and remote are mutually exclusive");
    }
    if (persistTo != null && remote) {
      throw new WranglerException("Error: can't use --persist-to with --remote");
    }
    if (remote) {
      D1Account account = root.account();
      String id = WranglerProject.remoteDatabaseId(root.projectIfAny(), account, database, false);
      if (!skipConfirmation) {
        ctx.out()
            .println(
                "⚠️ This process may take some time, during which your D1 database will be unavailable"
                    + " to serve queries.");
        Remote.confirm(ctx, "Ok to proceed?");
      }
      ctx.out().println("🌀 Executing on remote database " + database + " (" + id + "):");
      account.export(id, target, options.remote());
      ctx.out().println("🌀 Downloaded to " + target + " successfully!");
      return 0;
    }
    WranglerProject project = root.project();
    D1DatabaseConfig config = project.database(database);
    ctx.out().println(Output.localLine("Exporting", ctx, project, config, persistTo));
    ctx.out().println("🌀 To export your remote database, add a --remote flag to your d1 command.");
    ctx.out().println("🌀 Exporting SQL to " + target + "...");
    ctx.out().flush();
    ProgressBar bar =
        progress || ctx.errTty() ? new ProgressBar(ctx.err(), "rows", System::nanoTime) : null;
    try (D1Database db = project.openLocal(database, persistTo)) {
      SqlExport.export(db, target, options, bar != null ? bar : SqlProgress.NONE);
    } finally {
      if (bar != null) {
        bar.finish();
      }
    }
    ctx.out().println("Done!");
    return 0;
  }
}
