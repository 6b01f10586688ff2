package io.github.d1java.wrangler;

import io.github.d1java.remote.D1Account;
import io.github.d1java.remote.D1DatabaseInfo;
import io.github.d1java.remote.D1RemoteDatabase;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

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
      throw new WranglerException(
          "Could not create " + file.getParent() + ": " + e.getMessage(), e);
    }
    return D1Sqlite.open(file);
  }

  /**
   * The remote database id for a name, as wrangler's remote commands find it: the config entry's
   * {@code database_id} ({@code preview_database_id} with {@code preview}); when the config has no
   * id or no such entry, the database of that name in the account.
   *
   * @param project the project, or null when there is no wrangler config
   * @param account the account client; not null
   * @param nameOrBinding a {@code database_name} or {@code binding}; not null
   * @param preview whether to use {@code preview_database_id}
   * @return the database UUID
   * @throws WranglerException {@code Couldn't find DB with name '<name>'} when nothing matches
   * @throws io.github.d1java.D1Exception if the account lookup fails
   */
  public static String remoteDatabaseId(
      WranglerProject project, D1Account account, String nameOrBinding, boolean preview) {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(nameOrBinding, "nameOrBinding");
    String name = nameOrBinding;
    Optional<D1DatabaseConfig> entry =
        project == null ? Optional.empty() : project.config().find(nameOrBinding);
    if (entry.isPresent()) {
      D1DatabaseConfig db = entry.get();
      if (preview) {
        if (db.previewDatabaseId() == null) {
          throw new WranglerException(
              "Please define a `preview_database_id` in your wrangler config to execute your"
                  + " queries against a preview database for "
                  + nameOrBinding
                  + ".");
        }
        return db.previewDatabaseId();
      }
      if (db.databaseId() != null) {
        return db.databaseId();
      }
      name = db.databaseName() != null ? db.databaseName() : nameOrBinding;
    }
    String wanted = name;
    return account
        .get(wanted)
        .map(D1DatabaseInfo::uuid)
        .orElseThrow(() -> new WranglerException("Couldn't find DB with name '" + wanted + "'"));
  }

  /**
   * Opens a database remotely, found as {@link #remoteDatabaseId} finds it.
   *
   * @param account the account client; not null
   * @param nameOrBinding a {@code database_name} or {@code binding}; not null
   * @return the remote database; the caller closes it
   * @throws WranglerException when nothing matches
   */
  public D1RemoteDatabase openRemote(D1Account account, String nameOrBinding) {
    return account.database(remoteDatabaseId(this, account, nameOrBinding, false));
  }
}
