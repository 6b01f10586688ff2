package io.github.d1java.wrangler;

import java.util.Objects;

/**
 * One entry of a wrangler config's {@code d1_databases} array.
 *
 * <p>Immutable and thread-safe.
 *
 * @param binding the Worker binding name ({@code binding}); not null
 * @param databaseName {@code database_name}, or null when absent
 * @param databaseId {@code database_id}, or null when absent
 * @param previewDatabaseId {@code preview_database_id}, or null when absent
 * @param migrationsDir {@code migrations_dir} as written in the config (relative to the config
 *     file's folder), {@link #DEFAULT_MIGRATIONS_DIR} when absent; not null
 * @param migrationsTable {@code migrations_table}, {@link #DEFAULT_MIGRATIONS_TABLE} when absent;
 *     not null
 * @param migrationsPattern {@code migrations_pattern} as written (a glob starting with {@code
 *     <migrations_dir>/}), or null for {@code <migrations_dir>/*.sql}
 */
public record D1DatabaseConfig(
    String binding,
    String databaseName,
    String databaseId,
    String previewDatabaseId,
    String migrationsDir,
    String migrationsTable,
    String migrationsPattern) {

  /** wrangler's default {@code migrations_dir}. */
  public static final String DEFAULT_MIGRATIONS_DIR = "migrations";

  /** wrangler's default {@code migrations_table}. */
  public static final String DEFAULT_MIGRATIONS_TABLE = "d1_migrations";

  /**
   * An entry without {@code migrations_pattern}.
   *
   * @param binding the binding; not null
   * @param databaseName {@code database_name}, or null
   * @param databaseId {@code database_id}, or null
   * @param previewDatabaseId {@code preview_database_id}, or null
   * @param migrationsDir {@code migrations_dir}, or null for the default
   * @param migrationsTable {@code migrations_table}, or null for the default
   */
  public D1DatabaseConfig(
      String binding,
      String databaseName,
      String databaseId,
      String previewDatabaseId,
      String migrationsDir,
      String migrationsTable) {
    this(
        binding, databaseName, databaseId, previewDatabaseId, migrationsDir, migrationsTable, null);
  }

  /**
   * The glob of migration files relative to {@link #migrationsDir()}, as {@link
   * io.github.d1java.migrations.D1Migrations.Builder#pattern(String)} takes it.
   *
   * @return the relative glob; {@code *.sql} by default
   */
  public String relativeMigrationsPattern() {
    if (migrationsPattern == null) {
      return "*.sql";
    }
    String dir = migrationsDir.endsWith("/") ? migrationsDir : migrationsDir + "/";
    return migrationsPattern.substring(dir.length());
  }

  /**
   * Validates and fills defaults.
   *
   * @throws NullPointerException if {@code binding} is null
   * @throws WranglerException when {@code migrationsPattern} is set without {@code migrationsDir}
   *     or does not start with {@code <migrationsDir>/}, as wrangler refuses
   */
  public D1DatabaseConfig {
    Objects.requireNonNull(binding, "binding");
    if (migrationsPattern != null) {
      if (migrationsDir == null) {
        throw new WranglerException(
            "migrations_pattern requires migrations_dir to be set (binding " + binding + ").");
      }
      String dir = migrationsDir.endsWith("/") ? migrationsDir : migrationsDir + "/";
      if (!migrationsPattern.startsWith(dir) || migrationsPattern.length() == dir.length()) {
        throw new WranglerException(
            "migrations_pattern \""
                + migrationsPattern
                + "\" must start with \""
                + dir
                + "\" (binding "
                + binding
                + ").");
      }
    }
    migrationsDir = migrationsDir == null ? DEFAULT_MIGRATIONS_DIR : migrationsDir;
    migrationsTable = migrationsTable == null ? DEFAULT_MIGRATIONS_TABLE : migrationsTable;
  }

  /**
   * The name wrangler's local mode gives this database's Durable Object, which decides the local
   * SQLite file name: {@code preview_database_id ?? database_id ?? binding} (spec §7.6).
   *
   * @return the local key; never null
   */
  public String localKey() {
    if (previewDatabaseId != null) {
      return previewDatabaseId;
    }
    return databaseId != null ? databaseId : binding;
  }

  /**
   * Whether {@code nameOrBinding} names this database the way wrangler's {@code <database>}
   * argument does: equal to {@code database_name} or to {@code binding}.
   *
   * @param nameOrBinding a database name or binding; not null
   * @return true when it names this entry
   */
  public boolean matches(String nameOrBinding) {
    return nameOrBinding.equals(databaseName) || nameOrBinding.equals(binding);
  }
}
