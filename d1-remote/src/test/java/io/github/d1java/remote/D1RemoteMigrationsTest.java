package io.github.d1java.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1Database;
import io.github.d1java.migrations.D1Migration;
import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.migrations.D1ScriptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wrangler-compatible migrations on a remote database, as on a local one. */
class D1RemoteMigrationsTest {

  @TempDir Path dir;
  final RemoteFixture fx = new RemoteFixture();

  @AfterEach
  void close() {
    fx.close();
  }

  Path migrations(String... nameAndSql) throws Exception {
    Path m = Files.createDirectories(dir.resolve("migrations"));
    for (int i = 0; i < nameAndSql.length; i += 2) {
      Files.writeString(m.resolve(nameAndSql[i]), nameAndSql[i + 1]);
    }
    return m;
  }

  @Test
  void appliesInWranglerOrderEachWithItsBookkeepingRowInOneRequest() throws Exception {
    Path m =
        migrations(
            "0002_orders.sql",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER REFERENCES customers(id));",
            "0001_customers.sql",
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO customers (name) VALUES ('a');");
    try (D1Database db = fx.database()) {
      D1Migrations migrations = D1Migrations.of(m);
      assertThat(migrations.unapplied(db))
          .extracting(D1Migration::name)
          .containsExactly("0001_customers.sql", "0002_orders.sql");
      int before = fx.server.requestCount();
      List<D1Migration> applied = migrations.apply(db);
      assertThat(applied)
          .extracting(D1Migration::name)
          .containsExactly("0001_customers.sql", "0002_orders.sql");
      // ensure table + read applied names, then one batch request per migration
      assertThat(fx.server.requestCount() - before).isLessThanOrEqualTo(4);
      assertThat(migrations.applied(db)).containsExactly("0001_customers.sql", "0002_orders.sql");
      assertThat(migrations.unapplied(db)).isEmpty();
      assertThat(db.prepare("SELECT name FROM customers").<String>first("name")).isEqualTo("a");
      assertThat(
              fx.server
                  .database(fx.databaseId)
                  .prepare("SELECT count(*) AS n FROM d1_migrations")
                  .<Long>first("n"))
          .isEqualTo(2L);
    }
  }

  @Test
  void failingMigrationIsRolledBackRemotelyAndEarlierOnesStay() throws Exception {
    Path m =
        migrations(
            "0001_ok.sql", "CREATE TABLE ok (id INTEGER PRIMARY KEY);",
            "0002_bad.sql", "CREATE TABLE half (id INTEGER);\nINSERT INTO nope VALUES (1);",
            "0003_never.sql", "CREATE TABLE never (id INTEGER);");
    try (D1Database db = fx.database()) {
      D1Migrations migrations = D1Migrations.of(m);
      assertThatThrownBy(() -> migrations.apply(db))
          .isInstanceOf(D1ScriptException.class)
          .hasMessageContaining("0002_bad.sql")
          .hasMessageContaining("INSERT INTO nope VALUES (1)")
          .hasMessageContaining("no such table: nope");
      assertThat(migrations.applied(db)).containsExactly("0001_ok.sql");
      assertThat(
              db.prepare("SELECT name FROM sqlite_master WHERE name IN ('half','never')")
                  .all()
                  .results())
          .isEmpty();
    }
  }
}
