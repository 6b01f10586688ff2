package io.github.d1java.cli.internal;

import io.github.d1java.cli.D1Command;
import io.github.d1java.remote.D1DatabaseInfo;
import io.github.d1java.remote.D1Remote;
import io.github.d1java.worker.D1Worker;
import io.github.d1java.worker.D1WorkerDeployer;
import io.github.d1java.wrangler.WranglerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code d1 worker init|deploy}: the Worker that gives Java services D1's binding over HTTPS. */
@Command(
    name = "worker",
    description = "Deploy the d1-java Worker (D1's binding over HTTPS, with sessions).",
    mixinStandardHelpOptions = true,
    subcommands = {WorkerCommand.Init.class, WorkerCommand.Deploy.class})
public final class WorkerCommand implements Runnable {

  @ParentCommand private D1Command root;

  @Override
  public void run() {
    new CommandLine(this).usage(root.context().out());
  }

  /** {@code d1 worker init <dir>}: writes a wrangler project for the Worker. */
  @Command(
      name = "init",
      description = "Write a wrangler project (wrangler.json with the D1 binding, the script).",
      mixinStandardHelpOptions = true)
  public static final class Init implements Callable<Integer> {
    @ParentCommand private WorkerCommand parent;

    @Parameters(index = "0", paramLabel = "<dir>", description = "The folder to write into.")
    private Path dir;

    @Option(names = "--name", description = "The Worker's name (default: d1-worker).")
    private String name = "d1-worker";

    @Option(names = "--database", description = "The D1 database name (default: the Worker's).")
    private String database;

    @Option(names = "--database-id", description = "The D1 database UUID, if known.")
    private String databaseId;

    @Override
    public Integer call() {
      CliContext ctx = parent.root.context();
      Path target = ctx.cwd().resolve(dir).normalize();
      String db = database != null ? database : name;
      Map<String, String> files = D1WorkerDeployer.wranglerProject(name, db, databaseId);
      for (String f : files.keySet()) {
        if (Files.exists(target.resolve(f))) {
          throw new WranglerException(
              target.resolve(f) + " already exists; d1 worker init does not overwrite files.");
        }
      }
      try {
        for (Map.Entry<String, String> e : files.entrySet()) {
          Path p = target.resolve(e.getKey());
          Files.createDirectories(p.getParent());
          Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the project into " + target, e);
      }
      ctx.out().println("✨ Wrote a wrangler project for the Worker '" + name + "' to " + target);
      ctx.out().println("Next:");
      if (databaseId == null) {
        ctx.out().println("  d1 create " + db + "   (and put its database_id in wrangler.json)");
      }
      ctx.out().println("  openssl rand -hex 32 | npx wrangler secret put " + D1Worker.ENV_TOKEN);
      ctx.out().println("  npx wrangler deploy");
      return 0;
    }
  }

  /** {@code d1 worker deploy --name <script> <database>}: uploads and publishes the Worker. */
  @Command(
      name = "deploy",
      description =
          "Upload the Worker bound to a D1 database, with D1_WORKER_TOKEN as its secret, and"
              + " publish it on workers.dev.",
      mixinStandardHelpOptions = true)
  public static final class Deploy implements Callable<Integer> {
    @ParentCommand private WorkerCommand parent;

    @Parameters(index = "0", paramLabel = "<database>", description = "The database name or id.")
    private String database;

    @Option(names = "--name", required = true, description = "The Worker's name.")
    private String name;

    @Override
    public Integer call() {
      D1Command root = parent.root;
      CliContext ctx = root.context();
      String token = ctx.env().get(D1Worker.ENV_TOKEN);
      if (token == null || token.isBlank()) {
        throw new WranglerException(
            "Set "
                + D1Worker.ENV_TOKEN
                + " to the secret your services will send (for example: export "
                + D1Worker.ENV_TOKEN
                + "=$(openssl rand -hex 32)), then run d1 worker deploy again.");
      }
      D1DatabaseInfo db =
          root.account()
              .get(database)
              .orElseThrow(
                  () -> new WranglerException("Couldn't find DB with name '" + database + "'"));
      D1WorkerDeployer deployer =
          D1WorkerDeployer.create(
              ctx.env().getOrDefault(D1Remote.ENV_BASE_URL, D1Remote.DEFAULT_BASE_URL),
              ctx.env().get(D1Remote.ENV_ACCOUNT_ID),
              ctx.env().get(D1Remote.ENV_API_TOKEN));
      URI url;
      try {
        url = deployer.deploy(name, db.uuid(), token.trim());
      } catch (IllegalArgumentException e) {
        throw new WranglerException(e.getMessage(), e);
      }
      ctx.out()
          .println(
              "Uploaded "
                  + name
                  + " with binding DB to database "
                  + db.name()
                  + " ("
                  + db.uuid()
                  + ")");
      ctx.out().println("Published " + name);
      ctx.out().println("  " + url);
      ctx.out().println();
      ctx.out().println("In your Java service's environment:");
      ctx.out().println("  " + D1Worker.ENV_URL + "=" + url);
      ctx.out().println("  " + D1Worker.ENV_TOKEN + "=<the token you deployed with>");
      ctx.out().println("and open it with D1Worker.fromEnv().");
      return 0;
    }
  }
}
