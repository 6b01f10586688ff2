package io.github.d1java.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1Exception;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * JDBC-level checks every URL kind must pass. Subclasses open connections to one fresh database per
 * test; {@link #interactive()} says whether transactions are local SQLite ones (else buffered).
 */
abstract class JdbcContract {

  /** Opens a new connection to this test's database. */
  abstract Connection connect() throws SQLException;

  /** Whether transactions are real SQLite transactions (local backends). */
  abstract boolean interactive();

  /**
   * Whether every bound number reaches SQLite as REAL, as in D1's binding under workerd ({@code
   * sqlite3_bind_double}); columns with INTEGER affinity still store integers.
   */
  boolean bindsNumbersAsReal() {
    return false;
  }

  /**
   * Whether numbers come back as JavaScript numbers (D1's JSON), so integers beyond 2<sup>53</sup>
   * arrive rounded; {@code CAST(x AS TEXT)} keeps every digit.
   */
  boolean readsNumbersAsJavaScriptNumbers() {
    return false;
  }

  Connection conn;

  @BeforeEach
  void openAndCreate() throws SQLException {
    conn = connect();
    try (Statement st = conn.createStatement()) {
      st.executeUpdate(
          "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, born TEXT,"
              + " score REAL, photo BLOB)");
      st.executeUpdate(
          "CREATE TABLE pet (id INTEGER PRIMARY KEY, owner INTEGER NOT NULL REFERENCES person(id)"
              + " ON DELETE CASCADE, name TEXT)");
      st.executeUpdate("CREATE INDEX pet_owner ON pet (owner)");
    }
  }

  @AfterEach
  void closeConnection() throws SQLException {
    conn.close();
  }

  long count(String table) throws SQLException {
    try (Connection other = connect();
        Statement st = other.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Nested
  class Statements {
    @Test
    void executeUpdateReturnsChangesAndQueriesReturnRows() throws SQLException {
      try (Statement st = conn.createStatement()) {
        assertThat(st.executeUpdate("INSERT INTO person (name) VALUES ('a'), ('b')")).isEqualTo(2);
        assertThat(st.execute("SELECT id, name FROM person ORDER BY id")).isTrue();
        try (ResultSet rs = st.getResultSet()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getLong("id")).isEqualTo(1L);
          assertThat(rs.getString(2)).isEqualTo("a");
          assertThat(rs.next()).isTrue();
          assertThat(rs.next()).isFalse();
        }
        assertThat(st.getMoreResults()).isFalse();
        assertThat(st.getUpdateCount()).isEqualTo(-1);
      }
    }

    @Test
    void anEmptyQueryStillHasItsColumns() throws SQLException {
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT id, name FROM person")) {
        assertThat(rs.next()).isFalse();
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
        assertThat(rs.getMetaData().getColumnLabel(2)).isEqualTo("name");
      }
    }

    @Test
    void duplicateColumnNamesAreKept() throws SQLException {
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT 1 AS x, 2 AS x")) {
        rs.next();
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
        assertThat(rs.getInt(1)).isEqualTo(1);
        assertThat(rs.getInt(2)).isEqualTo(2);
      }
    }

    @Test
    void resultSetMetadataReportsStorageClasses() throws SQLException {
      try (Statement st = conn.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT 1 AS i, 1.5 AS r, 'x' AS t, x'00' AS b, NULL AS n")) {
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnTypeName(1)).isEqualTo("INTEGER");
        assertThat(md.getColumnType(1)).isEqualTo(java.sql.Types.BIGINT);
        assertThat(md.getColumnTypeName(2)).isEqualTo("REAL");
        assertThat(md.getColumnTypeName(3)).isEqualTo("TEXT");
        assertThat(md.getColumnTypeName(4)).isEqualTo("BLOB");
        assertThat(md.getColumnTypeName(5)).isEqualTo("NULL");
      }
    }

    @Test
    void readingBeforeNextOrAfterCloseFails() throws SQLException {
      Statement st = conn.createStatement();
      ResultSet rs = st.executeQuery("SELECT 1");
      assertThatThrownBy(() -> rs.getInt(1)).isInstanceOf(SQLException.class);
      rs.next();
      assertThatThrownBy(() -> rs.getInt(2)).hasMessageContaining("out of range");
      assertThatThrownBy(() -> rs.getInt("nope")).hasMessageContaining("no such column");
      st.close();
      assertThatThrownBy(() -> st.executeQuery("SELECT 1")).hasMessage("Statement is closed");
    }

    @Test
    void executeQueryOnAWriteFails() throws SQLException {
      try (Statement st = conn.createStatement()) {
        assertThatThrownBy(() -> st.executeQuery("DELETE FROM person"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("returned no rows");
      }
    }

    @Test
    void maxRowsLimitsTheResult() throws SQLException {
      try (Statement st = conn.createStatement()) {
        st.setMaxRows(2);
        try (ResultSet rs =
            st.executeQuery(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5) SELECT x FROM c")) {
          int n = 0;
          while (rs.next()) {
            n++;
          }
          assertThat(n).isEqualTo(2);
        }
      }
    }
  }

  @Nested
  class Values {
    @Test
    void javaTypesRoundTrip() throws SQLException {
      UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
      LocalDateTime ldt = LocalDateTime.of(2024, 2, 29, 13, 45, 6, 789_000_000);
      Instant instant = Instant.parse("2024-03-01T10:00:00.5Z");
      try (PreparedStatement ps =
          conn.prepareStatement("SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")) {
        ps.setObject(1, LocalDate.of(2024, 1, 2));
        ps.setObject(2, LocalTime.of(3, 4, 5));
        ps.setObject(3, ldt);
        ps.setObject(4, instant);
        ps.setObject(5, OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
        ps.setObject(6, uuid);
        ps.setObject(7, new BigDecimal("12345678901234567890.123456789"));
        ps.setObject(8, Boolean.TRUE);
        ps.setObject(9, new byte[] {1, 2, 3});
        ps.setObject(10, 42);
        ps.setNull(11, java.sql.Types.VARCHAR);
        ps.setDouble(12, 2.5);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("2024-01-02");
          assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
          assertThat(rs.getString(2)).isEqualTo("03:04:05");
          assertThat(rs.getObject(2, LocalTime.class)).isEqualTo(LocalTime.of(3, 4, 5));
          assertThat(rs.getString(3)).isEqualTo("2024-02-29 13:45:06.789");
          assertThat(rs.getObject(3, LocalDateTime.class)).isEqualTo(ldt);
          assertThat(rs.getString(4)).isEqualTo("2024-03-01 10:00:00.5");
          assertThat(rs.getObject(4, Instant.class)).isEqualTo(instant);
          assertThat(rs.getTimestamp(4).toInstant()).isEqualTo(instant);
          assertThat(rs.getString(5)).isEqualTo("2024-01-01 10:00:00");
          assertThat(rs.getString(6)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
          assertThat(rs.getObject(6, UUID.class)).isEqualTo(uuid);
          assertThat(rs.getBigDecimal(7))
              .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
          assertThat(rs.getObject(8)).isEqualTo(1L);
          assertThat(rs.getBoolean(8)).isTrue();
          assertThat(rs.getBytes(9)).containsExactly(1, 2, 3);
          assertThat(rs.getObject(10, Integer.class)).isEqualTo(42);
          assertThat(rs.getObject(11)).isNull();
          assertThat(rs.getInt(11)).isZero();
          assertThat(rs.wasNull()).isTrue();
          assertThat(rs.getDouble(12)).isEqualTo(2.5);
        }
      }
    }

    @Test
    void timestampsCompareWithSqliteDatetime() throws SQLException {
      try (PreparedStatement ps =
          conn.prepareStatement("SELECT datetime(?) = '2024-01-01 10:00:00'")) {
        ps.setObject(1, Instant.parse("2024-01-01T10:00:00Z"));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getBoolean(1)).isTrue();
        }
      }
    }

    @Test
    void unsupportedTypesAndBadConversionsFail() throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement("SELECT ?")) {
        assertThatThrownBy(() -> ps.setObject(1, new Object()))
            .isInstanceOf(java.sql.SQLDataException.class)
            .hasMessageContaining("cannot store");
        ps.setString(1, "abc");
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThatThrownBy(() -> rs.getInt(1)).isInstanceOf(java.sql.SQLDataException.class);
          assertThatThrownBy(() -> rs.getObject(1, UUID.class))
              .isInstanceOf(java.sql.SQLDataException.class);
        }
      }
    }

    @Test
    void boundIntegersKeepTheirValueAndIntegerColumnsStoreIntegers() throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement("SELECT typeof(?), ?")) {
        ps.setLong(1, 7);
        ps.setLong(2, 7);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo(bindsNumbersAsReal() ? "real" : "integer");
          assertThat(rs.getLong(2)).isEqualTo(7L);
        }
      }
      try (PreparedStatement ps =
          conn.prepareStatement("INSERT INTO person (id, name) VALUES (?, 'a')")) {
        ps.setLong(1, 7);
        ps.executeUpdate();
      }
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT typeof(id), id FROM person")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("integer");
        assertThat(rs.getObject(2)).isEqualTo(7L);
      }
    }

    @Test
    void integersBeyondTwoToThe53AreExactOnlyAsText() throws SQLException {
      try (Statement st = conn.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT 9007199254740993, CAST(9007199254740993 AS TEXT)")) {
        rs.next();
        assertThat(rs.getLong(1))
            .isEqualTo(readsNumbersAsJavaScriptNumbers() ? 9007199254740992L : 9007199254740993L);
        assertThat(rs.getString(2)).isEqualTo("9007199254740993");
      }
    }

    @Test
    void anUnsetParameterFails() throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement("SELECT ?, ?")) {
        ps.setInt(2, 1);
        assertThatThrownBy(ps::executeQuery).hasMessage("parameter 1 is not set");
      }
    }
  }

  @Nested
  class Errors {
    @Test
    void constraintViolationsAreIntegrityExceptionsWithD1sText() throws SQLException {
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
        assertThatThrownBy(() -> st.executeUpdate("INSERT INTO person (name) VALUES ('a')"))
            .isInstanceOf(SQLIntegrityConstraintViolationException.class)
            .hasMessageStartingWith("D1_ERROR: UNIQUE constraint failed: person.name")
            .satisfies(
                e -> {
                  assertThat(((SQLException) e).getSQLState()).isEqualTo("23505");
                  assertThat(e.getCause()).isInstanceOf(D1ConstraintException.class);
                });
        assertThatThrownBy(() -> st.executeUpdate("INSERT INTO pet (owner) VALUES (99)"))
            .isInstanceOf(SQLIntegrityConstraintViolationException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23503"));
        assertThatThrownBy(() -> st.executeUpdate("INSERT INTO person (name) VALUES (NULL)"))
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23502"));
      }
    }

    @Test
    void d1RulesHoldThroughJdbc() throws SQLException {
      try (Statement st = conn.createStatement()) {
        assertThatThrownBy(() -> st.executeQuery("SELECT * FROM nope"))
            .isInstanceOf(SQLSyntaxErrorException.class)
            .hasMessage("D1_ERROR: no such table: nope: SQLITE_ERROR")
            .hasCauseInstanceOf(D1Exception.class);
        assertThatThrownBy(() -> st.execute("BEGIN TRANSACTION"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("state.storage.transaction()");
      }
    }
  }

  @Nested
  class GeneratedKeys {
    @Test
    void returnGeneratedKeysGivesTheLastRowId() throws SQLException {
      try (PreparedStatement ps =
          conn.prepareStatement(
              "INSERT INTO person (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, "a");
        assertThat(ps.executeUpdate()).isEqualTo(1);
        ps.setString(1, "b");
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
          assertThat(keys.next()).isTrue();
          assertThat(keys.getLong(1)).isEqualTo(2L);
          assertThat(keys.next()).isFalse();
        }
      }
    }

    @Test
    void keyColumnNamesUseReturningForEveryRow() throws SQLException {
      try (PreparedStatement ps =
          conn.prepareStatement(
              "INSERT INTO person (name) VALUES (?), (?)", new String[] {"id", "name"})) {
        ps.setString(1, "a");
        ps.setString(2, "b");
        assertThat(ps.executeUpdate()).isEqualTo(2);
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          while (rs.next()) {
            keys.add(rs.getLong("id") + ":" + rs.getString("name"));
          }
        }
        assertThat(keys).containsExactly("1:a", "2:b");
      }
    }

    @Test
    void returningRowsComeBackAsAResultSet() throws SQLException {
      try (Statement st = conn.createStatement()) {
        assertThat(st.execute("INSERT INTO person (name) VALUES ('z') RETURNING id, name"))
            .isTrue();
        try (ResultSet rs = st.getResultSet()) {
          rs.next();
          assertThat(rs.getString("name")).isEqualTo("z");
        }
      }
    }
  }

  @Nested
  class Batches {
    @Test
    void executeBatchRunsOneAtomicBatch() throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO person (name) VALUES (?)")) {
        for (String n : List.of("a", "b", "c")) {
          ps.setString(1, n);
          ps.addBatch();
        }
        assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
      }
      assertThat(count("person")).isEqualTo(3);
    }

    @Test
    void aFailingBatchChangesNothing() throws SQLException {
      try (PreparedStatement ps = conn.prepareStatement("INSERT INTO person (name) VALUES (?)")) {
        for (String n : List.of("a", "b", "a")) {
          ps.setString(1, n);
          ps.addBatch();
        }
        assertThatThrownBy(ps::executeBatch)
            .isInstanceOf(BatchUpdateException.class)
            .hasMessageContaining("UNIQUE constraint failed")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
      }
      assertThat(count("person")).isZero();
    }

    @Test
    void statementBatchesToo() throws SQLException {
      try (Statement st = conn.createStatement()) {
        st.addBatch("INSERT INTO person (name) VALUES ('a')");
        st.addBatch("UPDATE person SET score = 1");
        assertThat(st.executeBatch()).containsExactly(1, 1);
      }
    }
  }

  @Nested
  class Transactions {
    @Test
    void commitMakesEveryWriteVisible() throws SQLException {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
        st.executeUpdate("INSERT INTO person (name) VALUES ('b')");
        conn.commit();
      }
      assertThat(count("person")).isEqualTo(2);
    }

    @Test
    void rollbackUndoesEverything() throws SQLException {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
        st.executeUpdate("CREATE TABLE extra (x)");
        conn.rollback();
      }
      conn.setAutoCommit(true);
      assertThat(count("person")).isZero();
      try (ResultSet rs = conn.getMetaData().getTables(null, null, "extra", null)) {
        assertThat(rs.next()).isFalse();
      }
    }

    @Test
    void aFailingStatementAtCommitOrBeforeLeavesNothing() throws SQLException {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
        try {
          st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
          conn.commit();
        } catch (SQLIntegrityConstraintViolationException e) {
          conn.rollback();
        }
      }
      assertThat(count("person")).isZero();
    }

    @Test
    void savepointsUndoPartOfATransaction() throws SQLException {
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
        Savepoint sp = conn.setSavepoint();
        st.executeUpdate("INSERT INTO person (name) VALUES ('b')");
        conn.rollback(sp);
        st.executeUpdate("INSERT INTO person (name) VALUES ('c')");
        conn.commit();
      }
      List<String> names = new ArrayList<>();
      try (Statement st = conn.createStatement();
          ResultSet rs = st.executeQuery("SELECT name FROM person ORDER BY name")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      assertThat(names).containsExactly("a", "c");
    }

    @Test
    void readsOfUnwrittenTablesWorkInsideATransaction() throws SQLException {
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
      }
      conn.setAutoCommit(false);
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("INSERT INTO pet (owner, name) VALUES (1, 'rex')");
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM person")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(1L);
        }
        conn.commit();
      }
    }

    @Test
    void commitOrRollbackWithAutoCommitOnFails() {
      assertThatThrownBy(() -> conn.commit()).hasMessageContaining("auto-commit on");
      assertThatThrownBy(() -> conn.rollback()).hasMessageContaining("auto-commit on");
    }

    @Test
    void closingAConnectionRollsBack() throws SQLException {
      Connection c = connect();
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.executeUpdate("INSERT INTO person (name) VALUES ('a')");
      }
      c.close();
      assertThat(count("person")).isZero();
      assertThatThrownBy(c::createStatement).hasMessage("Connection is closed");
    }
  }

  @Nested
  class Metadata {
    @Test
    void productIsSqliteWithItsVersion() throws SQLException {
      DatabaseMetaData md = conn.getMetaData();
      assertThat(md.getDatabaseProductName()).isEqualTo("SQLite");
      assertThat(md.getDatabaseProductVersion()).isEqualTo("3.47.0");
      assertThat(md.getDatabaseMajorVersion()).isEqualTo(3);
    }

    @Test
    void tablesColumnsKeysAndIndexes() throws SQLException {
      DatabaseMetaData md = conn.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).containsExactly("person", "pet");
      List<String> columns = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, null, "person", null)) {
        while (rs.next()) {
          columns.add(
              rs.getString("COLUMN_NAME")
                  + ":"
                  + rs.getString("TYPE_NAME")
                  + ":"
                  + rs.getString("IS_NULLABLE"));
        }
      }
      assertThat(columns)
          .containsExactly(
              "id:INTEGER:YES",
              "name:TEXT:NO",
              "born:TEXT:YES",
              "score:REAL:YES",
              "photo:BLOB:YES");
      try (ResultSet rs = md.getPrimaryKeys(null, null, "person")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("COLUMN_NAME")).isEqualTo("id");
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = md.getIndexInfo(null, null, "pet", false, false)) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("INDEX_NAME")).isEqualTo("pet_owner");
        assertThat(rs.getString("COLUMN_NAME")).isEqualTo("owner");
      }
      try (ResultSet rs = md.getImportedKeys(null, null, "pet")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("PKTABLE_NAME")).isEqualTo("person");
        assertThat(rs.getString("PKCOLUMN_NAME")).isEqualTo("id");
        assertThat(rs.getString("FKCOLUMN_NAME")).isEqualTo("owner");
        assertThat(rs.getInt("DELETE_RULE")).isEqualTo(DatabaseMetaData.importedKeyCascade);
      }
      try (ResultSet rs = md.getExportedKeys(null, null, "person")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("FKTABLE_NAME")).isEqualTo("pet");
      }
    }

    @Test
    void internalTablesAreHidden() throws SQLException {
      try (Statement st = conn.createStatement()) {
        st.executeUpdate("CREATE TABLE counter (id INTEGER PRIMARY KEY AUTOINCREMENT)");
      }
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = conn.getMetaData().getTables(null, null, null, null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).containsExactly("counter", "person", "pet");
    }
  }

  @Nested
  class Connections {
    @Test
    void isValidWhileOpen() throws SQLException {
      assertThat(conn.isValid(5)).isTrue();
      Connection c = connect();
      c.close();
      assertThat(c.isValid(5)).isFalse();
      assertThatThrownBy(() -> conn.isValid(-1)).isInstanceOf(SQLException.class);
    }

    @Test
    void onlySerializableIsolation() throws SQLException {
      assertThat(conn.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
      assertThatThrownBy(() -> conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED))
          .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
    }

    @Test
    void unsupportedFeaturesSaySo() {
      assertThatThrownBy(() -> conn.prepareCall("x"))
          .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
      assertThatThrownBy(
              () ->
                  conn.createStatement(
                      ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY))
          .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
      assertThatThrownBy(() -> conn.prepareStatement("x", new int[] {1}))
          .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
    }
  }
}
