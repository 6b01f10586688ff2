package io.github.d1java.cli.internal;

import io.github.d1java.D1Database;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.cli.D1Command;
import io.github.d1java.sql.SqlSplitter;
import io.github.d1java.sql.SqlStatement;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.wrangler.D1DatabaseConfig;
import io.github.d1java.wrangler.ImportOptions;
import io.github.d1java.wrangler.ImportSummary;
import io.github.d1java.wrangler.SqlImport;
import io.github.d1java.wrangler.SqlProgress;
import io.github.d1java.wrangler.StatementListener;
import io.github.d1java.wrangler.WranglerException;
import io.github.d1java.wrangler.WranglerProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code d1 execute <database> --command|--file}: runs SQL against a local database. */
@Command(
    name = "execute",
    description = "Execute a command or SQL file against a local database.",
    mixinStandardHelpOptions = true)
public final class ExecuteCommand implements Callable<Integer> {

  @ParentCommand private D1Command root;

  @Parameters(index = "0", paramLabel = "<database>", description = "Database name or binding.")
  private String database;

  @Option(
      names = "--command",
      description = "The SQL query you wish to execute, or multiple queries separated by ';'.")
  private String command;

  @Option(names = "--file", description = "A .sql file to ingest; any size, split as it is read.")
  private Path file;

  @Option(names = "--local", description = "Execute against the local database (the default).")
  private boolean local;

  @Option(
      names = "--remote",
      description =
          "Execute against the remote database (CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID).")
  private boolean remote;

  @Option(names = "--preview", description = "With --remote: use the preview_database_id.")
  private boolean preview;

  @Option(
      names = "--persist-to",
      description = "Folder of the local state (default: .wrangler/state beside the config).")
  private String persistTo;

  @Mixin private JsonOption jsonOption;

  @Option(
      names = {"-y", "--yes"},
      description = "Skip the confirmation of remote --file imports.")
  private boolean yes;

  @Option(
      names = "--progress",
      description = "Draw a progress bar for --file even when stderr is not a terminal.")
  private boolean progress;

  @Option(
      names = "--direct",
      description =
          "Local --file through plain SQLite, without D1's authorizer and limits"
              + " (1.1x to 1.3x faster).")
  private boolean direct;

  @Option(
      names = "--chunk-size",
      paramLabel = "<statements>",
      description =
          "Statements per transaction for --file (default ${DEFAULT-VALUE}); 0 runs the"
              + " file as one transaction.",
      defaultValue = "" + ImportOptions.DEFAULT_CHUNK_STATEMENTS)
  private int chunkSize;

  @Option(
      names = "--resume",
      description =
          "Continue an interrupted local --file import of the same file after its last"
              + " committed chunk (recorded beside the database).")
  private boolean resume;

  @Option(
      names = "--replace-invalid-utf8",
      description =
          "Store bytes of a --file that are not UTF-8 as U+FFFD instead of refusing the" + " file.")
  private boolean replaceInvalidUtf8;

  @Override
  public Integer call() {
    CliContext ctx = root.context();
    if (command != null && file != null) {
      throw new WranglerException("Error: can't provide both --command and --file.");
    }
    if (command == null && file == null) {
      throw new WranglerException(
          "Missing required option --command or --file. Provide a SQL command inline with"
              + " --command=\"<SQL>\", or a path to a SQL file with --file=<path>.");
    }
    if (local && remote) {
      throw new WranglerException("Error: can't use --local and --remote at the same time");
    }
    if (preview && !remote) {
      throw new WranglerException("Cannot use --preview without --remote.");
    }
    if (persistTo != null && !local) {
      throw new WranglerException("Error: can't use --persist-to without --local");
    }
    if (chunkSize < 0) {
      throw new WranglerException("--chunk-size must be 0 or more: " + chunkSize);
    }
    if ((resume || replaceInvalidUtf8) && file == null) {
      throw new WranglerException(
          "--resume and --replace-invalid-utf8 apply to --file imports only.");
    }
    if (resume && remote) {
      throw new WranglerException("--resume applies to local --file imports only.");
    }
    if (remote) {
      return new RemoteExecute(root, database, preview, jsonOption.on(), progress, yes)
          .run(command, file);
    }
    WranglerProject project = root.project();
    D1DatabaseConfig config = project.database(database);
    if (file != null) {
      requireReadableFile(ctx.cwd().resolve(file));
    }
    if (!jsonOption.on()) {
      ctx.out().println(Output.localLine("Executing on", ctx, project, config, persistTo));
      ctx.out()
          .println(
              "🌀 To execute on your remote database, add a --remote flag to your d1 command.");
    }
    List<Map<String, Object>> results;
    long statements;
    try (D1Database db =
        file != null ? openForImport(project) : project.openLocal(database, persistTo)) {
      if (command != null) {
        results = runCommand(db);
        statements = results.size();
      } else {
        long start = System.nanoTime();
        List<Map<String, Object>> each = new ArrayList<>();
        StatementListener listener =
            jsonOption.on() ? (st, r) -> each.add(Output.localResult(r)) : StatementListener.NONE;
        ImportSummary summary = runFile(ctx, db, listener);
        statements = summary.statements();
        // wrangler prints each statement's result with --json, a summary otherwise
        results =
            jsonOption.on()
                ? each
                : List.of(summaryResult(summary, (System.nanoTime() - start) / 1e6));
      }
    }
    if (!jsonOption.on()) {
      ctx.out().println(Output.executed(statements));
    }
    if (jsonOption.on()) {
      ctx.out().println(Json.stringify(results));
    } else {
      Output.printResults(ctx, results);
    }
    ctx.out().flush();
    return 0;
  }

