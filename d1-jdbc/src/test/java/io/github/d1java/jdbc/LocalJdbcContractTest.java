package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.d1java.sqlite.D1Sqlite;
import io.github.d1java.sqlite.D1SqliteDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the local backends, plus what only local transactions can do. */
class LocalJdbcContractTest {

  private static final AtomicInteger NAMES = new AtomicInteger();

  @Nested
  class File extends LocalChecks {
    @TempDir Path dir;

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:d1:file:" + dir.resolve("contract.db"));
    }

    @Test
    void otherConnectionsReadTheCommittedStateMeanwhile() throws SQLException {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
        assertThat(count("person")).isZero();
        conn.commit();
      }
      assertThat(count("person")).isEqualTo(1L);
    }
  }

  @Nested
  class Memory extends LocalChecks {
    final String name = "contract" + NAMES.incrementAndGet();

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:d1:mem:" + name);
    }
  }

  @Nested
  class Wrangler extends LocalChecks {
    @TempDir Path dir;

    @Override
    Connection connect() throws SQLException {
      Path config = dir.resolve("wrangler.toml");
      try {
        if (!Files.exists(config)) {
          Files.writeString(
              config,
              "name = \"app\"\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app\"\n"
                  + "database_id = \"51e7c314-456e-4167-b6c3-869ad188fc23\"\n");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Properties p = new Properties();
      p.setProperty("config", config.toString());
      return DriverManager.getConnection("jdbc:d1:wrangler:DB", p);
    }
  }

  @Nested
  class WrappedDatabase extends LocalChecks {
    final D1SqliteDatabase db = D1Sqlite.inMemory();

    @Override
    Connection connect() throws SQLException {
      return D1DataSource.of(db).getConnection();
    }

    @AfterEach
    void closeDb() {
      db.close();
    }
  }

  abstract static class LocalChecks extends JdbcContract {
    @Override
    boolean interactive() {
      return true;
    }

    @Test
    void aTransactionReadsItsOwnWrites() throws SQLException {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM person")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1L);
        }
        conn.commit();
      }
      assertThat(count("person")).isEqualTo(1L);
    }
  }
}
