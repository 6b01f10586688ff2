package io.github.d1java.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlClassifierTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT 1",
      "  -- comment\nselect * from t;",
      "/* c */ SELECT replace(name, 'a', 'b') FROM t",
      "WITH x AS (SELECT 1) SELECT * FROM x",
      "EXPLAIN QUERY PLAN SELECT * FROM t",
      "SELECT 'INSERT INTO t' AS s, \"update\" FROM t",
      "SELECT 1; -- trailing comment",
      "VALUES (1), (2)"})
  void readOnlyStatements(String sql) {
    assertThat(SqlClassifier.isReadOnly(sql)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO t VALUES (1)",
      "UPDATE t SET a = 1",
      "WITH x AS (SELECT 1) DELETE FROM t",
      "SELECT 1; SELECT 2",
      "SELECT 1; DROP TABLE t",
      "PRAGMA foreign_keys",
      "REPLACE INTO t VALUES (1)",
      "SELECT * FROM t RETURNING *",
      "",
      "   ",
      "-- only a comment",
      "'SELECT'",
      "SELECT 'unterminated",
      "CREATE TABLE t(x)"})
  void statementsThatMayWrite(String sql) {
    assertThat(SqlClassifier.isReadOnly(sql)).isFalse();
  }
}
