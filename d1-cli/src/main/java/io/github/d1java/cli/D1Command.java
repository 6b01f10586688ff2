package io.github.d1java.cli;

import io.github.d1java.D1Exception;
import io.github.d1java.cli.internal.CliContext;
import io.github.d1java.cli.internal.DatabaseCommands;
import io.github.d1java.cli.internal.ExecuteCommand;
import io.github.d1java.cli.internal.ExportCommand;
import io.github.d1java.cli.internal.Json;
import io.github.d1java.cli.internal.MigrationsCommand;
import io.github.d1java.cli.internal.TimeTravelCommand;
import io.github.d1java.cli.internal.WarmUp;
import io.github.d1java.remote.D1Account;
import io.github.d1java.remote.D1Remote;
import io.github.d1java.wrangler.SqlImportException;
import io.github.d1java.wrangler.WranglerConfig;
import io.github.d1java.wrangler.WranglerException;
import io.github.d1java.wrangler.WranglerProject;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code d1} command line: {@code wrangler d1}'s commands, run by Java against the same local
 * files and config: {@code d1 execute}, {@code d1 export}, {@code d1 migrations create|list|apply}
 * (local, or remote with {@code --remote}), and the remote-only {@code d1
 * create|list|info|delete|insights} and {@code d1 time-travel info|restore}. Remote commands read
 * {@code CLOUDFLARE_API_TOKEN} and {@code CLOUDFLARE_ACCOUNT_ID} from the environment.
 *
 * <pre>{@code
 * d1 execute DB --command "SELECT * FROM users"
 * d1 execute DB --file dump.sql --progress
 * d1 export DB --output backup.sql
 * d1 migrations apply DB
 * }</pre>
 *
 * <p>Exit codes: 0 on success, 1 when the command fails (the one-line reason is printed as {@code ✘
 * [ERROR] <reason>} on standard error, or as {@code {"error":{"text":...}}} on standard output with
 * {@code --json}), 2 for a usage error. Not thread-safe: one instance per run.
 */
@Command(
    name = "d1",
    mixinStandardHelpOptions = true,
    version = "d1 0.1.0",
    description = "Cloudflare D1 databases, wrangler-compatible, from Java.",
    subcommands = {
      ExecuteCommand.class,
      ExportCommand.class,
      MigrationsCommand.class,
      DatabaseCommands.Create.class,
      DatabaseCommands.ListCommand.class,
      DatabaseCommands.Info.class,
      DatabaseCommands.Delete.class,
      DatabaseCommands.Insights.class,
      TimeTravelCommand.class,
      io.github.d1java.cli.internal.WorkerCommand.class
    })
public final class D1Command implements Runnable {

  @Option(
      names = {"-c", "--config"},
      description =
          "Path to the wrangler config file (default: wrangler.json, wrangler.jsonc or"
              + " wrangler.toml in the working folder or a parent).")
  private Path config;

  @Option(
      names = "--cwd",
      description = "Run as if started in this folder (resolved against the working folder).")
  private Path cwd;

  @Option(
      names = {"-e", "--env"},
      description = "Environment of the wrangler config to use.")
  private String env;

  /** Where Cloudflare explains how to create an API token (shown when the token is missing). */
  public static final String TOKEN_HELP_URL =
      "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/";

  /** Environment variable: milliseconds between polls of remote imports and exports. */
  public static final String ENV_POLL_INTERVAL_MS = "D1_POLL_INTERVAL_MS";

  private final CliContext context;

  private D1Command(CliContext context) {
    this.context = context;
  }

