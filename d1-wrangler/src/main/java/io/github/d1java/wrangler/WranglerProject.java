package io.github.d1java.wrangler;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder with a wrangler config, seen as wrangler sees it: databases are named by {@code
 * database_name} or {@code binding}, and local ones live in the very SQLite file {@code wrangler
 * dev} and {@code wrangler d1 execute --local} use (see {@link WranglerLocalState}).
 *
 * <pre>{@code
 * WranglerProject project = WranglerProject.find(Path.of("."), null);
 * try (D1SqliteDatabase db = project.openLocal("DB", null)) {
 *   db.prepare("SELECT * FROM users").all();
 * }
 * }</pre>
 *
 * <p>Do not write to a local file while {@code wrangler dev} has it open. Immutable and
 * thread-safe.
 */
public final class WranglerProject {

  private final Path cwd;
  private final WranglerConfig config;

  private WranglerProject(Path cwd, WranglerConfig config) {
    this.cwd = cwd;
    this.config = config;
  }

  /**
   * Finds the wrangler config from {@code cwd} upwards, as wrangler does.
   *
   * @param cwd the working folder; not null
   * @param env the environment ({@code --env}), or null
   * @return the project
   * @throws WranglerException if there is no config file, or it is invalid
   */
  public static WranglerProject find(Path cwd, String env) {
    Path abs = cwd.toAbsolutePath().normalize();
    Path file =
        WranglerConfig.find(abs)
            .orElseThrow(
                () ->
                    new WranglerException(
                        "No wrangler config (wrangler.json, wrangler.jsonc or wrangler.toml) found in "
                            + abs
                            + " or its parent folders."));
    return new WranglerProject(abs, WranglerConfig.load(file, env));
  }

  /**
   * Uses a given config file ({@code --config}).
   *
   * @param cwd the working folder, against which {@code --persist-to} is resolved; not null
   * @param configFile the config file, resolved against {@code cwd}; not null
   * @param env the environment ({@code --env}), or null
   * @return the project
   * @throws WranglerException if the file is missing or invalid
   */
  public static WranglerProject of(Path cwd, Path configFile, String env) {
    Path abs = cwd.toAbsolutePath().normalize();
    return new WranglerProject(abs, WranglerConfig.load(abs.resolve(configFile), env));
  }

  /**
   * @return the config; never null
   */
  public WranglerConfig config() {
    return config;
  }

  /**
   * @return the absolute working folder; never null
   */
  public Path cwd() {
    return cwd;
  }

  /**
   * The database's entry in the config.
   *
   * @param nameOrBinding a {@code database_name} or {@code binding}; not null
   * @return the entry
   * @throws WranglerException with wrangler's message when there is no such database
   */
  public D1DatabaseConfig database(String nameOrBinding) {
    return config.require(nameOrBinding);
  }

  /**
   * The SQLite file wrangler's local mode uses for a database.
   *
   * @param nameOrBinding a {@code database_name} or {@code binding}; not null
   * @param persistTo the {@code --persist-to} folder, or null for {@code .wrangler/state} beside
   *     the config
   * @return the absolute file path (which may not exist yet)
   * @throws WranglerException when there is no such database
   */
  public Path localFile(String nameOrBinding, String persistTo) {
    D1DatabaseConfig db = database(nameOrBinding);
    Path root = WranglerLocalState.persistRoot(persistTo, config.directory(), cwd);
    return WranglerLocalState.sqliteFile(root, db.localKey());
  }

  /**
   * Opens a database's local SQLite file, creating it (and its folders) if missing, as {@code
   * wrangler d1 execute --local} does.
   *
   * @param nameOrBinding a {@code database_name} or {@code binding}; not null
   * @param persistTo the {@code --persist-to} folder, or null
   * @return the open database; the caller closes it
   * @throws WranglerException when there is no such database or its folder cannot be created
   */
  public D1SqliteDatabase openLocal(String nameOrBinding, String persistTo) {
    Path file = localFile(Objects.requireNonNull(nameOrBinding, "nameOrBinding"), persistTo);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new WranglerException("Could not create " + file.getParent() + ": " + e.getMessage(), e);
    }
    return D1Sqlite.open(file);
  }
}
