package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.testkit.server.FakeD1Server;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract over REST against FakeD1Server, plus the buffered transaction's rules. */
class RemoteJdbcContractTest extends JdbcContract {

  private static final AtomicInteger NAMES = new AtomicInteger();
  static FakeD1Server server;
  private String url;

  @BeforeAll
  static void start() {
    server = FakeD1Server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Properties props() {
    Properties p = new Properties();
    p.setProperty("token", server.apiToken());
    p.setProperty("baseUrl", server.baseUrl());
    return p;
  }

  @Override
  Connection connect() throws SQLException {
    if (url == null) {
      String id = server.createDatabase("contract" + NAMES.incrementAndGet());
      url = "jdbc:d1:remote:" + server.accountId() + "/" + id;
    }
    return DriverManager.getConnection(url, props());
  }

  @Override
  boolean interactive() {
    return false;
  }

  @Override
  boolean readsNumbersAsJavaScriptNumbers() {
    return true; // D1's REST API answers in JSON, and FakeD1Server does as D1 does
  }

  @Test
  void writesAreSentAtCommitAndTheirCountIsNotKnownBefore() throws SQLException {
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      assertThat(st.executeUpdate("INSERT INTO person (name) VALUES ('a')"))
          .isEqualTo(Statement.SUCCESS_NO_INFO);
      assertThat(count("person")).isZero();
      conn.commit();
    }
    assertThat(count("person")).isEqualTo(1L);
  }

  @Test
  void aReadOfAWrittenTableIsRefused() throws SQLException {
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
      assertThatThrownBy(() -> st.executeQuery("SELECT count(*) FROM person"))
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessageContaining("'person'")
          .hasMessageContaining("at commit()")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25000"));
      assertThatThrownBy(() -> st.executeQuery("SELECT last_insert_rowid()"))
          .isInstanceOf(SQLFeatureNotSupportedException.class);
    }
  }

  @Test
  void aReadReachingAWrittenTableThroughAForeignKeyIsRefused() throws SQLException {
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("DELETE FROM person WHERE id = 1");
      assertThatThrownBy(() -> st.executeQuery("SELECT count(*) FROM pet"))
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessageContaining("'pet'");
    }
  }

  @Test
  void theSchemaAfterBufferedDdlIsRefused() throws SQLException {
    conn.setAutoCommit(false);
    try (Statement st = conn.createStatement()) {
      st.executeUpdate("CREATE TABLE extra (x)");
      assertThatThrownBy(() -> conn.getMetaData().getTables(null, null, null, null))
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessageContaining("the schema");
    }
  }

  @Test
  void writesWhoseRowsAreNeededAreRefusedInATransaction() throws SQLException {
    conn.setAutoCommit(false);
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO person (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "a");
      assertThatThrownBy(ps::executeUpdate)
          .isInstanceOf(SQLFeatureNotSupportedException.class)
          .hasMessageContaining("auto-commit on");
    }
    try (Statement st = conn.createStatement()) {
      assertThatThrownBy(() -> st.execute("INSERT INTO person (name) VALUES ('b') RETURNING id"))
          .isInstanceOf(SQLFeatureNotSupportedException.class);
    }
  }

  @Test
  void networkTimeoutIsTheClientsOwn() {
    assertThatThrownBy(() -> conn.setNetworkTimeout(Runnable::run, 1000))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessageContaining("request timeout");
  }

  @Test
  void aWrongTokenIsAnAuthorizationError() throws SQLException {
    Properties p = props();
    p.setProperty("token", "wrong-token-0123456789");
    try (Connection c = DriverManager.getConnection(url, p);
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("SELECT 1"))
          .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-token"));
    }
  }

  @Test
  void aMissingTokenFailsAtConnect() {
    Properties p = new Properties();
    p.setProperty("baseUrl", server.baseUrl());
    assertThatThrownBy(() -> new D1Driver(name -> null).connect(url, p))
        .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
        .hasMessageContaining("needs an API token");
  }

  @Test
  void theTokenNeverShowsInToString() throws SQLException {
    assertThat(conn.toString()).doesNotContain(server.apiToken());
    try (ResultSet rs = conn.getMetaData().getTables(null, null, null, null)) {
      assertThat(conn.getMetaData().getURL()).doesNotContain(server.apiToken());
    }
  }
}