  /**
   * Runs {@code d1} with the process's streams and working folder, then exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    Path cwd = Path.of("").toAbsolutePath();
    WarmUp.startFor(List.of(args), cwd);
    boolean tty = System.console() != null;
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = commandLine(cwd, System.getenv(), out, err, tty, tty).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Builds the command line for one run, with explicit streams and working folder (for embedding
   * and tests). Call {@link CommandLine#execute(String...)} on the result.
   *
   * @param cwd the working folder; not null
   * @param env environment variables; not null
   * @param out standard output; not null
   * @param err standard error; not null
   * @param outTty whether {@code out} is a terminal: results are drawn as tables, else printed as
   *     JSON (as wrangler does)
   * @param errTty whether {@code err} is a terminal: progress bars are drawn
   * @return the configured command line
   */
  public static CommandLine commandLine(
      Path cwd,
      Map<String, String> env,
      PrintWriter out,
      PrintWriter err,
      boolean outTty,
      boolean errTty) {
    CliContext context =
        new CliContext(
            Objects.requireNonNull(cwd, "cwd").toAbsolutePath(),
            Map.copyOf(Objects.requireNonNull(env, "env")),
            Objects.requireNonNull(out, "out"),
            Objects.requireNonNull(err, "err"),
            outTty,
            errTty);
    CommandLine cl = new CommandLine(new D1Command(context));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          String text = message(e);
          if (commandLine.getParseResult().hasMatchedOption("--json")) {
            out.println(Json.stringify(Map.of("error", Map.of("text", text))));
          } else {
            err.println("✘ [ERROR] " + text);
          }
          out.flush();
          err.flush();
          return 1;
        });
    return cl;
  }

  private static String message(Exception e) {
    if (e instanceof SqlImportException) {
      SqlImportException s = (SqlImportException) e;
      return "Error on line " + s.line() + ": " + s.explanation();
    }
    if (e instanceof D1Exception) {
      return ((D1Exception) e).detail();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  @Override
  public void run() {
    new CommandLine(this).usage(context.out());
  }

  /**
   * @return the run's streams and folder; internal
   */
  public CliContext context() {
    if (cwd == null) {
      return context;
    }
    return new CliContext(
        context.cwd().resolve(cwd).normalize(),
        context.env(),
        context.out(),
        context.err(),
        context.outTty(),
        context.errTty());
  }

  /**
   * The wrangler project of this run: {@code --config} if given, else the config found from the
   * working folder up.
   *
   * @return the project
   * @throws io.github.d1java.wrangler.WranglerException if there is no valid config
   */
  public WranglerProject project() {
    Path dir = context().cwd();
    return config != null ? WranglerProject.of(dir, config, env) : WranglerProject.find(dir, env);
  }

  /**
   * Like {@link #project()}, but null when no config file exists (remote commands work without
   * one).
   *
   * @return the project, or null
   * @throws io.github.d1java.wrangler.WranglerException if a config exists and is invalid
   */
  public WranglerProject projectIfAny() {
    if (config == null && WranglerConfig.find(context().cwd()).isEmpty()) {
      return null;
    }
    return project();
  }

  /**
   * The Cloudflare account client, configured from the environment: {@value
   * D1Remote#ENV_API_TOKEN}, {@value D1Remote#ENV_ACCOUNT_ID}, and optionally {@value
   * D1Remote#ENV_BASE_URL} and {@value #ENV_POLL_INTERVAL_MS}.
   *
   * @return the account client
   * @throws io.github.d1java.wrangler.WranglerException naming the missing variable
   */
  public D1Account account() {
    Map<String, String> vars = context.env();
    String token = vars.get(D1Remote.ENV_API_TOKEN);
    if (token == null || token.isBlank()) {
      throw new WranglerException(
          "d1 needs an API token for --remote: set a CLOUDFLARE_API_TOKEN environment variable."
              + " Go to "
              + TOKEN_HELP_URL
              + " for instructions on how to create an API token"
              + " (with D1 edit permission), and assign its value to CLOUDFLARE_API_TOKEN.");
    }
    String account = vars.get(D1Remote.ENV_ACCOUNT_ID);
    if (account == null || account.isBlank()) {
      throw new WranglerException(
          "Set CLOUDFLARE_ACCOUNT_ID to the id of the account that holds your D1 databases.");
    }
    try {
      D1Remote.Builder builder =
          D1Remote.builder()
              .apiToken(token)
              .accountId(account)
              .baseUrl(vars.getOrDefault(D1Remote.ENV_BASE_URL, D1Remote.DEFAULT_BASE_URL));
      String poll = vars.get(ENV_POLL_INTERVAL_MS);
      if (poll != null) {
        try {
          builder.pollInterval(Duration.ofMillis(Long.parseLong(poll)));
        } catch (NumberFormatException e) {
          throw new WranglerException(
              ENV_POLL_INTERVAL_MS + " must be a number of milliseconds: " + poll);
        }
      }
      return builder.buildAccount();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new WranglerException(e.getMessage(), e);
    }
  }
}
