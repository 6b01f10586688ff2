package io.github.d1java.jdbc.internal.flyway;

import org.flywaydb.core.internal.database.sqlite.SQLiteDatabaseType;

/**
 * Flyway's SQLite support for {@code jdbc:d1:} URLs, so Flyway configured with nothing but such a
 * URL (its CLI, Maven plugin, Spring Boot's {@code spring.flyway.url}) finds a database type.
 * Registered in {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}; loaded only by
 * Flyway, so Flyway stays an optional dependency. Through a {@code DataSource}, Flyway's own SQLite
 * type already matches the product name {@code SQLite}. Stateless.
 */
public final class D1FlywayDatabaseType extends SQLiteDatabaseType {

  @Override
  public String getName() {
    return "D1";
  }

  @Override
  public boolean handlesJDBCUrl(String url) {
    return url != null && url.startsWith("jdbc:d1:");
  }

  @Override
  public String getDriverClass(String url, ClassLoader classLoader) {
    return "io.github.d1java.jdbc.D1Driver";
  }

  /** Leaves connections made from a {@code DataSource} to Flyway's SQLite type. */
  @Override
  public boolean handlesDatabaseProductNameAndVersion(
      String databaseProductName, String databaseProductVersion, java.sql.Connection connection) {
    return false;
  }
}