  /**
   * Opens the local database as {@link WranglerProject#openLocal} does, without read-only
   * connections: an import runs on the writer alone, so a pool of readers would only cost their
   * opening and closing.
   */
  private D1Database openForImport(WranglerProject project) {
    Path db = project.localFile(database, persistTo);
    try {
      Files.createDirectories(db.getParent());
    } catch (IOException e) {
      throw new WranglerException("Could not create " + db.getParent() + ": " + e.getMessage(), e);
    }
    return D1Sqlite.builder().file(db).readers(0).build();
  }

  private List<Map<String, Object>> runCommand(D1Database db) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (D1Result<Map<String, Object>> r : batch(db, command)) {
      out.add(Output.localResult(r));
    }
    return out;
  }

  /** Splits {@code sql} and runs it as one batch, as wrangler runs {@code --command}. */
  static List<D1Result<Map<String, Object>>> batch(D1Database db, String sql) {
    List<SqlStatement> statements = SqlSplitter.stripTransaction(SqlSplitter.statements(sql));
    if (statements.isEmpty()) {
      throw new WranglerException("No SQL statements detected.");
    }
    List<D1PreparedStatement> prepared = new ArrayList<>();
    for (SqlStatement s : statements) {
      prepared.add(db.prepare(s.sql()));
    }
    return db.batch(prepared);
  }

  /**
   * Checks {@code --file} before anything is printed, so that a wrong path is the only output.
   *
   * @throws WranglerException naming the file when it is missing, a folder or unreadable
   */
  static void requireReadableFile(Path path) {
    if (Files.isDirectory(path)) {
      throw new WranglerException(
          "Unable to read SQL text file \"" + path + "\": it is a folder, not a file.");
    }
    if (!Files.exists(path)) {
      throw new WranglerException("Unable to read SQL text file \"" + path + "\": no such file.");
    }
    if (!Files.isReadable(path)) {
      throw new WranglerException(
          "Unable to read SQL text file \"" + path + "\": permission denied.");
    }
  }

  private ImportSummary runFile(CliContext ctx, D1Database db, StatementListener listener) {
    Path path = ctx.cwd().resolve(file);
    ImportOptions options =
        (chunkSize == 0
                ? ImportOptions.SINGLE_TRANSACTION
                : new ImportOptions(chunkSize, ImportOptions.DEFAULT_CHUNK_CHARS))
            .withDirect(direct)
            .withResume(resume)
            .withReplaceInvalidUtf8(replaceInvalidUtf8);
    ProgressBar bar =
        progress || ctx.errTty() ? new ProgressBar(ctx.err(), "B", System::nanoTime) : null;
    try {
      return SqlImport.run(db, path, options, bar != null ? bar : SqlProgress.NONE, listener);
    } finally {
      if (bar != null) {
        bar.finish();
      }
    }
  }

  /**
   * The summary row, in the shape of wrangler's remote file import. SQLite has no read counter, so
   * "Rows read" is 0 locally; "Rows written" is the rows the file changed.
   */
  private static Map<String, Object> summaryResult(ImportSummary summary, double durationMs) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Total queries executed", summary.statements());
    row.put("Rows read", 0L);
    row.put("Rows written", summary.changes());
    row.put("Database size (MB)", String.format(Locale.ROOT, "%.2f", summary.sizeAfter() / 1e6));
    return Output.localResult(List.of(row), durationMs);
  }
}
