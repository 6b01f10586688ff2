package io.github.d1java.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.D1Database;
import io.github.d1java.migrations.D1Migration;
import io.github.d1java.migrations.D1Migrations;
import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that this library and {@code wrangler d1 migrations apply --local} agree on which
 * migrations a database has: each side picks up where the other left off. Needs {@code node} on
 * PATH; installs wrangler with npm into a cache directory.
 */
@EnabledIf("io.github.d1java.testkit.Wrangler#nodeOnPath")
class WranglerMigrationsCompatTest {

  @TempDir Path project;

  private Path migrations() {
    return project.resolve("db/migrations");
  }

  private void copy(String... names) throws IOException {
    Files.createDirectories(migrations());
    for (String name : names) {
      Files.copy(Resources.path("testkit/migrations/" + name), migrations().resolve(name));
    }
  }

  private Path wranglerDatabaseFile() throws IOException {
    return Wrangler.databaseFile(project);
  }

  private static List<String> rows(D1Database db, String sql) {
    return db.prepare(sql).raw().stream().map(String::valueOf).collect(Collectors.toList());
  }

  @Test
  void wranglerAndThisLibraryAgreeOnAppliedMigrations() throws Exception {
    Files.writeString(project.resolve("wrangler.toml"), Wrangler.WRANGLER_TOML);
    copy("0001_create_orders.sql", "0002_audit_trigger.sql");

    Wrangler.run(project, "d1", "migrations", "apply", "DB", "--local");

    D1Migrations library = D1Migrations.of(migrations());
    List<String> byWrangler;
    try (D1SqliteDatabase db = D1Sqlite.open(wranglerDatabaseFile())) {
      assertThat(library.applied(db))
          .containsExactly("0001_create_orders.sql", "0002_audit_trigger.sql");
      byWrangler = rows(db, "SELECT sql FROM sqlite_master WHERE name = 'd1_migrations'");

      copy("0010_customers.sql");
      assertThat(library.unapplied(db))
          .extracting(D1Migration::name)
          .containsExactly("0010_customers.sql");
      assertThat(library.apply(db))
          .extracting(D1Migration::name)
          .containsExactly("0010_customers.sql");
      assertThat(db.prepare("SELECT count(*) AS n FROM customers").<Long>first("n")).isZero();
    }

    String list = Wrangler.run(project, "d1", "migrations", "list", "DB", "--local");
    assertThat(list).contains("No migrations to apply");

    try (D1SqliteDatabase fresh = D1Sqlite.inMemory()) {
      library.apply(fresh);
      try (D1SqliteDatabase db = D1Sqlite.open(wranglerDatabaseFile())) {
        assertThat(rows(db, "SELECT id, name FROM d1_migrations ORDER BY id"))
            .isEqualTo(rows(fresh, "SELECT id, name FROM d1_migrations ORDER BY id"));
      }
      assertThat(rows(fresh, "SELECT sql FROM sqlite_master WHERE name = 'd1_migrations'"))
          .isEqualTo(byWrangler);
    }
  }

  @Test
  void wranglerSkipsWhatThisLibraryApplied() throws Exception {
    Files.writeString(project.resolve("wrangler.toml"), Wrangler.WRANGLER_TOML);
    copy("0001_create_orders.sql");
    // Let wrangler create the local database file, then migrate it with the library.
    Wrangler.run(project, "d1", "execute", "DB", "--local", "--command", "SELECT 1");
    try (D1SqliteDatabase db = D1Sqlite.open(wranglerDatabaseFile())) {
      assertThat(D1Migrations.of(migrations()).apply(db)).hasSize(1);
    }
    copy("0002_audit_trigger.sql", "0010_customers.sql");

    String output = Wrangler.run(project, "d1", "migrations", "apply", "DB", "--local");

    assertThat(output).doesNotContain("0001_create_orders.sql │ 🕒");
    try (D1SqliteDatabase db = D1Sqlite.open(wranglerDatabaseFile())) {
      assertThat(D1Migrations.of(migrations()).applied(db))
          .containsExactly(
              "0001_create_orders.sql", "0002_audit_trigger.sql", "0010_customers.sql");
      List<Map<String, Object>> tables =
          db.prepare(
                  "SELECT name FROM sqlite_master WHERE name IN ('orders', 'audit', 'customers')")
              .all()
              .results();
      assertThat(tables).hasSize(3);
    }
  }
}
