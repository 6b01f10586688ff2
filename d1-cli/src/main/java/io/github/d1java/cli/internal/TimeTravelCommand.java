package io.github.d1java.cli.internal;

import io.github.d1java.cli.D1Command;
import io.github.d1java.remote.D1Account;
import io.github.d1java.wrangler.WranglerException;
import io.github.d1java.wrangler.WranglerProject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code d1 time-travel info|restore}: D1's point-in-time recovery. */
@Command(
    name = "time-travel",
    description =
        "Use Time Travel to restore, fork or copy a database at a specific point-in-time.",
    mixinStandardHelpOptions = true,
    subcommands = {TimeTravelCommand.Info.class, TimeTravelCommand.Restore.class})
public final class TimeTravelCommand implements Runnable {

  @ParentCommand private D1Command root;

  @Override
  public void run() {
    new CommandLine(this).usage(root.context().out());
  }

  /** {@code d1 time-travel info <database> [--timestamp]}. */
  @Command(
      name = "info",
      description = "Retrieve the bookmark for a point in time.",
      mixinStandardHelpOptions = true)
  public static final class Info implements Callable<Integer> {
    @ParentCommand private TimeTravelCommand parent;

    @Parameters(index = "0", paramLabel = "<database>", description = "Database name or binding.")
    private String database;

    @Option(names = "--timestamp", description = "ISO-8601 time or Unix seconds (default: now).")
    private String timestamp;

    @Mixin private JsonOption jsonOption;

    @Override
    public Integer call() {
      D1Command root = parent.root;
      CliContext ctx = root.context();
      D1Account account = root.account();
      String id = WranglerProject.remoteDatabaseId(root.projectIfAny(), account, database, false);
      String bookmark =
          timestamp == null
              ? account.bookmark(id)
              : account.bookmark(id, Remote.timestamp(timestamp));
      if (jsonOption.on()) {
        ctx.out().println(Json.stringify(Map.of("bookmark", bookmark)));
        return 0;
      }
      ctx.out().println("🚧 Time Traveling...");
      ctx.out()
          .println(
              timestamp == null
                  ? "⚡️ The current bookmark is '" + bookmark + "'"
                  : "⚡️ The bookmark at " + timestamp + " is '" + bookmark + "'");
      ctx.out().println("⚡️ To restore to this specific bookmark, run:");
      ctx.out().println(" `d1 time-travel restore " + database + " --bookmark=" + bookmark + "`");
      return 0;
    }
  }

  /** {@code d1 time-travel restore <database> --bookmark|--timestamp}. */
  @Command(
      name = "restore",
      description = "Restore a database back to a point in time.",
      mixinStandardHelpOptions = true)
  public static final class Restore implements Callable<Integer> {
    @ParentCommand private TimeTravelCommand parent;

    @Parameters(index = "0", paramLabel = "<database>", description = "Database name or binding.")
    private String database;

    @Option(names = "--bookmark", description = "Bookmark to restore to.")
    private String bookmark;

    @Option(names = "--timestamp", description = "ISO-8601 time or Unix seconds to restore to.")
    private String timestamp;

    @Mixin private JsonOption jsonOption;

    @Override
    public Integer call() {
      if (bookmark != null && timestamp != null) {
        throw new WranglerException("Provide either a timestamp, or a bookmark - not both.");
      }
      if (bookmark == null && timestamp == null) {
        throw new WranglerException("Provide either a timestamp or a bookmark.");
      }
      D1Command root = parent.root;
      CliContext ctx = root.context();
      D1Account account = root.account();
      String id = WranglerProject.remoteDatabaseId(root.projectIfAny(), account, database, false);
      String target =
          bookmark != null ? bookmark : account.bookmark(id, Remote.timestamp(timestamp));
      if (!jsonOption.on()) {
        ctx.out().println("🚧 Restoring database " + database + " from bookmark " + target);
        ctx.out().println("⚠️ This will overwrite all data in database " + database + ".");
        ctx.out().println("In-flight queries and transactions will be cancelled.");
        Remote.confirm(ctx, "OK to proceed (y/N)");
        ctx.out().println("⚡️ Time travel in progress...");
      }
      D1Account.RestoreResult r = account.restore(id, target);
      if (jsonOption.on()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bookmark", r.bookmark());
        m.put("previous_bookmark", r.previousBookmark());
        m.put("message", r.message());
        ctx.out().println(Json.stringify(m));
        return 0;
      }
      ctx.out().println("✅ Database " + database + " restored back to bookmark " + r.bookmark());
      ctx.out()
          .println(
              "↩️ To undo this operation, you can restore to the previous bookmark: "
                  + r.previousBookmark());
      return 0;
    }
  }
}
