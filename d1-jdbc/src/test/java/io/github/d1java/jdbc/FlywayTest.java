package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.testkit.server.FakeD1Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway 13 migrate/info/validate by URL and by DataSource on every backend kind. */
class FlywayTest {

  static FakeD1Server server;

  @BeforeAll
  static void start() {
    server = FakeD1Server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  abstract static class Checks {
    /** Flyway configured for this backend, with the given migration location. */
    abstract FluentConfiguration configure(String location);

    /** A plain connection to the same database, for checks. */
    abstract Connection connect() throws SQLException;

    List<String> column(String sql) throws SQLException {
      List<String> out = new ArrayList<>();
      try (Connection c = connect();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }

    @Test
    void migratesValidatesAndReportsInfo() throws SQLException {
      Flyway flyway = configure("classpath:db/ok").load();
      assertThat(flyway.migrate().migrationsExecuted).isEqualTo(2);
      flyway.validate();
      MigrationInfo[] applied = flyway.info().applied();
      assertThat(applied).extracting(i -> i.getVersion().getVersion()).containsExactly("1", "2");
      assertThat(applied).extracting(MigrationInfo::getState).containsOnly(MigrationState.SUCCESS);
      assertThat(
              column("SELECT p.name || '/' || o.name FROM pets p JOIN people o ON o.id = p.owner"))
          .containsExactly("Rex/Ada");
      assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void aFailingV2LeavesNoPartialChangeAndACorrectHistory() throws SQLException {
      Flyway flyway = configure("classpath:db/failing").load();
      assertThatThrownBy(flyway::migrate)
          .isInstanceOf(FlywayException.class)
          .hasStackTraceContaining("UNIQUE constraint failed: people.name");
      assertThat(column("SELECT name FROM people")).containsExactly("Ada");
      assertThat(column("SELECT name FROM sqlite_master WHERE name = 'pets'")).isEmpty();
      assertThat(
              column(
                  "SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
          .containsExactly("1:1");
      assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("1");
    }
  }

  @Nested
  class FileByUrl extends Checks {
    @TempDir Path dir;

    String url() {
      return "jdbc:d1:file:" + dir.resolve("flyway.db");
    }

    @Override
    FluentConfiguration configure(String location) {
      return Flyway.configure().dataSource(url(), null, null).locations(location);
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url());
    }
  }

  @Nested
  class FileByDataSource extends Checks {
    @TempDir Path dir;

    DataSource ds() {
      D1DataSource ds = new D1DataSource();
      ds.setUrl("jdbc:d1:file:" + dir.resolve("flyway.db"));
      return ds;
    }

    @Override
    FluentConfiguration configure(String location) {
      return Flyway.configure().dataSource(ds()).locations(location);
    }

    @Override
    Connection connect() throws SQLException {
      return ds().getConnection();
    }
  }

  @Nested
  class MemoryByUrl extends Checks {
    final String url = "jdbc:d1:mem:flyway" + System.identityHashCode(this);
    Connection keepAlive;

    @BeforeEach
    void open() throws SQLException {
      keepAlive = DriverManager.getConnection(url);
    }

    @AfterEach
    void close() throws SQLException {
      keepAlive.close();
    }

    @Override
    FluentConfiguration configure(String location) {
      return Flyway.configure().dataSource(url, null, null).locations(location);
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url);
    }
  }

  @Nested
  class MemoryByDataSource extends Checks {
    final D1DataSource ds = new D1DataSource();
    Connection keepAlive;

    @BeforeEach
    void open() throws SQLException {
      ds.setUrl("jdbc:d1:mem:flywayds" + System.identityHashCode(this));
      keepAlive = ds.getConnection();
    }

    @AfterEach
    void close() throws SQLException {
      keepAlive.close();
    }

    @Override
    FluentConfiguration configure(String location) {
      return Flyway.configure().dataSource(ds).locations(location);
    }

    @Override
    Connection connect() throws SQLException {
      return ds.getConnection();
    }
  }

  @Nested
  class RemoteByUrl extends Checks {
    final String url =
        "jdbc:d1:remote:"
            + server.accountId()
            + "/"
            + server.createDatabase("flyway" + System.identityHashCode(this))
            + "?baseUrl="
            + server.baseUrl();

    @Override
    FluentConfiguration configure(String location) {
      // the token as the password, as Flyway's CLI and Spring Boot pass it
      return Flyway.configure().dataSource(url, null, server.apiToken()).locations(location);
    }

    @Override
    Connection connect() throws SQLException {
      Properties p = new Properties();
      p.setProperty("token", server.apiToken());
      return DriverManager.getConnection(url, p);
    }
  }

  @Nested
  class RemoteByDataSource extends Checks {
    final String id = server.createDatabase("flywayds" + System.identityHashCode(this));

    DataSource ds() {
      D1DataSource ds = new D1DataSource();
      ds.setUrl("jdbc:d1:remote:" + server.accountId() + "/" + id);
      ds.setToken(server.apiToken());
      ds.setBaseUrl(server.baseUrl());
      return ds;
    }

    @Override
    FluentConfiguration configure(String location) {
      return Flyway.configure().dataSource(ds()).locations(location);
    }

    @Override
    Connection connect() throws SQLException {
      return ds().getConnection();
    }
  }
}
