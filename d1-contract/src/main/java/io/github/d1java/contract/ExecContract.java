package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ExecException;
import io.github.d1java.D1ExecResult;
import org.junit.jupiter.api.Test;

/**
 * {@code exec}: newline-split lines, one transaction, D1's line-1 error quirk (§2.3).
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class ExecContract extends ContractSupport {

  @Test
  void runsOneLine() {
    D1ExecResult r = db.exec("select 1");
    assertThat(r.count()).isEqualTo(1);
    assertThat(r.duration()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void countsEachLine() {
    assertThat(db.exec("CREATE TABLE t (v TEXT);\nINSERT INTO t VALUES ('a');").count())
        .isEqualTo(2);
    assertThat(count("t")).isEqualTo(1L);
  }

  @Test
  void blankAndWhitespaceLinesAreNotCounted() {
    assertThat(
            db.exec("CREATE TABLE t (v TEXT);\nINSERT INTO t VALUES ('a');\n\n   \nSELECT 1")
                .count())
        .isEqualTo(3);
  }

  @Test
  void severalStatementsOnOneLineRunButCountOnce() {
    assertThat(db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('a')").count()).isEqualTo(1);
    assertThat(count("t")).isEqualTo(1L);
  }

  @Test
  void crlfLineEndingsWork() {
    assertThat(db.exec("CREATE TABLE t (v TEXT);\r\nINSERT INTO t VALUES ('a');\r\n").count())
        .isEqualTo(2);
    assertThat(count("t")).isEqualTo(1L);
  }

  @Test
  void errorAlwaysNamesLineOneAndQuotesTheFirstLine() {
    sql("CREATE TABLE bt (v TEXT)");
    assertD1Error(
        D1ExecException.class,
        "D1_EXEC_ERROR: Error in line 1: INSERT INTO bt (v) VALUES ('w1'): near \"SELEC\":"
            + " syntax error at offset 0: SQLITE_ERROR",
        () -> db.exec("INSERT INTO bt (v) VALUES ('w1')\nSELEC 1"));
  }

  @Test
  void failureRollsBackEarlierLines() {
    sql("CREATE TABLE bt (v TEXT)");
    assertThatThrownBy(() -> db.exec("INSERT INTO bt (v) VALUES ('w1')\nSELEC 1"))
        .isInstanceOf(D1ExecException.class);
    assertThat(count("bt")).isZero();
  }

  @Test
  void statementSplitOverLinesFails() {
    sql("CREATE TABLE bt (v TEXT)");
    assertD1Error(
        D1ExecException.class,
        "D1_EXEC_ERROR: Error in line 1: INSERT INTO bt (v): incomplete input: SQLITE_ERROR",
        () -> db.exec("INSERT INTO bt (v)\nVALUES ('x')"));
  }

  @Test
  void commentLineAtColumnZeroFails() {
    assertD1Error(
        D1ExecException.class,
        "D1_EXEC_ERROR: Error in line 1: -- hello: SQL code did not contain a statement.",
        () -> db.exec("-- hello\nSELECT 1"));
  }

  @Test
  void indentedCommentLineAfterTheFirstIsDropped() {
    assertThat(db.exec("SELECT 1\n   -- hello\nSELECT 2").count()).isEqualTo(2);
  }

  @Test
  void indentedCommentOnTheFirstLineIsTrimmedAndFails() {
    assertD1Error(
        D1ExecException.class,
        "D1_EXEC_ERROR: Error in line 1: -- c: SQL code did not contain a statement.",
        () -> db.exec("   -- c\nSELECT 1"));
  }

  @Test
  void lineWithOnlyASemicolonFails() {
    assertD1Error(
        D1ExecException.class,
        "D1_EXEC_ERROR: Error in line 1: SELECT 1: SQL code did not contain a statement.",
        () -> db.exec("SELECT 1\n;"));
  }

  @Test
  void trailingNewlinesAreTrimmed() {
    assertThat(db.exec("SELECT 1\n\n\n").count()).isEqualTo(1);
  }

  @Test
  void emptyInputFails() {
    assertD1Error(
        D1ExecException.class,
        "D1_EXEC_ERROR: Error in line 1: : No SQL statements detected.",
        () -> db.exec(""));
  }

  @Test
  void parametersFail() {
    assertD1Error(
        D1ExecException.class,
        "D1_EXEC_ERROR: Error in line 1: SELECT ?: Wrong number of parameter bindings for SQL"
            + " query.",
        () -> db.exec("SELECT ?"));
  }

  @Test
  void invalidSqlFailsWithExecError() {
    assertD1Error(
        D1ExecException.class,
        "D1_EXEC_ERROR: Error in line 1: INVALID SQL: near \"INVALID\": syntax error at offset 0:"
            + " SQLITE_ERROR",
        () -> db.exec("INVALID SQL"));
  }
}
