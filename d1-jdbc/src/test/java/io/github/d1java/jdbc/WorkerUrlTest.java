package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.testkit.server.FakeD1Server;
import io.github.d1java.testkit.server.FakeResponse;
import io.github.d1java.testkit.server.RecordedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code jdbc:d1:worker:} loads the d1-worker client (reflectively: d1-jdbc does not depend on it)
 * and speaks the Worker protocol. The Worker's answers are scripted on FakeD1Server, as in
 * d1-worker's own client tests, so these run without node; {@link WorkerJdbcContractTest} runs the
 * JDBC contract against the Worker itself under Miniflare.
 */
class WorkerUrlTest {

  private static final String TOKEN = "worker-token-0123456789";
  FakeD1Server server;
  String url;

  @BeforeEach
  void start() {
    server = FakeD1Server.start();
    url = "jdbc:d1:worker:" + server.baseUrl() + "/worker/";
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static FakeResponse rows(String columns, String rows) {
    return FakeResponse.json(
        200,
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{\"success\":true,"
            + "\"results\":{\"columns\":"
            + columns
            + ",\"rows\":"
            + rows
            + "},"
            + "\"meta\":{\"duration\":0.1}}],\"bookmark\":null}");
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("token", TOKEN);
    return DriverManager.getConnection(url, p);
  }

  @Test
  void statementsGoToTheWorkerWithTheToken() throws SQLException {
    server.enqueue(rows("[\"id\",\"id\"]", "[[1,2]]"));
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 AS id, 2 AS id")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(1L);
      assertThat(rs.getLong(2)).isEqualTo(2L);
      assertThat(c.toString()).doesNotContain(TOKEN);
    }
    RecordedRequest r = server.takeRequest();
    assertThat(r.path()).isEqualTo("/client/v4/worker/raw");
    assertThat(r.headers().get("authorization")).containsExactly("Bearer " + TOKEN);
  }

  @Test
  void theWorkersErrorsMapLikeEveryBackends() throws SQLException {
    server.enqueue(
        FakeResponse.json(
            200,
            "{\"success\":false,\"errors\":[{\"code\":7500,\"message\":"
                + "\"D1_ERROR: UNIQUE constraint failed: t.x: SQLITE_CONSTRAINT\"}],"
                + "\"messages\":[],\"result\":null,\"bookmark\":null}"));
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("INSERT INTO t (x) VALUES (1)"))
          .isInstanceOf(SQLIntegrityConstraintViolationException.class)
          .hasMessageContaining("UNIQUE constraint failed: t.x");
    }
  }

  @Test
  void transactionsAreBufferedAsForRest() throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        assertThat(st.executeUpdate("INSERT INTO t (x) VALUES (1)"))
            .isEqualTo(Statement.SUCCESS_NO_INFO);
      }
      assertThat(server.requestCount()).isZero();
      c.rollback();
    }
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void aWorkerUrlNeedsAToken() {
    assertThatThrownBy(() -> new D1Driver(name -> null).connect(url, new Properties()))
        .isInstanceOf(java.sql.SQLInvalidAuthorizationSpecException.class)
        .hasMessageContaining("D1_WORKER_TOKEN");
  }
}
