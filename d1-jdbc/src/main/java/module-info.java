/**
 * A JDBC driver for D1. Exports only {@code io.github.d1java.jdbc}. The Flyway plugin is found by
 * Flyway on the class path ({@code META-INF/services}); Flyway is an optional dependency.
 */
module io.github.d1java.jdbc {
  requires transitive java.sql;
  requires transitive io.github.d1java;
  requires io.github.d1java.sqlite;
  requires io.github.d1java.remote;
  requires static flyway.core;

  exports io.github.d1java.jdbc;

  provides java.sql.Driver with
      io.github.d1java.jdbc.D1Driver;
}
