package io.github.d1java.cli.internal;

import io.github.d1java.wrangler.WranglerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Does, on a thread of its own while picocli builds the command line, the two slow first steps of a
 * command that opens a local database: reading the wrangler config of the working folder (Jackson's
 * TOML and JSON readers load some 500 classes the first time) and loading sqlite-jdbc's native
 * library (unpacked and loaded once per process). Each takes 0.15 to 0.3 s on a cold JVM; the
 * command then finds both ready. What the thread reads is thrown away: the command reads its own
 * config (another file with {@code --config}), and any failure is the command's to report.
 */
public final class WarmUp {

  private static final Set<String> LOCAL_COMMANDS = Set.of("execute", "export", "migrations");

  private WarmUp() {}

  /**
   * Starts warming up when {@code args} name a command that may open a local database.
   *
   * @param args the command line's arguments
   * @param cwd the working folder
   * @return whether the thread was started
   */
  public static boolean startFor(List<String> args, Path cwd) {
    if (args.isEmpty() || !LOCAL_COMMANDS.contains(args.get(0)) || args.contains("--remote")) {
      return false;
    }
    Thread warmer =
        new Thread(
            () -> {
              try {
                WranglerConfig.find(cwd).ifPresent(WranglerConfig::load);
              } catch (RuntimeException e) {
                // the command reads the config again and reports what is wrong with it
              }
              try {
                org.sqlite.SQLiteJDBCLoader.initialize();
              } catch (Exception | LinkageError e) {
                // the command's own connection reports the failure, with its context
              }
            },
            "d1-warm-up");
    warmer.setDaemon(true);
    warmer.start();
    return true;
  }
}
