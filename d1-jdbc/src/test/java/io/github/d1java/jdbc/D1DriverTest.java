package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import io.github.d1java.wrangler.WranglerProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class D1DriverTest {

  @TempDir Path dir;

  @Nested
  class Urls {
    @Test
    void theDriverIsRegisteredForJdbcD1UrlsOnly() throws SQLException {
      Driver d = DriverManager.getDriver("jdbc:d1:mem:x");
      assertThat(d).isInstanceOf(D1Driver.class);
      assertThat(d.acceptsURL("jdbc:sqlite:x")).isFalse();
      assertThat(d.connect("jdbc:sqlite:x", new Properties())).isNull();
      assertThat(d.getPropertyInfo("jdbc:d1:mem:x", null))
          .extracting(p -> p.name)
          .contains("token");
    }

    @Test
    void malformedAndUnknownUrlsFailClearly() {
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:d1:nope:x"))
          .isInstanceOf(SQLNonTransientConnectionException.class)
          .hasMessageContaining("unknown D1 URL kind 'nope'");
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:d1:file:"))
          .hasMessageContaining("malformed D1 URL");
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:d1:remote:only-account"))
          .hasMessageContaining("malformed D1 URL");
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:d1:file"))
          .hasMessageContaining("malformed D1 URL");
    }

    @Test
    void aMissingFolderFailsAtConnect() {
      assertThatThrownBy(
              () -> DriverManager.getConnection("jdbc:d1:file:" + dir.resolve("no/such/dir/x.db")))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("unable to open database file");
    }

    @Test
    void remoteWithoutAccountOrDatabaseFails() {
      assertThatThrownBy(() -> new D1Driver(name -> null).connect("jdbc:d1:remote:", null))
          .isInstanceOf(SQLNonTransientConnectionException.class)
          .hasMessageContaining("CLOUDFLARE_ACCOUNT_ID");
    }

    @Test
    void remoteTakesTheTokenFromTheEnvironment() throws SQLException {
      String token = "env-token-0123456789";
      Driver d = new D1Driver(name -> name.equals("CLOUDFLARE_API_TOKEN") ? token : null);
      try (Connection c = d.connect("jdbc:d1:remote:acc/db?baseUrl=http://127.0.0.1:9", null)) {
        assertThat(c.toString()).doesNotContain(token).contains("jdbc:d1:remote:acc/db");
      }
    }

    @Test
    void workerUrlsNeedTheWorkerModule() {
      boolean present;
      try {
        Class.forName("io.github.d1java.worker.D1Worker");
        present = true;
      } catch (ClassNotFoundException e) {
        present = false;
      }
      Properties p = new Properties();
      p.setProperty("token", "t-0123456789");
      if (!present) {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:d1:worker:https://w.example", p))
            .isInstanceOf(SQLNonTransientConnectionException.class)
            .hasMessage("jdbc:d1:worker: URLs need io.github.d1java:d1-worker on the class path");
      }
      assertThatThrownBy(
              () -> new D1Driver(name -> null).connect("jdbc:d1:worker:", new Properties()))
          .isInstanceOf(SQLException.class);
    }
  }

  @Nested
  class SharedDatabases {
    @Test
    void memoryDatabasesAreSharedByNameWhileAConnectionIsOpen() throws SQLException {
      try (Connection a = DriverManager.getConnection("jdbc:d1:mem:shared");
          Statement st = a.createStatement()) {
        st.executeUpdate("CREATE TABLE t (x)");
        try (Connection b = DriverManager.getConnection("jdbc:d1:mem:shared");
            ResultSet rs = b.createStatement().executeQuery("SELECT count(*) FROM t")) {
          rs.next();
          assertThat(rs.getInt(1)).isZero();
        }
      }
      try (Connection fresh = DriverManager.getConnection("jdbc:d1:mem:shared");
          Statement st = fresh.createStatement()) {
        assertThatThrownBy(() -> st.executeQuery("SELECT * FROM t"))
            .hasMessageContaining("no such table: t");
      }
    }

    @Test
    void fileConnectionsShareOneEngineAndCloseItWithTheLast() throws SQLException {
      String url = "jdbc:d1:file:" + dir.resolve("shared.db");
      Connection a = DriverManager.getConnection(url);
      Connection b = DriverManager.getConnection(url);
      a.createStatement().executeUpdate("CREATE TABLE t (x)");
      a.close();
      assertThat(b.createStatement().executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
      b.close();
      try (D1SqliteDatabase db = D1Sqlite.open(dir.resolve("shared.db"))) {
        Long n = db.prepare("SELECT count(*) AS n FROM t").first("n");
        assertThat(n).isEqualTo(1L);
      }
    }
  }

  @Nested
  class Wrangler {
    @Test
    void aWranglerUrlOpensWranglersOwnLocalFile() throws Exception {
      Path config = dir.resolve("wrangler.toml");
      Files.writeString(
          config,
          "name = \"app\"\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app-db\"\n"
              + "database_id = \"51e7c314-456e-4167-b6c3-869ad188fc23\"\n");
      Properties p = new Properties();
      p.setProperty("config", config.toString());
      try (Connection c = DriverManager.getConnection("jdbc:d1:wrangler:DB", p);
          Statement st = c.createStatement()) {
        st.executeUpdate("CREATE TABLE t (x)");
      }
      Path file = WranglerProject.of(dir, config, null).localFile("DB", null);
      assertThat(file).exists();
      try (D1SqliteDatabase db = D1Sqlite.open(file)) {
        assertThat(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").all().results())
            .hasSize(1);
      }
    }

    @Test
    void anUnknownBindingFailsWithWranglersMessage() throws Exception {
      Path config = dir.resolve("wrangler.toml");
      Files.writeString(config, "name = \"app\"\n");
      Properties p = new Properties();
      p.setProperty("config", config.toString());
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:d1:wrangler:NOPE", p))
          .isInstanceOf(SQLNonTransientConnectionException.class)
          .hasMessageContaining("NOPE");
    }
  }

  @Nested
  class DataSources {
    @Test
    void aDataSourceWithoutUrlFails() {
      assertThatThrownBy(() -> new D1DataSource().getConnection())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("has no URL");
      assertThatThrownBy(() -> new D1DataSource().setUrl("jdbc:sqlite:x"))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWrappedDatabaseIsNotClosedByItsConnections() throws SQLException {
      try (D1SqliteDatabase db = D1Sqlite.inMemory()) {
        D1DataSource ds = D1DataSource.of(db);
        try (Connection c = ds.getConnection()) {
          c.createStatement().executeUpdate("CREATE TABLE t (x)");
        }
        assertThat(db.prepare("SELECT count(*) AS n FROM t").<Long>first("n")).isZero();
        assertThat(ds.isWrapperFor(D1SqliteDatabase.class)).isTrue();
        assertThatThrownBy(() -> ds.setUrl("jdbc:d1:mem:x"))
            .isInstanceOf(IllegalStateException.class);
      }
    }

    @Test
    void thePasswordIsTheToken() {
      D1DataSource ds = new D1DataSource();
      ds.setUrl("jdbc:d1:remote:acc/db");
      assertThatThrownBy(() -> new D1Driver(name -> null).connect(ds.getUrl(), new Properties()))
          .isInstanceOf(SQLInvalidAuthorizationSpecException.class);
    }
  }
}
