package io.github.d1java.cli.internal;

import java.util.List;
import java.util.Set;

/**
 * Loads sqlite-jdbc's native library on a thread of its own while the command line parses its
 * arguments and reads the wrangler config, for the commands that open a local database: the library
 * is unpacked and loaded once per process, about 0.15 s that would otherwise come before the first
 * statement.
 */
public final class NativeWarmUp {

  private static final Set<String> LOCAL_COMMANDS = Set.of("execute", "export", "migrations");

  private NativeWarmUp() {}

  /**
   * Starts loading when {@code args} name a command that may open a local database.
   *
   * @param args the command line's arguments
   * @return whether loading was started
   */
  public static boolean startFor(List<String> args) {
    if (args.isEmpty() || !LOCAL_COMMANDS.contains(args.get(0)) || args.contains("--remote")) {
      return false;
    }
    Thread loader =
        new Thread(
            () -> {
              try {
                org.sqlite.SQLiteJDBCLoader.initialize();
              } catch (Exception | LinkageError e) {
                // the command's own connection reports the failure, with its context
              }
            },
            "d1-native-warm-up");
    loader.setDaemon(true);
    loader.start();
    return true;
  }
}
