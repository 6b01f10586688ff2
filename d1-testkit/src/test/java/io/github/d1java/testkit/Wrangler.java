package io.github.d1java.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Installs a pinned wrangler with npm into a cache directory (once per machine) and runs it.
 * Wrangler {@value #VERSION} needs Node 22; when the {@code node} on PATH is older, Node 22 is
 * installed from npm next to it. Shared with other modules' tests through d1-testkit's test jar.
 */
public final class Wrangler {

  /** The wrangler version the interop tests run, the one the spec was read from. */
  public static final String VERSION = "4.125.0";

  private static final Path CACHE =
      Path.of(System.getProperty("java.io.tmpdir"), "d1-java-wrangler-" + VERSION);

  /** A wrangler.toml with one D1 database, binding {@code DB}, migrations in db/migrations. */
  public static final String WRANGLER_TOML =
      "name = \"compat\"\n"
          + "compatibility_date = \"2025-01-01\"\n\n"
          + "[[d1_databases]]\n"
          + "binding = \"DB\"\n"
          + "database_name = \"compat-db\"\n"
          + "database_id = \"00000000-0000-0000-0000-000000000000\"\n"
          + "migrations_dir = \"db/migrations\"\n";

  private Wrangler() {}

  /** The local database file wrangler wrote under {@code project}. */
  public static Path databaseFile(Path project) throws IOException {
    try (Stream<Path> files =
        Files.list(project.resolve(".wrangler/state/v3/d1/miniflare-D1DatabaseObject"))) {
      List<Path> databases =
          files
              .filter(f -> f.getFileName().toString().endsWith(".sqlite"))
              .filter(f -> !f.getFileName().toString().equals("metadata.sqlite"))
              .collect(Collectors.toList());
      if (databases.size() != 1) {
        throw new IllegalStateException("expected one database file, found " + databases);
      }
      return databases.get(0);
    }
  }

  /** Whether a working {@code node} (and so {@code npm}) is on PATH. */
  public static boolean nodeOnPath() {
    return nodeMajorVersion() > 0;
  }

  private static int nodeMajorVersion() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0 || !out.startsWith("v")) {
        return -1;
      }
      return Integer.parseInt(out.substring(1, out.indexOf('.')));
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Runs wrangler with {@code args} in {@code project}; fails with its output unless it exits 0.
   */
  public static String run(Path project, String... args) throws IOException, InterruptedException {
    Path node = install();
    List<String> command = new ArrayList<>();
    command.add(node.toString());
    command.add(CACHE.resolve("node_modules/wrangler/bin/wrangler.js").toString());
    command.addAll(List.of(args));
    return exec(project, command);
  }

  /** What a wrangler run printed (standard output and error together) and its exit code. */
  public record Outcome(int exitCode, String output) {}

  /**
   * Runs wrangler with {@code args} in {@code project} with extra environment variables, whatever
   * its exit code.
   */
  public static Outcome run(Path project, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path node = install();
    List<String> command = new ArrayList<>();
    command.add(node.toString());
    command.add(CACHE.resolve("node_modules/wrangler/bin/wrangler.js").toString());
    command.addAll(List.of(args));
    return start(project, command, env);
  }

  private static Path install() throws IOException, InterruptedException {
    Files.createDirectories(CACHE);
    boolean ownNode = nodeMajorVersion() < 22;
    Path node = ownNode ? CACHE.resolve("node_modules/node/bin/node") : Path.of("node");
    try (FileChannel channel =
            FileChannel.open(
                CACHE.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      boolean ready =
          Files.exists(CACHE.resolve("node_modules/wrangler/bin/wrangler.js"))
              && (!ownNode || Files.isExecutable(node));
      if (!ready) {
        List<String> command =
            new ArrayList<>(
                List.of(
                    "npm",
                    "install",
                    "--prefix",
                    CACHE.toString(),
                    "--no-audit",
                    "--no-fund",
                    "--loglevel=error",
                    "wrangler@" + VERSION));
        if (ownNode) {
          command.add("node@22");
        }
        exec(CACHE, command);
      }
    }
    return node;
  }

  private static String exec(Path directory, List<String> command)
      throws IOException, InterruptedException {
    Outcome outcome = start(directory, command, Map.of());
    if (outcome.exitCode() != 0) {
      throw new IllegalStateException(
          "exit " + outcome.exitCode() + " from " + command + ":\n" + outcome.output());
    }
    return outcome.output();
  }

  private static Outcome start(Path directory, List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("d1-java-wrangler", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("CI", "true");
      builder.environment().put("WRANGLER_SEND_METRICS", "false");
      builder.environment().put("NO_COLOR", "1");
      builder.environment().putAll(env);
      Process process = builder.start();
      // A generous guard against a hung install, not a speed assertion.
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
